/* nn-relu: the rectified linear unit, y = max(0, x), row by row */
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-relu [-b fwd_input]";
static const char options[] =
    "Reads a tensor on stdin and writes max(0, x) of each value.\n"
    "  -b fwd_input  backward: read dY on stdin beside the forward input\n"
    "                and write dX = dY where the input is > 0, else 0\n";

int
main(int argc, char *argv[])
{
	const char *bfile = NULL;
	int c;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "b:")) != -1) {
		switch (c) {
		case 'b':
			bfile = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (optind != argc)
		nn_usage(usage);
	if (bfile != NULL && strcmp(bfile, "-") == 0)
		nn_usage_msg(usage, "fwd_input must be a file: stdin is dY");
	if (bfile != NULL)
		nn_map_rows_backward(bfile, nn_relu_backward);
	else
		nn_map_rows("-", nn_relu_forward);
	return NN_EXIT_OK;
}

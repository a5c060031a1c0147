/* nn-tanh: the hyperbolic tangent, y = tanh x, value by value */
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-tanh [-b fwd_output]";
static const char options[] =
    "Reads a tensor on stdin and writes tanh x of each value.\n"
    "  -b fwd_output  backward: read dY on stdin beside the forward output\n"
    "                 and write dX = dY (1 - y^2)\n";

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
		nn_usage_msg(usage, "fwd_output must be a file: stdin is dY");
	if (bfile != NULL)
		nn_map_rows_backward(bfile, nn_tanh_backward);
	else
		nn_map_rows("-", nn_tanh_forward);
	return NN_EXIT_OK;
}

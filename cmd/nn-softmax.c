/* nn-softmax: exp(x - max x) / sum exp(x - max x) along each row */
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-softmax [-b fwd_output]";
static const char options[] =
    "Reads a tensor on stdin and writes the softmax of each row.\n"
    "  -b fwd_output  backward: read dY on stdin beside the forward output\n"
    "                 and write dX = J . dY, J = diag(s) - s s^T per row\n";

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
		nn_map_rows_backward(bfile, nn_softmax_backward);
	else
		nn_map_rows("-", nn_softmax_forward);
	return NN_EXIT_OK;
}

/* nn-softmax: exp(x - max x) / sum exp(x - max x) along each row */
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-softmax";
static const char options[] =
    "Reads a tensor on stdin and writes the softmax of each row.\n";

int
main(int argc, char *argv[])
{
	int c;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "")) != -1)
		nn_usage(usage);
	if (optind != argc)
		nn_usage(usage);
	nn_map_rows("-", nn_softmax_forward);
	return NN_EXIT_OK;
}

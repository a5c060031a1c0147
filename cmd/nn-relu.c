/* nn-relu: the rectified linear unit, y = max(0, x), row by row */
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-relu";
static const char options[] =
    "Reads a tensor on stdin and writes max(0, x) of each value.\n";

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
	nn_map_rows("-", nn_relu_forward);
	return NN_EXIT_OK;
}

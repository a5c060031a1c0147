/* nn-step: the step function, y = 1 where x > 0, else 0, value by value */
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-step";
static const char options[] =
    "Reads a tensor on stdin and writes 1 where a value is > 0, else 0.\n";

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
	nn_map_rows("-", nn_step_forward);
	return NN_EXIT_OK;
}

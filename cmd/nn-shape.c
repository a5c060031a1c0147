/* nn-shape: the shape of each tensor, as numpy prints it */
#include <stdio.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-shape [file ...]";
static const char options[] =
    "Prints the shape of each file's tensor (stdin without a file or with "
    "-).\n";

/* read the tensor in path row by row and print its shape */
static void
shape(const char *path)
{
	struct nn_reader *r = nn_reader_open(path);
	const float *row;
	size_t n, dims[NN_MAXDIM];
	char buf[NN_MAXDIM * 24];
	int sep, ndim;

	while (nn_read_row(r, &row, &n, &sep))
		;
	ndim = nn_reader_shape(r, dims);
	nn_reader_close(r);
	nn_shape_fmt(ndim, dims, buf, sizeof(buf));
	puts(buf);
}

int
main(int argc, char *argv[])
{
	int c, i;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "")) != -1)
		nn_usage(usage);
	if (optind == argc)
		shape("-");
	for (i = optind; i < argc; i++)
		shape(argv[i]);
	if (fflush(stdout) == EOF || ferror(stdout))
		nn_die_errno("<stdout>");
	return NN_EXIT_OK;
}

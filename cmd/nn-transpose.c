/* nn-transpose: numpy's .T, the axes in reverse order */
#include <stdlib.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-transpose [file]";
static const char options[] =
    "Writes the transpose of the tensor in file (default stdin).\n";

/* y = x.T: y[i_{n-1}, ..., i_0] = x[i_0, ..., i_{n-1}] */
static void
transpose(const struct nn_tensor *x, struct nn_tensor *y)
{
	size_t idx[NN_MAXDIM] = { 0 }, stride[NN_MAXDIM], size, i, off;
	int k, nd = x->ndim;

	y->ndim = nd;
	for (k = 0; k < nd; k++)
		y->dims[k] = x->dims[nd - 1 - k];
	size = nn_tensor_size(x);
	y->v = nn_malloc(nn_mul(size, sizeof(float)));
	/* stride in y of each axis of x */
	for (k = 0; k < nd; k++) {
		int j;

		stride[k] = 1;
		for (j = nd - k; j < nd; j++)
			stride[k] *= y->dims[j];
	}
	for (i = 0, off = 0; i < size; i++) {
		y->v[off] = x->v[i];
		for (k = nd - 1; k >= 0; k--) {
			off += stride[k];
			if (++idx[k] < x->dims[k])
				break;
			off -= stride[k] * x->dims[k];
			idx[k] = 0;
		}
	}
}

int
main(int argc, char *argv[])
{
	struct nn_tensor x, y;
	struct nn_writer w;
	int c;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "")) != -1)
		nn_usage(usage);
	if (argc - optind > 1)
		nn_usage(usage);
	nn_tensor_read(&x, optind < argc ? argv[optind] : "-");
	transpose(&x, &y);
	nn_writer_stdout(&w);
	if (nn_tensor_size(&y) > 0)
		nn_write_tensor(&w, &y);
	nn_writer_close(&w);
	nn_tensor_free(&x);
	nn_tensor_free(&y);
	return NN_EXIT_OK;
}

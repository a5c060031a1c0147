/* nn-idx: an IDX file (MNIST, Fashion-MNIST) to a text tensor */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-idx [-fs] [-n count] [file]";
static const char options[] =
    "Reads an IDX file (stdin when no file or -) and writes its items:\n"
    "a value a line for 1-D data such as labels, blocks of rows else.\n"
    "  -f        flatten: each item on one row\n"
    "  -n count  write the first count items only\n"
    "  -s        scale as nnfs does: (x - 127.5) / 127.5 in float32\n";

int
main(int argc, char *argv[])
{
	struct nn_idx idx;
	struct nn_tensor item;
	struct nn_writer out;
	long count = -1, n;
	int c, fflag = 0, sflag = 0, k;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "fn:s")) != -1) {
		switch (c) {
		case 'f':
			fflag = 1;
			break;
		case 'n':
			count = nn_arg_long(usage, "count", optarg, 0, LONG_MAX);
			break;
		case 's':
			sflag = 1;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind > 1)
		nn_usage(usage);

	nn_idx_open(&idx, optind < argc ? argv[optind] : "-");
	/* an item is the tensor of the dimensions after the first */
	item.ndim = fflag ? (idx.ndim > 1) : idx.ndim - 1;
	item.dims[0] = idx.count;
	for (k = 0; !fflag && k < item.ndim; k++)
		item.dims[k] = idx.dims[k + 1];
	item.v = idx.dims[0] > 0 ? nn_malloc(idx.count * sizeof(float)) : NULL;
	nn_writer_stdout(&out);
	for (n = 0; n != count && nn_idx_read(&idx, item.v); n++) {
		if (sflag)
			nn_idx_scale(item.v, idx.count);
		/* numpy's blank lines between the 2-D slices of items */
		if (n > 0 && item.ndim >= 2)
			nn_write_blank(&out, item.ndim - 1);
		nn_write_tensor(&out, &item);
	}
	nn_writer_close(&out);
	nn_idx_close(&idx);
	free(item.v);
	return NN_EXIT_OK;
}

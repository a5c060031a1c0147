/* nn-npy: a tensor to numpy's .npy format, and with -r back to text */
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-npy [-r] [-d f4|f8] [file]";
static const char options[] =
    "Writes the tensor in file (default stdin) as a .npy file on stdout.\n"
    "  -d f4|f8  the dtype written: float32 (the default) or float64\n"
    "  -r        reverse: write the tensor as text, row by row\n";

/* the tensor in path as text rows, blocks kept, streamed */
static void
to_text(const char *path)
{
	struct nn_reader *r = nn_reader_open(path);
	struct nn_writer w;
	const float *row;
	size_t n;
	int sep;

	nn_writer_stdout(&w);
	nn_reader_on_idle(r, nn_writer_flush_hook, &w);
	while (nn_read_row(r, &row, &n, &sep)) {
		nn_write_blank(&w, sep);
		nn_write_row(&w, row, n);
	}
	nn_writer_close(&w);
	nn_reader_close(r);
}

/* the whole tensor in path, then as .npy: the header needs its shape */
static void
to_npy(const char *path, int f8)
{
	struct nn_tensor t;
	struct nn_writer w;

	nn_tensor_read(&t, path);
	nn_writer_stdout(&w);
	nn_npy_write(&w, &t, f8);
	nn_writer_close(&w);
	nn_tensor_free(&t);
}

int
main(int argc, char *argv[])
{
	const char *dtype = NULL;
	int c, rflag = 0;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "d:r")) != -1) {
		switch (c) {
		case 'd':
			if (strcmp(optarg, "f4") != 0 &&
			    strcmp(optarg, "f8") != 0)
				nn_usage_msg(usage, "dtype must be f4 or f8: "
				    "'%s'", optarg);
			dtype = optarg;
			break;
		case 'r':
			rflag = 1;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind > 1)
		nn_usage(usage);
	if (rflag && dtype != NULL)
		nn_usage_msg(usage, "-d is for .npy output, not with -r");
	if (rflag)
		to_text(optind < argc ? argv[optind] : "-");
	else
		to_npy(optind < argc ? argv[optind] : "-",
		    dtype != NULL && strcmp(dtype, "f8") == 0);
	return NN_EXIT_OK;
}

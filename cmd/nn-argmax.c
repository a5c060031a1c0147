/* nn-argmax: the index of the largest value of each row */
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-argmax";
static const char options[] =
    "Reads a tensor on stdin and writes the index of the largest value of\n"
    "each row, the first on ties, one a line.\n";

int
main(int argc, char *argv[])
{
	struct nn_reader *r;
	struct nn_writer w;
	const float *x;
	size_t n;
	int c, sep;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "")) != -1)
		nn_usage(usage);
	if (optind != argc)
		nn_usage(usage);
	r = nn_reader_open("-");
	nn_writer_stdout(&w);
	nn_reader_on_idle(r, nn_writer_flush_hook, &w);
	while (nn_read_row(r, &x, &n, &sep)) {
		if (n == 0)
			nn_die_at(nn_reader_name(r), nn_reader_line(r), 0,
			    "attempt to get argmax of an empty sequence");
		nn_write_blank(&w, sep);
		nn_write_label(&w, (long)nn_argmax(x, n));
	}
	nn_writer_close(&w);
	nn_reader_close(r);
	return NN_EXIT_OK;
}

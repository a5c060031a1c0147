/* nn-sine: nnfs's sine_data, x on stdout and y = sin(2 pi x) */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-sine [-l] [-y file] [samples]";
static const char options[] =
    "  -l       append y to each row as a last column\n"
    "  -y file  write y, one a line, to file\n"
    "samples is 1000 if left out\n";

int
main(int argc, char *argv[])
{
	struct nn_writer out, tgt;
	long samples = 1000;
	const char *yfile = NULL;
	double xy[2];
	float row[2];
	size_t i;
	int opt, lflag = 0;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((opt = getopt(argc, argv, "ly:")) != -1) {
		switch (opt) {
		case 'l':
			lflag = 1;
			break;
		case 'y':
			yfile = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind > 1)
		nn_usage(usage);
	if (argc - optind == 1)
		samples = nn_arg_long(usage, "samples", argv[optind], 1,
		    LONG_MAX);

	nn_writer_stdout(&out);
	if (yfile != NULL)
		nn_writer_open(&tgt, yfile);
	for (i = 0; i < (size_t)samples; i++) {
		/* float64 as numpy makes them, printed as the nearest float32 */
		nn_sine_point((size_t)samples, i, xy);
		row[0] = (float)xy[0];
		row[1] = (float)xy[1];
		nn_write_row(&out, row, lflag ? 2 : 1);
		if (yfile != NULL)
			nn_write_row(&tgt, row + 1, 1);
	}
	nn_writer_close(&out);
	if (yfile != NULL)
		nn_writer_close(&tgt);
	return NN_EXIT_OK;
}

/* nn-vertical: nnfs's vertical_data, X on stdout and the labels y */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] =
    "nn-vertical [-l] [-s seed] [-j skip] [-y file] samples classes";
static const char options[] =
    "  -l       append the class label to each row as a last column\n"
    "  -s seed  seed of numpy's random stream (default 0)\n"
    "  -j skip  skip this many normals of the stream first\n"
    "  -y file  write the labels, one a line, to file\n";

int
main(int argc, char *argv[])
{
	struct nn_rng rng, xs;
	struct nn_writer out, lab;
	unsigned long seed = 0;
	long skip = 0, samples, classes, c;
	const char *yfile = NULL;
	float row[3];
	size_t i;
	int opt, lflag = 0;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((opt = getopt(argc, argv, "j:ls:y:")) != -1) {
		switch (opt) {
		case 'j':
			skip = nn_arg_long(usage, "skip", optarg, 0, LONG_MAX);
			break;
		case 'l':
			lflag = 1;
			break;
		case 's':
			seed = nn_arg_seed(usage, optarg);
			break;
		case 'y':
			yfile = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind != 2)
		nn_usage(usage);
	samples = nn_arg_long(usage, "samples", argv[optind], 1, LONG_MAX);
	classes = nn_arg_long(usage, "classes", argv[optind + 1], 1, 1L << 24);

	nn_rng_seed(&rng, (uint32_t)seed);
	nn_rng_skip_normals(&rng, (unsigned long)skip);
	nn_writer_stdout(&out);
	if (yfile != NULL)
		nn_writer_open(&lab, yfile);
	for (c = 0; c < classes; c++) {
		nn_vertical_class(&rng, (size_t)samples, &xs);
		for (i = 0; i < (size_t)samples; i++) {
			nn_vertical_point(&xs, &rng, (int)c, row);
			row[2] = (float)c;
			nn_write_row(&out, row, lflag ? 3 : 2);
			if (yfile != NULL)
				nn_write_label(&lab, c);
		}
	}
	nn_writer_close(&out);
	if (yfile != NULL)
		nn_writer_close(&lab);
	return NN_EXIT_OK;
}

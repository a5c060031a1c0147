/* nn-accuracy: the share of predictions that are right, as np.mean prints */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-accuracy [-t categorical|binary|regression] "
    "[-p precision] -y targets";
static const char options[] =
    "  -t kind       categorical (default): argmax equals the class;\n"
    "                binary: (p > 0.5) equals t; regression: |p - t| <\n"
    "                precision\n"
    "  -p precision  regression's tolerance (default: np.std(targets) / 250)\n"
    "  -y targets    class indices or one-hot rows (categorical), else rows\n"
    "                as wide as the predictions\n";

int
main(int argc, char *argv[])
{
	struct nn_targets t;
	struct nn_reader *r;
	struct nn_writer w;
	const char *yfile = NULL, *pflag = NULL;
	const float *p;
	char buf[32];
	float precision = 0;
	unsigned long rows = 0;
	size_t n, width = 0, right = 0;
	int c, sep, kind = NN_ACC_CATEGORICAL, labels;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "p:t:y:")) != -1) {
		switch (c) {
		case 'p':
			pflag = optarg;
			precision = nn_arg_float(usage, "precision", optarg);
			if (precision < 0)
				nn_usage_msg(usage,
				    "precision '%s' is negative", optarg);
			break;
		case 't':
			if ((kind = nn_accuracy_kind(optarg)) < 0)
				nn_usage_msg(usage, "unknown kind '%s'",
				    optarg);
			break;
		case 'y':
			yfile = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (optind != argc || yfile == NULL)
		nn_usage(usage);
	if (strcmp(yfile, "-") == 0)
		nn_usage_msg(usage, "the targets cannot be stdin, which holds "
		    "the predictions");
	if (pflag != NULL && kind != NN_ACC_REGRESSION)
		nn_usage_msg(usage, "-p needs -t regression");

	labels = kind == NN_ACC_CATEGORICAL;
	nn_targets_read(&t, yfile, labels);
	if (kind == NN_ACC_REGRESSION && pflag == NULL)
		precision = nn_regression_precision(t.v, t.rows * t.cols);
	r = nn_reader_open("-");
	while (nn_read_row(r, &p, &n, &sep)) {
		if (++rows > t.rows)
			continue;	/* only counted, for the error */
		if (rows == 1) {
			nn_targets_check(&t, labels, nn_reader_name(r),
			    nn_reader_line(r), n);
			width = n;
		}
		right += nn_accuracy_row(kind, p, n, t.v + (rows - 1) * t.cols,
		    t.cols, precision);
	}
	nn_targets_count(&t, nn_reader_name(r), rows);
	nn_reader_close(r);

	/* np.mean of a bool array: the count over the size, in double */
	nn_fmt_repr((double)right / (double)(labels ? t.rows :
	    nn_mul(t.rows, width)), buf);
	nn_writer_stdout(&w);
	fprintf(w.fp, "%s\n", buf);
	nn_writer_close(&w);
	nn_targets_free(&t);
	return NN_EXIT_OK;
}

/* nn-loss: the mean loss of predictions, or its gradient with -b */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-loss [-b] [-s] [-t cce|bce|mse|mae] "
    "-y targets";
static const char options[] =
    "  -b          write d(loss)/d(prediction), a row for each row\n"
    "  -s          with -b and cce: the gradient of softmax + cce with\n"
    "              respect to softmax's input, (p - onehot) / N\n"
    "  -t loss     cce (default), bce, mse or mae\n"
    "  -y targets  class indices or one-hot rows (cce), else rows as wide\n"
    "              as the predictions\n";

int
main(int argc, char *argv[])
{
	struct nn_targets t;
	struct nn_mean m;
	struct nn_reader *r;
	struct nn_writer w;
	const char *yfile = NULL;
	const float *p;
	float *tmp = NULL, loss;
	unsigned long rows = 0;
	size_t n;
	int c, sep, kind = NN_LOSS_CCE, bflag = 0, sflag = 0, labels;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "bst:y:")) != -1) {
		switch (c) {
		case 'b':
			bflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		case 't':
			if ((kind = nn_loss_kind(optarg)) < 0)
				nn_usage_msg(usage, "unknown loss '%s'",
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
	if (sflag && !bflag)
		nn_usage_msg(usage, "-s needs -b");
	if (sflag && kind != NN_LOSS_CCE)
		nn_usage_msg(usage, "-s needs -t cce");

	labels = kind == NN_LOSS_CCE;
	nn_targets_read(&t, yfile, labels);
	nn_mean_init(&m);
	r = nn_reader_open("-");
	nn_writer_stdout(&w);
	nn_reader_on_idle(r, nn_writer_flush_hook, &w);
	while (nn_read_row(r, &p, &n, &sep)) {
		if (++rows > t.rows)
			continue;	/* only counted, for the error */
		if (rows == 1) {
			nn_targets_check(&t, labels, nn_reader_name(r),
			    nn_reader_line(r), n);
			tmp = nn_malloc(nn_mul(n, sizeof(float)));
		}
		if (bflag) {
			nn_loss_backward(kind, sflag, p, n, t.v + (rows - 1) *
			    t.cols, t.cols, (float)t.rows, tmp);
			nn_write_blank(&w, sep);
			nn_write_row(&w, tmp, n);
		} else {
			nn_mean_add(&m, nn_loss_sample(kind, p, n,
			    t.v + (rows - 1) * t.cols, t.cols, tmp));
		}
	}
	nn_targets_count(&t, nn_reader_name(r), rows);
	if (!bflag) {
		loss = nn_mean_result(&m);
		nn_write_row(&w, &loss, 1);
	}
	nn_writer_close(&w);
	nn_reader_close(r);
	nn_targets_free(&t);
	free(tmp);
	return NN_EXIT_OK;
}

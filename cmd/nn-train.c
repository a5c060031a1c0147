/* nn-train: the whole nnfs training loop in one process */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-train [-R] [-s seed] [-j skip] [-w scale] "
    "[-a optimizer] [-r rate] [-d decay] [-m momentum] [-e epochs] "
    "[-B batch] [-P every] [-l loss] [-X val_inputs -Y val_targets] "
    "[-E patience] [-o prefix] -y targets layer ...";
static const char options[] =
    "  -R              shuffle the samples every epoch (numpy's shuffle)\n"
    "  -s seed         seed of numpy's random stream (default 0)\n"
    "  -j skip         skip this many normals of the stream first\n"
    "  -w scale        W = scale * randn (default 0.01)\n"
    "  -a optimizer    sgd, adagrad, rmsprop or adam (default adam)\n"
    "  -r rate         learning rate (nnfs's default for the optimizer)\n"
    "  -d decay        rate decay: rate / (1 + decay * step)\n"
    "  -m momentum     SGD's momentum, RMSprop's rho\n"
    "  -e epochs       epochs to train (default 10001)\n"
    "  -B batch        mini-batches of this many samples, in order\n"
    "  -P every        log every this many epochs (default 100)\n"
    "  -l loss         cce, bce, mse or mae (default: from the last layer)\n"
    "  -X, -Y          validation inputs and targets\n"
    "  -E patience     stop when the validation loss has not improved\n"
    "                  for this many epochs; keep the best params\n"
    "  -o prefix       write dense layer k's params to prefix<k>\n"
    "  -y targets      the training targets: class indices, one-hot\n"
    "                  rows, or values\n"
    "layers: dense:N[:l1=S][:l2=S][:l1w=S][:l1b=S][:l2w=S][:l2b=S],\n"
    "  relu, sigmoid, tanh, linear, softmax, dropout:RATE\n";

struct data {
	struct nn_tensor x;
	struct nn_targets y;
	size_t rows, nin, ycols;
};

/* loss and right answers over rows of the forward output */
static float
evaluate(const struct nn_net *net, const float *out, const float *y,
    size_t ycols, size_t rows, float precision, size_t *right,
    double *sum)
{
	struct nn_mean m;
	size_t r;

	nn_mean_init(&m);
	*right = 0;
	for (r = 0; r < rows; r++)
		nn_mean_add(&m, nn_net_sample(net, out + r * net->nout,
		    y + r * ycols, ycols, precision, right));
	if (sum != NULL)
		*sum = nn_mean_sum(&m);
	return nn_mean_result(&m);
}

/* read inputs and targets (class indices when labels), check they pair */
static void
load(struct data *d, const char *xpath, const char *ypath, int labels)
{
	nn_tensor_read(&d->x, xpath);
	if (d->x.ndim > 2)
		nn_die("%s: inputs must be a matrix, not %d-D",
		    strcmp(xpath, "-") == 0 ? "<stdin>" : xpath, d->x.ndim);
	/* a file of one value a line is a column; one line is one sample */
	d->rows = d->x.ndim == 2 ? d->x.dims[0] : 1;
	d->nin = d->x.dims[d->x.ndim - 1];
	if (d->rows == 0 || d->nin == 0)
		nn_die("%s: no samples", xpath);
	nn_targets_read(&d->y, ypath, labels);
	d->ycols = d->y.cols;
	if (d->y.rows != d->rows)
		nn_die("%s: %zu targets for %zu samples", ypath, d->y.rows,
		    d->rows);
}

/* targets fit the network's output: class indices, one-hot rows, values */
static void
check_targets(const struct data *d, const char *ypath,
    const struct nn_net *net)
{
	int labels = net->loss == NN_LOSS_CCE;

	if (labels && d->ycols == 1)
		nn_targets_check(&d->y, 1, ypath, 0, net->nout);
	else if (d->ycols != net->nout)
		nn_die("%s: %zu columns, the network has %zu outputs", ypath,
		    d->ycols, net->nout);
}

/* validation, acc: A, loss: L */
static void
validate(struct nn_net *net, const struct data *va, float precision)
{
	const float *out;
	char a[40], l[40];
	size_t right;
	float loss;

	out = nn_net_forward(net, va->x.v, va->rows, 0, NULL);
	loss = evaluate(net, out, va->y.v, va->ycols, va->rows, precision,
	    &right, NULL);
	nn_fmt_repr((double)right / (double)(va->rows *
	    (net->loss == NN_LOSS_CCE ? 1 : va->ycols)), a);
	nn_fmt_float(loss, l);
	fprintf(stderr, "validation, acc: %s, loss: %s\n", a, l);
}

/* the log line: epoch: E, acc: A, loss: L[ (data_loss:, reg_loss:)], lr: */
static void
log_epoch(long epoch, double acc, double data, int data64, double reg,
    int anyreg, double lr)
{
	char a[40], l[40], d[40], g[40], r[40];

	nn_fmt_repr(acc, a);
	nn_fmt_repr(lr, r);
	if (data64)
		nn_fmt_repr(data, d);
	else
		nn_fmt_float((float)data, d);
	if (anyreg) {
		nn_fmt_repr(data + reg, l);
		nn_fmt_repr(reg, g);
		fprintf(stderr, "epoch: %ld, acc: %s, loss: %s (data_loss: %s, "
		    "reg_loss: %s), lr: %s\n", epoch, a, l, d, g, r);
	} else {
		fprintf(stderr, "epoch: %ld, acc: %s, loss: %s, lr: %s\n",
		    epoch, a, d, r);
	}
}

/* seconds on a monotonic clock */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * On a terminal, one status line redrawn in place at most ten times a
 * second: epoch, loss, accuracy, time left.  done: erase it.
 */
static void
progress(long epoch, long epochs, double loss, double acc, double start,
    int done)
{
	static double last;
	double t = now(), left;
	char l[40], a[40];

	if (done) {
		if (last > 0)
			fputs("\r\033[K", stderr);
		return;
	}
	if (t - last < 0.1 && epoch + 1 < epochs)
		return;
	last = t;
	left = (t - start) / (double)(epoch + 1) * (double)(epochs - epoch - 1);
	nn_fmt_float((float)loss, l);
	nn_fmt_float((float)acc, a);
	fprintf(stderr, "\r\033[Kepoch %ld/%ld  loss %s  acc %s  %.0fs left",
	    epoch + 1, epochs, l, a, left);
	fflush(stderr);
}

/* copy every dense layer's params to or from a saved set */
static void
swap_params(struct nn_net *net, float **saved, int save)
{
	struct nn_layer *l;
	size_t n;
	int i;

	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		if (l->kind != NN_DENSE)
			continue;
		n = (l->nin + 1) * l->nout * sizeof(float);
		if (saved[i] == NULL)
			saved[i] = nn_malloc(n);
		if (save)
			memcpy(saved[i], l->params, n);
		else
			memcpy(l->params, saved[i], n);
	}
}

static void
save_all(const struct nn_net *net, const char *prefix)
{
	const struct nn_layer *l;
	char *path;
	size_t len = strlen(prefix);
	int i, k = 0;

	path = nn_malloc(len + 16);
	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		if (l->kind != NN_DENSE)
			continue;
		snprintf(path, len + 16, "%s%d", prefix, ++k);
		nn_save_matrix(path, l->params, l->nin + 1, l->nout);
	}
	free(path);
}

/* rows idx[0..n) of src (cols wide) gathered into dst */
static void
gather(const float *src, size_t cols, const size_t *idx, size_t n,
    float *dst)
{
	size_t i;

	for (i = 0; i < n; i++)
		memcpy(dst + i * cols, src + idx[i] * cols,
		    cols * sizeof(float));
}

int
main(int argc, char *argv[])
{
	struct nn_net net = { 0 };
	struct nn_optim opt;
	struct nn_rng rng;
	struct data tr = { 0 }, va = { 0 };
	const char *ypath = NULL, *xval = NULL, *yval = NULL, *prefix = NULL;
	const char *algo = "adam", *lossname = NULL;
	double rate = -1, decay = 0, momentum = -1;
	float scale = 0.01f, precision = 0, vloss, best = INFINITY;
	unsigned long seed = 0;
	long skip = 0, epochs = 10001, every = 100, batch = 0, patience = -1;
	long epoch, wait = 0, bestepoch = -1;
	float **good = NULL, **bestp = NULL, *bx = NULL, *by = NULL;
	size_t *idx = NULL, right, nb, steps, s, i;
	double accsum, lsum, reg = 0, data, lr = 0;
	const float *out;
	int c, shuffle = 0, anyreg = 0, a, last, tty, tame, shown, saved = 0;
	double start;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "B:E:P:RX:Y:a:d:e:j:l:m:o:r:s:w:y:")) !=
	    -1) {
		switch (c) {
		case 'B':
			batch = nn_arg_long(usage, "batch", optarg, 1, LONG_MAX);
			break;
		case 'E':
			patience = nn_arg_long(usage, "patience", optarg, 0,
			    LONG_MAX);
			break;
		case 'P':
			every = nn_arg_long(usage, "every", optarg, 0, LONG_MAX);
			break;
		case 'R':
			shuffle = 1;
			break;
		case 'X':
			xval = optarg;
			break;
		case 'Y':
			yval = optarg;
			break;
		case 'a':
			algo = optarg;
			break;
		case 'd':
			decay = nn_arg_double(usage, "decay", optarg, 0, 1e30);
			break;
		case 'e':
			epochs = nn_arg_long(usage, "epochs", optarg, 0,
			    LONG_MAX);
			break;
		case 'j':
			skip = nn_arg_long(usage, "skip", optarg, 0, LONG_MAX);
			break;
		case 'l':
			lossname = optarg;
			break;
		case 'm':
			momentum = nn_arg_double(usage, "momentum", optarg, 0,
			    0.999999999);
			break;
		case 'o':
			prefix = optarg;
			break;
		case 'r':
			rate = nn_arg_double(usage, "rate", optarg, 1e-300,
			    1e300);
			break;
		case 's':
			seed = nn_arg_seed(usage, optarg);
			break;
		case 'w':
			scale = nn_arg_float(usage, "scale", optarg);
			break;
		case 'y':
			ypath = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (ypath == NULL || optind == argc || (xval == NULL) != (yval == NULL))
		nn_usage(usage);
	if (patience >= 0 && xval == NULL)
		nn_usage_msg(usage, "-E needs validation data, -X and -Y");
	if (nn_optim_algo(algo) < 0)
		nn_usage_msg(usage, "unknown optimizer '%s'", algo);
	if (lossname != NULL && nn_loss_kind(lossname) < 0)
		nn_usage_msg(usage, "unknown loss '%s'", lossname);

	net.nl = argc - optind;
	net.l = nn_malloc(nn_mul((size_t)net.nl, sizeof(*net.l)));
	for (a = 0; a < net.nl; a++)
		if (!nn_layer_parse(argv[optind + a], &net.l[a]))
			nn_usage_msg(usage, "bad layer '%s'", argv[optind + a]);
	last = net.l[net.nl - 1].kind;
	net.loss = lossname != NULL ? nn_loss_kind(lossname) :
	    last == NN_SOFTMAX ? NN_LOSS_CCE : last == NN_SIGMOID ?
	    NN_LOSS_BCE : NN_LOSS_MSE;
	for (a = 0; a < net.nl && net.l[a].kind != NN_DENSE; a++)
		;
	if (a == net.nl)
		nn_usage_msg(usage, "the network has no dense layer");

	load(&tr, "-", ypath, net.loss == NN_LOSS_CCE);
	nn_rng_seed(&rng, (uint32_t)seed);
	nn_rng_skip_normals(&rng, (unsigned long)skip);
	nn_net_init(&net, tr.nin, &rng, scale, batch > 0 &&
	    (size_t)batch < tr.rows ? (size_t)batch : tr.rows);
	check_targets(&tr, ypath, &net);
	if (xval != NULL) {
		load(&va, xval, yval, net.loss == NN_LOSS_CCE);
		if (va.nin != tr.nin)
			nn_die("%s: %zu inputs, the network has %zu", xval,
			    va.nin, tr.nin);
		check_targets(&va, yval, &net);
		nn_net_reserve(&net, va.rows);	/* its forward pass is whole */
	}
	if (net.loss >= NN_LOSS_MSE)
		precision = nn_regression_precision(tr.y.v, tr.rows * tr.ycols);

	nn_optim_defaults(&opt, nn_optim_algo(algo));
	if (rate > 0)
		opt.lr = rate;
	opt.decay = decay;
	if (momentum >= 0) {
		if (opt.algo == NN_RMSPROP)
			opt.beta2 = momentum;
		else
			opt.momentum = momentum;
	}
	opt.cur_lr = opt.lr;

	good = calloc((size_t)net.nl, sizeof(*good));
	bestp = calloc((size_t)net.nl, sizeof(*bestp));
	if (good == NULL || bestp == NULL)
		nn_die("out of memory");
	nb = batch > 0 ? (size_t)batch : tr.rows;
	if (nb > tr.rows)
		nb = tr.rows;
	steps = (tr.rows + nb - 1) / nb;
	if (shuffle) {
		idx = nn_malloc(nn_mul(tr.rows, sizeof(size_t)));
		for (i = 0; i < tr.rows; i++)
			idx[i] = i;
		bx = nn_malloc(nn_mul(nn_mul(nb, tr.nin), sizeof(float)));
		by = nn_malloc(nn_mul(nn_mul(nb, tr.ycols), sizeof(float)));
	}

	tty = isatty(STDERR_FILENO);
	tame = nn_targets_tame(tr.y.v, tr.rows * tr.ycols, net.loss);
	start = now();
	for (epoch = 0; epoch < epochs; epoch++) {
		if (shuffle)
			nn_rng_shuffle(&rng, idx, tr.rows);
		accsum = 0;
		lsum = 0;
		right = 0;
		shown = !tame || tty || (every > 0 && epoch % every == 0) ||
		    epoch == epochs - 1;
		for (s = 0; s < steps; s++) {
			/* in order, a batch is a view of the data set */
			const float *x = tr.x.v + s * nb * tr.nin;
			const float *y = tr.y.v + s * nb * tr.ycols;
			size_t r0 = s * nb, rows = tr.rows - r0 < nb ?
			    tr.rows - r0 : nb, ok;
			double bsum;

			if (idx != NULL) {
				gather(tr.x.v, tr.nin, idx + r0, rows, bx);
				gather(tr.y.v, tr.ycols, idx + r0, rows, by);
				x = bx;
				y = by;
			}
			out = nn_net_forward(&net, x, rows, 1, &rng);
			/* the loss is needed for the log, or when it may be
			 * nan; finite outputs and tame targets never are */
			if (shown || !nn_all_finite(out, rows * net.nout))
				data = evaluate(&net, out, y, tr.ycols, rows,
				    precision, &ok, &bsum);
			else
				data = bsum = 0, ok = 0;
			if (data != data) {
				if (prefix != NULL && saved) {
					swap_params(&net, good, 0);
					save_all(&net, prefix);
				}
				nn_die("epoch %ld: the loss is nan; %s", epoch,
				    prefix == NULL ? "stopped" : saved ?
				    "the last params with a finite loss are "
				    "saved" : "no params had a finite loss, "
				    "nothing is saved");
			}
			/* kept only to be written if a later loss is nan */
			if (prefix != NULL)
				swap_params(&net, good, 1);
			saved = 1;
			if (steps == 1) {
				/* nnfs logs before the update, with the rate
				 * of the step before */
				reg = nn_net_reg_loss(&net, &anyreg);
				lr = opt.cur_lr;
			}
			right += ok;
			lsum += bsum;
			accsum += (double)ok;
			if (steps == 1)
				lsum = data;
			nn_net_backward(&net, x, y, tr.ycols, rows);
			nn_net_update(&net, &opt);
		}
		if (steps > 1)
			lsum /= (double)tr.rows;
		if ((every > 0 && epoch % every == 0) || epoch == epochs - 1) {
			if (tty)
				progress(0, 0, 0, 0, 0, 1);
			if (steps > 1) {
				reg = nn_net_reg_loss(&net, &anyreg);
				lr = opt.cur_lr;
			}
			log_epoch(epoch, accsum / (double)(tr.rows *
			    (net.loss == NN_LOSS_CCE ? 1 : tr.ycols)), lsum,
			    steps > 1, reg, anyreg, lr);
		}
		if (tty)
			progress(epoch, epochs, lsum, accsum / (double)(tr.rows *
			    (net.loss == NN_LOSS_CCE ? 1 : tr.ycols)), start, 0);
		if (patience >= 0) {
			out = nn_net_forward(&net, va.x.v, va.rows, 0, &rng);
			vloss = evaluate(&net, out, va.y.v, va.ycols, va.rows,
			    precision, &right, NULL);
			if (vloss < best) {
				best = vloss;
				bestepoch = epoch;
				wait = 0;
				swap_params(&net, bestp, 1);
			} else if (++wait > patience) {
				if (tty)
					progress(0, 0, 0, 0, 0, 1);
				fprintf(stderr, "early stop at epoch %ld, the "
				    "best validation loss at epoch %ld\n",
				    epoch, bestepoch);
				break;
			}
		}
	}
	if (tty)
		progress(0, 0, 0, 0, 0, 1);
	if (patience >= 0 && bestepoch >= 0)
		swap_params(&net, bestp, 0);
	if (xval != NULL)
		validate(&net, &va, precision);
	if (prefix != NULL)
		save_all(&net, prefix);
	if (fflush(stderr) == EOF || ferror(stderr))
		nn_die_errno("<stderr>");
	return NN_EXIT_OK;
}

/* nn-optim: one optimizer step, the params replaced, the state kept */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-optim -a sgd|adagrad|rmsprop|adam "
    "[-r rate] [-d decay] [-m momentum] [-e epsilon] [-1 beta1] "
    "[-2 beta2] [-S state] params grads";
static const char options[] =
    "  -a algo      the optimizer: sgd, adagrad, rmsprop or adam\n"
    "  -r rate      learning rate (sgd, adagrad 1; rmsprop, adam 0.001)\n"
    "  -d decay     rate / (1 + decay * step), step from the state "
    "(default 0)\n"
    "  -m momentum  sgd's momentum (default 0), rmsprop's rho (0.9)\n"
    "  -e epsilon   added to the root of the cache (default 1e-7)\n"
    "  -1 beta1     adam's momentum decay (default 0.9)\n"
    "  -2 beta2     adam's cache decay (default 0.999)\n"
    "  -S state     file of the step count and the moments\n";

enum { RATE, DECAY, MOMENTUM, EPSILON, BETA1, BETA2, NHYPER };

/* a hyperparameter as Python reads it, a double in [0, max) or (0, max) */
static double
hyper(const char *what, const char *s, int positive, double max)
{
	double v;

	nn_arg_float(usage, what, s);
	v = strtod(s, NULL);
	if (v < 0 || (positive && v == 0) || v >= max)
		nn_usage_msg(usage, "%s '%s' is out of range %c0, %s)", what,
		    s, positive ? '(' : '[', max > 1 ? "inf" : "1");
	return v;
}

/* the optimizer the options ask for, nnfs's defaults for the rest */
static void
setup(struct nn_optim *o, int algo, const double *h, const int *set)
{
	nn_optim_defaults(o, algo);
	if (set[MOMENTUM] && (algo == NN_ADAGRAD || algo == NN_ADAM))
		nn_usage_msg(usage, "-m applies to sgd and rmsprop only");
	if ((set[BETA1] || set[BETA2]) && algo != NN_ADAM)
		nn_usage_msg(usage, "-1 and -2 apply to adam only");
	if (set[EPSILON] && algo == NN_SGD)
		nn_usage_msg(usage, "-e does not apply to sgd");
	if (set[RATE])
		o->lr = h[RATE];
	if (set[DECAY])
		o->decay = h[DECAY];
	if (set[MOMENTUM] && algo == NN_RMSPROP)
		o->beta2 = h[MOMENTUM];
	else if (set[MOMENTUM])
		o->momentum = h[MOMENTUM];
	if (set[EPSILON])
		o->eps = h[EPSILON];
	if (set[BETA1])
		o->beta1 = h[BETA1];
	if (set[BETA2])
		o->beta2 = h[BETA2];
}

/* params and grads of one shape, seen as rows x cols */
static void
load(const char *ppath, const char *gpath, struct nn_tensor *p,
    struct nn_tensor *g, size_t *rows, size_t *cols)
{
	char ps[256], gs[256];
	size_t n;
	int k;

	nn_tensor_read(p, ppath);
	nn_tensor_read(g, gpath);
	n = nn_tensor_size(p);
	if (n == 0)
		nn_die("%s: params are empty", ppath);
	for (k = 0; k < p->ndim && p->ndim == g->ndim; k++)
		if (p->dims[k] != g->dims[k])
			break;
	if (p->ndim != g->ndim || k < p->ndim) {
		nn_shape_fmt(p->ndim, p->dims, ps, sizeof(ps));
		nn_shape_fmt(g->ndim, g->dims, gs, sizeof(gs));
		nn_die("%s: gradient of shape %s, params of shape %s", gpath,
		    gs, ps);
	}
	*cols = p->ndim >= 1 ? p->dims[p->ndim - 1] : 1;
	*rows = n / *cols;
}

int
main(int argc, char *argv[])
{
	static const double max[NHYPER] = { 1e300, 1e300, 1, 1e300, 1, 1 };
	static const int positive[NHYPER] = { 1, 0, 0, 1, 0, 0 };
	static const char *what[NHYPER] = { "rate", "decay", "momentum",
	    "epsilon", "beta1", "beta2" };
	struct nn_optim o;
	struct nn_tensor p, g;
	struct nn_writer w;
	const char *spath = NULL, *ppath, *gpath;
	double h[NHYPER];
	int set[NHYPER] = { 0 }, algo = -1, c, k;
	size_t rows, cols, n;
	float *s0, *s1;
	uint64_t prev;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "1:2:S:a:d:e:m:r:")) != -1) {
		switch (c) {
		case '1':
		case '2':
		case 'd':
		case 'e':
		case 'm':
		case 'r':
			k = c == '1' ? BETA1 : c == '2' ? BETA2 : c == 'd' ?
			    DECAY : c == 'e' ? EPSILON : c == 'm' ? MOMENTUM :
			    RATE;
			h[k] = hyper(what[k], optarg, positive[k], max[k]);
			set[k] = 1;
			break;
		case 'S':
			spath = optarg;
			break;
		case 'a':
			algo = nn_optim_algo(optarg);
			if (algo < 0)
				nn_usage_msg(usage, "unknown optimizer '%s'",
				    optarg);
			break;
		default:
			nn_usage(usage);
		}
	}
	if (algo < 0 || argc - optind != 2)
		nn_usage(usage);
	ppath = argv[optind];
	gpath = argv[optind + 1];
	if (strcmp(ppath, "-") == 0 && strcmp(gpath, "-") == 0)
		nn_usage_msg(usage, "params and grads cannot both be stdin");
	setup(&o, algo, h, set);
	if (spath == NULL && nn_optim_nstate(&o) > 0)
		nn_usage_msg(usage, "%s%s keeps moments: -S state is needed",
		    nn_optim_name(algo), algo == NN_SGD ? " with momentum" :
		    "");
	if (spath == NULL && o.decay != 0.0)
		nn_usage_msg(usage, "decay counts steps: -S state is needed");

	load(ppath, gpath, &p, &g, &rows, &cols);
	n = rows * cols;
	s0 = nn_malloc(nn_mul(n, sizeof(float)));
	s1 = nn_malloc(nn_mul(n, sizeof(float)));
	prev = nn_state_fingerprint(p.v, n);
	if (spath != NULL)
		nn_state_load(spath, &o, strcmp(ppath, "-") == 0 ? "<stdin>" :
		    ppath, p.v, rows, cols, s0, s1);

	nn_optim_pre(&o);
	nn_optim_update(&o, p.v, g.v, s0, s1, n);
	nn_optim_post(&o);

	/* params written, then the state, then both renamed into place,
	 * the state first: a full disk changes neither file, and a step cut
	 * off between the renames leaves params the state can tell apart */
	nn_writer_open(&w, ppath);
	nn_write_tensor(&w, &p);
	nn_writer_sync(&w);
	if (spath != NULL)
		nn_state_save(spath, &o, prev, p.v, rows, cols, s0, s1);
	nn_writer_close(&w);
	nn_tensor_free(&p);
	nn_tensor_free(&g);
	free(s0);
	free(s1);
	return NN_EXIT_OK;
}

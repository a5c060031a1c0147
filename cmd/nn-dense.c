/* nn-dense: a dense layer, Z = X . W + b, row by row, and its backward pass */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-dense [-s seed] [-j skip] [-w scale] "
    "[-p params] [-o file] [n_inputs] n_neurons\n"
    "       nn-dense -b fwd_input -p params -g grads [-r reg]";
static const char options[] =
    "  -s seed        seed of numpy's random stream for W (default 0)\n"
    "  -j skip        skip this many normals of the stream first\n"
    "  -w scale       W = scale * randn(n_inputs, n_neurons) (default 0.1)\n"
    "  -p params      take [W; b] from this file instead\n"
    "  -o file        write the params used, [W; b], to file\n"
    "  -b fwd_input   backward: read dZ on stdin beside the forward input X\n"
    "                 and write dX = dZ . W^T\n"
    "  -g grads       with -b: write the gradient of [W; b] to grads\n"
    "  -r reg         with -b: add regularisation: l1, l2, l1w, l1b, l2w or\n"
    "                 l2b = strength, colon-separated, e.g. l2=5e-4\n";

#define BATCH 64		/* rows computed together: W stays in cache */

struct dense {
	size_t nin, nout;
	float *params;		/* [W; b]: nin + 1 rows of nout */
	float *z;
	float *xb;		/* a batch of input rows */
	int seps[BATCH];	/* the blank lines before each */
	size_t nb;
	struct nn_rows *out;	/* printed by a second thread */
};

static struct dense *pending;	/* written out before an error's message */

/* allocate the layer; params come from a file or from the random stream */
static void
dense_setup(struct dense *d)
{
	d->z = nn_malloc(nn_mul(nn_mul(BATCH, d->nout), sizeof(float)));
	d->xb = nn_malloc(nn_mul(nn_mul(BATCH, d->nin), sizeof(float)));
}

/* Z = X . W + b for the batch, and out */
static void
flush(struct dense *d)
{
	size_t i;

	if (d->nb == 0)
		return;
	/* Z = fl32(X . W) + b */
	nn_gemm_f(d->xb, d->params, 0, d->params + d->nin * d->nout, d->nb,
	    d->nin, d->nout, d->z);
	for (i = 0; i < d->nb; i++)
		memcpy(nn_rows_add(d->out, d->nout, d->seps[i]),
		    d->z + i * d->nout, d->nout * sizeof(float));
	d->nb = 0;
}

/* the input is slow: the rows read so far out now */
static void
flush_idle(void *arg)
{
	struct dense *d = arg;

	flush(d);
	nn_rows_flush(d->out);
}

/* the rows before an error printed; not by the printer's write error */
static void
flush_pending(void)
{
	if (nn_rows_printer(pending->out))
		return;
	flush(pending);
	nn_rows_finish(pending->out);
}

static void
load_params(struct dense *d, const char *path, long nin, long nout)
{
	struct nn_tensor t;

	nn_tensor_read(&t, path);
	if (t.ndim != 2 || t.dims[0] < 2)
		nn_die("%s: params must be a matrix of n_inputs + 1 rows",
		    path);
	if (nin >= 0 && t.dims[0] - 1 != (size_t)nin)
		nn_die("%s: params have %zu inputs, expected %ld", path,
		    t.dims[0] - 1, nin);
	if (nout >= 0 && t.dims[1] != (size_t)nout)
		nn_die("%s: params have %zu neurons, expected %ld", path,
		    t.dims[1], nout);
	d->nin = t.dims[0] - 1;
	d->nout = t.dims[1];
	d->params = t.v;
}

static void
init_params(struct dense *d, struct nn_rng *rng, float scale,
    const char *ofile)
{
	d->params = nn_malloc(nn_mul(nn_mul(d->nin + 1, d->nout),
	    sizeof(float)));
	nn_dense_init(rng, scale, d->nin, d->nout, d->params);
	if (ofile != NULL)
		nn_save_matrix(ofile, d->params, d->nin + 1, d->nout);
}

/* reg words l1=, l2=, l1w=, l1b=, l2w=, l2b=, separated by colons */
static void
parse_reg(char *spec, struct nn_reg *reg)
{
	char *tok, *save;

	for (tok = strtok_r(spec, ":", &save); tok != NULL;
	    tok = strtok_r(NULL, ":", &save))
		if (!nn_reg_parse(tok, reg))
			nn_usage_msg(usage, "reg '%s' is not l1, l2, l1w, l1b, "
			    "l2w or l2b = a strength >= 0", tok);
}

/* dX to stdout, the gradient of [W; b] to gfile, replaced atomically */
static void
backward(const char *bfile, const char *pfile, const char *gfile,
    const struct nn_reg *reg)
{
	struct dense d = { 0 };
	struct nn_writer gw;
	float *grad;
	size_t i;

	load_params(&d, pfile, -1, -1);
	grad = nn_malloc(nn_mul(nn_mul(d.nin + 1, d.nout), sizeof(float)));
	nn_writer_open(&gw, gfile);
	nn_dense_backward_stream(bfile, d.params, d.nin, d.nout, reg, grad);
	for (i = 0; i <= d.nin; i++)
		nn_write_row(&gw, grad + i * d.nout, d.nout);
	nn_writer_close(&gw);
	free(grad);
	free(d.params);
}

int
main(int argc, char *argv[])
{
	struct dense d = { 0 };
	struct nn_rng rng;
	struct nn_reader *r;
	struct nn_writer w;
	const char *pfile = NULL, *ofile = NULL, *bfile = NULL, *gfile = NULL;
	char *rspec = NULL;
	struct nn_reg reg = { 0 };
	const float *x;
	unsigned long seed = 0;
	long skip = 0, nin = -1, nout = -1;
	float scale = 0.1f;
	size_t n;
	int c, sep, ready;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "b:g:j:o:p:r:s:w:")) != -1) {
		switch (c) {
		case 'b':
			bfile = optarg;
			break;
		case 'g':
			gfile = optarg;
			break;
		case 'j':
			skip = nn_arg_long(usage, "skip", optarg, 0, LONG_MAX);
			break;
		case 'o':
			ofile = optarg;
			break;
		case 'p':
			pfile = optarg;
			break;
		case 'r':
			rspec = optarg;
			break;
		case 's':
			seed = nn_arg_seed(usage, optarg);
			break;
		case 'w':
			scale = nn_arg_float(usage, "scale", optarg);
			break;
		default:
			nn_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (bfile != NULL) {
		if (pfile == NULL || gfile == NULL)
			nn_usage_msg(usage, "-b needs -p params and -g grads");
		if (argc > 0 || ofile != NULL)
			nn_usage(usage);
		if (strcmp(bfile, "-") == 0)
			nn_usage_msg(usage, "fwd_input must be a file: stdin is dZ");
		if (rspec != NULL)
			parse_reg(rspec, &reg);
		backward(bfile, pfile, gfile, &reg);
		return NN_EXIT_OK;
	}
	if (gfile != NULL || rspec != NULL)
		nn_usage_msg(usage, "-g and -r go with -b");
	if (argc > 2 || (argc == 0 && pfile == NULL))
		nn_usage(usage);
	if (argc == 2)
		nin = nn_arg_long(usage, "n_inputs", argv[0], 1, INT_MAX);
	if (argc >= 1)
		nout = nn_arg_long(usage, "n_neurons", argv[argc - 1], 1,
		    INT_MAX);

	if (pfile != NULL) {
		load_params(&d, pfile, nin, nout);
		if (ofile != NULL)
			nn_save_matrix(ofile, d.params, d.nin + 1, d.nout);
	} else {
		nn_rng_seed(&rng, (uint32_t)seed);
		nn_rng_skip_normals(&rng, (unsigned long)skip);
		d.nout = (size_t)nout;
	}
	ready = 0;
	if (pfile != NULL || nin > 0) {
		if (pfile == NULL) {
			d.nin = (size_t)nin;
			init_params(&d, &rng, scale, ofile);
		}
		dense_setup(&d);
		ready = 1;
	}

	r = nn_reader_open("-");
	nn_writer_stdout(&w);
	d.out = nn_rows_open(&w);
	pending = &d;
	nn_atdie(flush_pending);
	nn_reader_on_idle(r, flush_idle, &d);
	while (nn_read_row(r, &x, &n, &sep)) {
		if (!ready) {
			/* n_inputs left out: the first row tells it */
			d.nin = n;
			init_params(&d, &rng, scale, ofile);
			dense_setup(&d);
			ready = 1;
		}
		if (n != d.nin)
			nn_die_at(nn_reader_name(r), nn_reader_line(r), 0,
			    "row has %zu values, expected %zu (n_inputs)", n,
			    d.nin);
		memcpy(d.xb + d.nb * d.nin, x, d.nin * sizeof(float));
		d.seps[d.nb++] = sep;
		if (d.nb == BATCH)
			flush(&d);
	}
	flush(&d);
	nn_rows_close(d.out);
	nn_writer_close(&w);
	nn_reader_close(r);
	return NN_EXIT_OK;
}

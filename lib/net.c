/* net.c: a network of layers trained in one process, as nnfs's loop does */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

static const char *kind_name[] = {
	"dense", "relu", "sigmoid", "tanh", "linear", "softmax", "dropout"
};

/* a strength like l2=5e-4 into reg; 0 if word is not one */
int
nn_reg_parse(const char *word, struct nn_reg *reg)
{
	const char *eq = strchr(word, '=');
	double v;
	char *end;
	size_t klen;

	if (eq == NULL)
		return 0;
	v = strtod(eq + 1, &end);
	if (eq[1] == '\0' || *end != '\0' || !(v >= 0) || v > 1e30)
		return 0;
	klen = (size_t)(eq - word);
	if (klen == 2 && strncmp(word, "l1", 2) == 0)
		reg->l1w = reg->l1b = v;
	else if (klen == 2 && strncmp(word, "l2", 2) == 0)
		reg->l2w = reg->l2b = v;
	else if (klen == 3 && strncmp(word, "l1w", 3) == 0)
		reg->l1w = v;
	else if (klen == 3 && strncmp(word, "l1b", 3) == 0)
		reg->l1b = v;
	else if (klen == 3 && strncmp(word, "l2w", 3) == 0)
		reg->l2w = v;
	else if (klen == 3 && strncmp(word, "l2b", 3) == 0)
		reg->l2b = v;
	else
		return 0;
	return 1;
}

/* a LAYER word: dense:N[:l1=..][:l2=..], relu, ..., dropout:RATE; 0 if bad */
int
nn_layer_parse(const char *word, struct nn_layer *l)
{
	char buf[256], *tok, *save, *end;
	int k;
	long n;
	double rate;

	memset(l, 0, sizeof(*l));
	if (strlen(word) >= sizeof(buf))
		return 0;
	strcpy(buf, word);
	tok = strtok_r(buf, ":", &save);
	if (tok == NULL)
		return 0;
	for (k = 0; k <= NN_DROPOUT; k++)
		if (strcmp(tok, kind_name[k]) == 0)
			break;
	if (k > NN_DROPOUT)
		return 0;
	l->kind = k;
	tok = strtok_r(NULL, ":", &save);
	if (k == NN_DENSE) {
		if (tok == NULL)
			return 0;
		n = strtol(tok, &end, 10);
		if (*end != '\0' || n < 1 || n > 1L << 30)
			return 0;
		l->nout = (size_t)n;
		while ((tok = strtok_r(NULL, ":", &save)) != NULL)
			if (!nn_reg_parse(tok, &l->reg))
				return 0;
		return 1;
	}
	if (k == NN_DROPOUT) {
		if (tok == NULL)
			return 0;
		rate = strtod(tok, &end);
		if (*end != '\0' || !(rate >= 0 && rate < 1))
			return 0;
		l->rate = rate;
		tok = strtok_r(NULL, ":", &save);
	}
	return tok == NULL;
}

const char *
nn_layer_name(int kind)
{
	return kind_name[kind];
}

/* sizes through the layers, params drawn in order as Layer_Dense does */
void
nn_net_init(struct nn_net *net, size_t nin, struct nn_rng *rng, float scale,
    size_t rows)
{
	struct nn_layer *l;
	size_t width = nin, maxw = nin, n;
	int i;

	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		l->nin = width;
		if (l->kind != NN_DENSE)
			l->nout = width;
		width = l->nout;
		if (width > maxw)
			maxw = width;
		if (l->kind != NN_DENSE)
			continue;
		n = nn_mul(l->nin + 1, l->nout);
		l->params = nn_malloc(nn_mul(n, sizeof(float)));
		l->grad = nn_malloc(nn_mul(n, sizeof(float)));
		l->s0 = calloc(n, sizeof(float));
		l->s1 = calloc(n, sizeof(float));
		l->dwacc = nn_malloc(nn_mul(n, sizeof(double)));
		if (l->s0 == NULL || l->s1 == NULL)
			nn_die("out of memory");
		nn_dense_init(rng, scale, l->nin, l->nout, l->params);
	}
	net->nout = width;
	net->maxw = maxw;
	net->tmp = nn_malloc(nn_mul(nn_mul(maxw + 1, maxw), sizeof(float)));
	nn_net_reserve(net, rows);
}

/* room for a batch of rows in every layer's buffers */
void
nn_net_reserve(struct nn_net *net, size_t rows)
{
	struct nn_layer *l;
	int i;

	if (rows <= net->cap)
		return;
	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		l->out = nn_realloc(l->out, nn_mul(nn_mul(rows, l->nout),
		    sizeof(float)));
		l->dx = nn_realloc(l->dx, nn_mul(nn_mul(rows, l->nin),
		    sizeof(float)));
		if (l->kind == NN_DROPOUT)
			l->mask = nn_realloc(l->mask, nn_mul(rows, l->nout));
	}
	net->dout = nn_realloc(net->dout, nn_mul(nn_mul(rows, net->nout),
	    sizeof(float)));
	net->cap = rows;
}

/* the output of layer i - 1, or X for the first */
static const float *
input_of(const struct nn_net *net, int i, const float *x)
{
	return i == 0 ? x : net->l[i - 1].out;
}

/* the forward pass over rows of x; dropout draws its masks when training */
const float *
nn_net_forward(struct nn_net *net, const float *x, size_t rows, int train,
    struct nn_rng *rng)
{
	struct nn_layer *l;
	const float *in;
	size_t j, n;
	double keep;
	int i;

	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		in = input_of(net, i, x);
		n = rows * l->nout;
		switch (l->kind) {
		case NN_DENSE:
			/* Z = fl32(X . W) + b */
			nn_gemm_f(in, l->params, 0, l->params + l->nin *
			    l->nout, rows, l->nin, l->nout, l->out);
			break;
		case NN_RELU:
			nn_relu_forward(in, n, l->out);
			break;
		case NN_SIGMOID:
			nn_sigmoid_forward(in, n, l->out);
			break;
		case NN_TANH:
			nn_tanh_forward(in, n, l->out);
			break;
		case NN_SOFTMAX:
			nn_softmax_rows(in, rows, l->nout, l->out);
			break;
		case NN_DROPOUT:
			if (!train) {
				memcpy(l->out, in, n * sizeof(float));
				break;
			}
			keep = 1.0 - l->rate;
			for (j = 0; j < n; j++) {
				l->mask[j] = (unsigned char)nn_rng_binomial1(
				    rng, keep);
				l->out[j] = nn_dropout_apply(in[j], l->mask[j],
				    keep);
			}
			break;
		default:
			memcpy(l->out, in, n * sizeof(float));
			break;
		}
	}
	return net->l[net->nl - 1].out;
}

/* the loss's gradient at the output; 1 when it was fused into softmax's */
static int
loss_backward(struct nn_net *net, const float *out, const float *y,
    size_t ycols, size_t rows)
{
	const struct nn_layer *last = &net->l[net->nl - 1];
	size_t n = net->nout, r;
	float samples = (float)rows;
	float *d = net->dout;

	if (net->loss == NN_LOSS_CCE && last->kind == NN_SOFTMAX) {
		nn_softmax_cce_rows(out, rows, n, y, ycols, samples, d);
		return 1;
	}
	for (r = 0; r < rows; r++) {
		const float *p = out + r * n, *t = y + r * ycols;

		switch (net->loss) {
		case NN_LOSS_CCE:
			nn_cce_backward(p, n, t, ycols, samples, d + r * n);
			break;
		case NN_LOSS_BCE:
			nn_bce_backward(p, t, n, samples, d + r * n);
			break;
		default:
			nn_mse_backward(p, t, n, net->loss == NN_LOSS_MAE,
			    samples, d + r * n);
			break;
		}
	}
	return net->loss == NN_LOSS_CCE && last->kind == NN_SOFTMAX;
}

/*
 * Elementwise passes over many params (the gradient's conversion, the
 * optimizer's step) shared among threads: each element is computed alone,
 * so the split changes no bit.
 */
#define PAR_PARAMS	32768	/* params, below which one thread does it */

/* the threads for an elementwise pass over n params */
static size_t
par_threads(size_t n)
{
	return n >= PAR_PARAMS ? (size_t)nn_par_threads() : 1;
}

struct grad_job {
	const struct nn_layer *l;
	const float *db;
};

static void
grad_task(void *arg, size_t t, size_t nt)
{
	const struct grad_job *g = arg;
	const struct nn_layer *l = g->l;
	size_t n = (l->nin + 1) * l->nout;

	nn_dense_grad_part(l->dwacc, g->db, l->params, l->nin, l->nout,
	    &l->reg, l->grad, n * t / nt, n * (t + 1) / nt);
}

/* a dense layer's grad from its dwacc and db */
static void
dense_grad(struct nn_layer *l, const float *db)
{
	struct grad_job g = { l, db };

	nn_par(grad_task, &g, par_threads((l->nin + 1) * l->nout));
}

/* backpropagation: every dense layer's gradient [dW; db] into its grad */
void
nn_net_backward(struct nn_net *net, const float *x, const float *y,
    size_t ycols, size_t rows)
{
	struct nn_layer *l;
	const float *in, *dz;
	size_t r, j, n;
	int i, top;

	top = net->nl - 1;
	if (loss_backward(net, net->l[top].out, y, ycols, rows))
		top--;		/* softmax's gradient is already in dout */
	dz = net->dout;
	for (i = top; i >= 0; i--) {
		l = &net->l[i];
		in = input_of(net, i, x);
		n = rows * l->nout;
		switch (l->kind) {
		case NN_DENSE:
			/* dW = X^T dZ, db = sum dZ, dX = dZ W^T */
			nn_gemm_tn(in, dz, rows, l->nin, l->nout, l->dwacc);
			nn_colsum(dz, rows, l->nout, net->tmp);
			dense_grad(l, net->tmp);
			if (i == 0)
				break;
			/* dX = fl32(dZ . W^T), W^T read from W's rows */
			nn_gemm_f(dz, l->params, 1, NULL, rows, l->nout,
			    l->nin, l->dx);
			break;
		case NN_RELU:
			nn_relu_backward(in, dz, n, l->dx);
			break;
		case NN_SIGMOID:
			nn_sigmoid_backward(l->out, dz, n, l->dx);
			break;
		case NN_TANH:
			nn_tanh_backward(l->out, dz, n, l->dx);
			break;
		case NN_SOFTMAX:
			for (r = 0; r < rows; r++)
				nn_softmax_backward(l->out + r * l->nout,
				    dz + r * l->nout, l->nout,
				    l->dx + r * l->nout);
			break;
		case NN_DROPOUT:
			for (j = 0; j < n; j++)
				l->dx[j] = nn_dropout_apply(dz[j], l->mask[j],
				    1.0 - l->rate);
			break;
		default:
			memcpy(l->dx, dz, n * sizeof(float));
			break;
		}
		dz = l->dx;
	}
}

struct update_job {
	struct nn_net *net;
	const struct nn_optim *o;
};

/* part t of nt of every dense layer's params */
static void
update_task(void *arg, size_t t, size_t nt)
{
	const struct update_job *u = arg;
	struct nn_layer *l;
	size_t n, a, b;
	int i;

	for (i = 0; i < u->net->nl; i++) {
		l = &u->net->l[i];
		if (l->kind != NN_DENSE)
			continue;
		n = (l->nin + 1) * l->nout;
		a = n * t / nt;
		b = n * (t + 1) / nt;
		nn_optim_update(u->o, l->params + a, l->grad + a, l->s0 + a,
		    l->s1 + a, b - a);
	}
}

/* one optimizer step: every dense layer in order, then the step count */
void
nn_net_update(struct nn_net *net, struct nn_optim *o)
{
	struct update_job u = { net, o };
	size_t n = 0;
	int i;

	nn_optim_pre(o);
	for (i = 0; i < net->nl; i++)
		if (net->l[i].kind == NN_DENSE)
			n += (net->l[i].nin + 1) * net->l[i].nout;
	nn_par(update_task, &u, par_threads(n));
	nn_optim_post(o);
}

/* the regularisation loss of every layer, summed in double */
double
nn_net_reg_loss(const struct nn_net *net, int *any)
{
	const struct nn_layer *l;
	double loss = 0.0;
	int i;

	*any = 0;
	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		if (l->kind != NN_DENSE || (l->reg.l1w <= 0 && l->reg.l1b <= 0 &&
		    l->reg.l2w <= 0 && l->reg.l2b <= 0))
			continue;
		*any = 1;
		loss += nn_dense_reg_loss(l->params, l->nin, l->nout, &l->reg,
		    net->tmp);
	}
	return loss;
}

/* one sample's loss, and whether it is right (the nnfs accuracy rules) */
float
nn_net_sample(const struct nn_net *net, const float *p, const float *t,
    size_t ycols, float precision, size_t *right)
{
	size_t n = net->nout, j;
	float *tmp = net->tmp;
	float loss;

	switch (net->loss) {
	case NN_LOSS_CCE:
		loss = nn_cce_sample(p, n, t, ycols, tmp);
		*right += nn_argmax(p, n) == (ycols == 1 ? (size_t)t[0] :
		    nn_argmax(t, ycols));
		break;
	case NN_LOSS_BCE:
		loss = nn_bce_sample(p, t, n, tmp);
		for (j = 0; j < n; j++)
			*right += (p[j] > 0.5f ? 1.0f : 0.0f) == t[j];
		break;
	default:
		loss = nn_mse_sample(p, t, n, net->loss == NN_LOSS_MAE, tmp);
		for (j = 0; j < n; j++)
			*right += fabsf(p[j] - t[j]) < precision;
		break;
	}
	return loss;
}

/* y = fl32(x * mask / keep), the product in double as numpy's float64 */
float
nn_dropout_apply(float x, unsigned char mask, double keep)
{
	return (float)((double)x * ((double)mask / keep));
}

/* np.std(y) / 250 for float32 targets, the regression accuracy tolerance */
float
nn_regression_precision(const float *y, size_t n)
{
	struct nn_mean m;
	float mean, *d = nn_malloc(nn_mul(n ? n : 1, sizeof(float)));
	double var;
	size_t i;

	nn_mean_init(&m);
	for (i = 0; i < n; i++)
		nn_mean_add(&m, y[i]);
	mean = nn_mean_sum(&m) / (float)n;	/* keepdims: an array divide */
	nn_mean_init(&m);
	for (i = 0; i < n; i++) {
		d[i] = y[i] - mean;
		nn_mean_add(&m, d[i] * d[i]);
	}
	var = nn_mean_result(&m);
	free(d);
	return (float)((double)sqrtf((float)var) / 250.0);
}

void
nn_net_free(struct nn_net *net)
{
	struct nn_layer *l;
	int i;

	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		free(l->params);
		free(l->grad);
		free(l->s0);
		free(l->s1);
		free(l->dwacc);
		free(l->out);
		free(l->dx);
		free(l->mask);
	}
	free(net->tmp);
	free(net->dout);
}

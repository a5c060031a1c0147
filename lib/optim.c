/* optim.c: the nnfs optimizers, one step on one parameter array */
#include <math.h>
#include <string.h>

#include "nn.h"

static const char *algo_name[] = { "sgd", "adagrad", "rmsprop", "adam" };

/* the algorithm named s, or -1 */
int
nn_optim_algo(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, algo_name[i]) == 0)
			return i;
	return -1;
}

const char *
nn_optim_name(int algo)
{
	return algo >= 0 && algo < 4 ? algo_name[algo] : "?";
}

/* nnfs's defaults: the rate, epsilon, and the moment decays */
void
nn_optim_defaults(struct nn_optim *o, int algo)
{
	memset(o, 0, sizeof(*o));
	o->algo = algo;
	o->lr = algo == NN_RMSPROP ? 0.001 : algo == NN_ADAM ? 0.001 : 1.0;
	o->eps = 1e-7;
	o->beta1 = 0.9;
	o->beta2 = algo == NN_RMSPROP ? 0.9 : 0.999;
}

/* states: sgd with momentum and adam keep m; all but sgd keep a cache */
int
nn_optim_nstate(const struct nn_optim *o)
{
	switch (o->algo) {
	case NN_SGD:
		return o->momentum != 0.0 ? 1 : 0;
	case NN_ADAM:
		return 2;
	default:
		return 1;
	}
}

/* lr_t = lr * (1 / (1 + decay * t)), in double as Python computes it */
void
nn_optim_pre(struct nn_optim *o)
{
	o->cur_lr = o->decay != 0.0 ?
	    o->lr * (1.0 / (1.0 + o->decay * (double)o->step)) : o->lr;
}

/* one step on p given g; s0 and s1 are the state arrays the algorithm keeps */
NN_HOT void
nn_optim_update(const struct nn_optim *o, float *restrict p,
    const float *restrict g, float *restrict s0, float *restrict s1,
    size_t n)
{
	float lr = (float)o->cur_lr, nlr = (float)-o->cur_lr;
	float eps = (float)o->eps, mom = (float)o->momentum;
	float b1 = (float)o->beta1, b2 = (float)o->beta2;
	float c1 = (float)(1.0 - o->beta1), c2 = (float)(1.0 - o->beta2);
	float k1, k2, u;
	size_t i;

	switch (o->algo) {
	case NN_SGD:
		/* u = mom m - lr g (m = u), or u = -lr g; p += u */
		for (i = 0; i < n; i++) {
			if (o->momentum != 0.0) {
				u = mom * s0[i] - lr * g[i];
				s0[i] = u;
			} else {
				u = nlr * g[i];
			}
			p[i] = p[i] + u;
		}
		break;
	case NN_ADAGRAD:
		/* c += g^2; p += -lr g / (sqrt c + eps) */
		for (i = 0; i < n; i++) {
			s0[i] = s0[i] + g[i] * g[i];
			p[i] = p[i] + nlr * g[i] / (sqrtf(s0[i]) + eps);
		}
		break;
	case NN_RMSPROP:
		/* c = rho c + (1 - rho) g^2; p += -lr g / (sqrt c + eps) */
		for (i = 0; i < n; i++) {
			s0[i] = b2 * s0[i] + c2 * (g[i] * g[i]);
			p[i] = p[i] + nlr * g[i] / (sqrtf(s0[i]) + eps);
		}
		break;
	case NN_ADAM:
		/* m, v moments; p += -lr m^ / (sqrt v^ + eps), bias-corrected */
		k1 = (float)(1.0 - pow(o->beta1, (double)(o->step + 1)));
		k2 = (float)(1.0 - pow(o->beta2, (double)(o->step + 1)));
		for (i = 0; i < n; i++) {
			s0[i] = b1 * s0[i] + c1 * g[i];
			s1[i] = b2 * s1[i] + c2 * (g[i] * g[i]);
			p[i] = p[i] + nlr * (s0[i] / k1) /
			    (sqrtf(s1[i] / k2) + eps);
		}
		break;
	}
}

/* after every layer was updated: one more step */
void
nn_optim_post(struct nn_optim *o)
{
	o->step++;
}

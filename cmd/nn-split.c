/* nn-split: shuffled training and validation sets, or k folds */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-split [-s seed] [-v fraction | -k folds "
    "-i fold] [-o prefix] inputs targets";
static const char options[] =
    "  -s seed      seed of numpy's shuffle (default 0)\n"
    "  -v fraction  the last round(N * fraction) rows are val (default 0.2)\n"
    "  -k folds     cut the shuffled rows into this many folds\n"
    "  -i fold      with -k: this fold, from 0, is val, the rest train\n"
    "  -o prefix    write prefix train.X, train.y, val.X, val.y\n";

/* the samples idx[0..n) of t, one after another, in a new tensor */
static void
gather(const struct nn_tensor *t, const size_t *idx, size_t n,
    struct nn_tensor *out)
{
	size_t size = t->ndim > 0 && t->dims[0] > 0 ?
	    nn_tensor_size(t) / t->dims[0] : 1, i;

	*out = *t;
	out->dims[0] = n;
	out->v = nn_malloc(nn_mul(nn_mul(n, size), sizeof(float)));
	for (i = 0; i < n; i++)
		memcpy(out->v + i * size, t->v + idx[i] * size,
		    size * sizeof(float));
}

/* prefix + name, opened for an atomic write, the samples written */
static void
start(struct nn_writer *w, const char *prefix, const char *name,
    const struct nn_tensor *t, const size_t *idx, size_t n)
{
	struct nn_tensor part;
	size_t len = strlen(prefix);
	char *path = nn_malloc(len + strlen(name) + 1);

	memcpy(path, prefix, len);
	strcpy(path + len, name);
	nn_writer_open(w, path);
	gather(t, idx, n, &part);
	nn_write_tensor(w, &part);
	nn_tensor_free(&part);
}

int
main(int argc, char *argv[])
{
	struct nn_tensor x, y;
	struct nn_writer w[4];
	struct nn_rng rng;
	unsigned long seed = 0;
	long folds = 0, fold = -1;
	double fraction = 0.2;
	const char *prefix = "", *vword = NULL;
	size_t n, i, q, r, vb, ve, *idx, *tr;
	int c, k;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "i:k:o:s:v:")) != -1) {
		switch (c) {
		case 'i':
			fold = nn_arg_long(usage, "fold", optarg, 0, LONG_MAX);
			break;
		case 'k':
			folds = nn_arg_long(usage, "folds", optarg, 2,
			    LONG_MAX);
			break;
		case 'o':
			prefix = optarg;
			break;
		case 's':
			seed = nn_arg_seed(usage, optarg);
			break;
		case 'v':
			nn_arg_float(usage, "fraction", optarg);
			fraction = strtod(optarg, NULL);
			vword = optarg;
			if (!(fraction > 0 && fraction < 1))
				nn_usage_msg(usage, "fraction '%s' is out of "
				    "range (0, 1)", optarg);
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind != 2)
		nn_usage(usage);
	if ((folds > 0) != (fold >= 0))
		nn_usage_msg(usage, "-k and -i go together");
	if (folds > 0 && vword != NULL)
		nn_usage_msg(usage, "-v and -k cannot be used together");
	if (fold >= folds && folds > 0)
		nn_usage_msg(usage, "fold '%ld' is out of range [0, %ld]",
		    fold, folds - 1);

	nn_tensor_read(&x, argv[optind]);
	nn_tensor_read(&y, argv[optind + 1]);
	n = x.dims[0];
	if (y.dims[0] != n)
		nn_die("%s: %zu rows, %s has %zu", argv[optind + 1],
		    y.dims[0], argv[optind], n);
	if (folds > 0 && (size_t)folds > n)
		nn_die("%s: %ld folds of %zu rows leave a fold empty",
		    argv[optind], folds, n);
	if (folds > 0) {
		/* the first n % k folds hold one row more */
		q = n / (size_t)folds;
		r = n % (size_t)folds;
		vb = (size_t)fold * q + ((size_t)fold < r ? (size_t)fold : r);
		ve = vb + q + ((size_t)fold < r);
	} else {
		ve = n;
		vb = n - (size_t)nearbyint((double)n * fraction);
		if (vb == n || vb == 0)
			nn_die("%s: %zu rows at fraction %s leave no %s rows",
			    argv[optind], n, vword ? vword : "0.2",
			    vb == n ? "validation" : "training");
	}

	/* keys = np.arange(n); np.random.seed(seed); np.random.shuffle(keys) */
	idx = nn_malloc(nn_mul(n, sizeof(size_t)));
	tr = nn_malloc(nn_mul(n, sizeof(size_t)));
	for (i = 0; i < n; i++)
		idx[i] = i;
	nn_rng_seed(&rng, (uint32_t)seed);
	nn_rng_shuffle(&rng, idx, n);
	memcpy(tr, idx, vb * sizeof(size_t));
	memcpy(tr + vb, idx + ve, (n - ve) * sizeof(size_t));

	start(&w[0], prefix, "train.X", &x, tr, n - (ve - vb));
	start(&w[1], prefix, "train.y", &y, tr, n - (ve - vb));
	start(&w[2], prefix, "val.X", &x, idx + vb, ve - vb);
	start(&w[3], prefix, "val.y", &y, idx + vb, ve - vb);
	/* all four written before any is renamed: no mixed set of files */
	for (k = 0; k < 4; k++)
		if (fflush(w[k].fp) == EOF)
			nn_die_errno("%s", w[k].name);
	for (k = 0; k < 4; k++)
		nn_writer_close(&w[k]);
	nn_tensor_free(&x);
	nn_tensor_free(&y);
	free(idx);
	free(tr);
	return NN_EXIT_OK;
}

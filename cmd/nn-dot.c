/* nn-dot: numpy.dot of two tensors, each sum in double in k order */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-dot [-t] A B";
static const char options[] =
    "  -t  use B transposed (numpy.dot(A, B.T))\n"
    "A or B may be - for stdin.\n";

/* a shape as numpy's error messages print it: (3,4) (4,) */
static const char *
tight_shape(const struct nn_tensor *t, char *buf, size_t cap)
{
	char *p, *q;

	nn_shape_fmt(t->ndim, t->dims, buf, cap);
	for (p = q = buf; *p != '\0'; p++)
		if (*p != ' ')
			*q++ = *p;
	*q = '\0';
	return buf;
}

/* B.T of a matrix, in place */
static void
transpose2(struct nn_tensor *b)
{
	size_t r = b->dims[0], c = b->dims[1], i, j;
	float *t = nn_malloc(nn_mul(nn_mul(r, c), sizeof(float)));

	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++)
			t[j * r + i] = b->v[i * c + j];
	free(b->v);
	b->v = t;
	b->dims[0] = c;
	b->dims[1] = r;
}

int
main(int argc, char *argv[])
{
	struct nn_tensor a, b, out;
	struct nn_writer w;
	char sa[NN_MAXDIM * 24], sb[NN_MAXDIM * 24];
	size_t k, kb, m, n;
	int c, i, tflag = 0;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "t")) != -1) {
		switch (c) {
		case 't':
			tflag = 1;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (argc - optind != 2)
		nn_usage(usage);
	if (strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0)
		nn_usage_msg(usage, "A and B cannot both be stdin");
	nn_tensor_read(&a, argv[optind]);
	nn_tensor_read(&b, argv[optind + 1]);
	if (b.ndim > 2)
		nn_die("%s: B must be 1-D or 2-D, not %d-D", argv[optind + 1],
		    b.ndim);
	if (tflag && b.ndim == 2)
		transpose2(&b);
	k = a.dims[a.ndim - 1];
	kb = b.dims[0];
	if (k != kb)
		nn_die("shapes %s and %s not aligned: %zu (dim %d) != %zu "
		    "(dim %d)", tight_shape(&a, sa, sizeof(sa)),
		    tight_shape(&b, sb, sizeof(sb)), k, a.ndim - 1, kb, 0);
	n = b.ndim == 2 ? b.dims[1] : 1;
	m = k ? nn_tensor_size(&a) / k : 0;
	out.ndim = 0;
	for (i = 0; i < a.ndim - 1; i++)
		out.dims[out.ndim++] = a.dims[i];
	if (b.ndim == 2)
		out.dims[out.ndim++] = n;
	out.v = nn_malloc(nn_mul(nn_mul(m, n), sizeof(float)));
	nn_matmul(a.v, b.v, m, k, n, out.v);
	nn_writer_stdout(&w);
	nn_write_tensor(&w, &out);
	nn_writer_close(&w);
	nn_tensor_free(&a);
	nn_tensor_free(&b);
	nn_tensor_free(&out);
	return NN_EXIT_OK;
}

/* tensor.c: whole tensors read into memory, and their shapes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* read a whole tensor from path ("-" for stdin) */
void
nn_tensor_read(struct nn_tensor *t, const char *path)
{
	struct nn_reader *r = nn_reader_open(path);
	const float *row;
	size_t n, len = 0, cap = 1024;
	int sep;

	t->v = nn_malloc(cap * sizeof(float));
	while (nn_read_row(r, &row, &n, &sep)) {
		if (n > cap - len) {
			while (n > cap - len)
				cap = nn_mul(cap, 2);
			t->v = nn_realloc(t->v, nn_mul(cap, sizeof(float)));
		}
		memcpy(t->v + len, row, n * sizeof(float));
		len += n;
	}
	t->ndim = nn_reader_shape(r, t->dims);
	nn_reader_close(r);
}

/* the number of values: the product of the dimensions */
size_t
nn_tensor_size(const struct nn_tensor *t)
{
	size_t n = 1;
	int i;

	for (i = 0; i < t->ndim; i++)
		n = nn_mul(n, t->dims[i]);
	return n;
}

void
nn_tensor_free(struct nn_tensor *t)
{
	free(t->v);
	t->v = NULL;
}

/* the shape as numpy prints it: (3,) (2, 4) (2, 2, 2) */
size_t
nn_shape_fmt(int ndim, const size_t *dims, char *buf, size_t cap)
{
	size_t len = 0;
	int i, w;

	w = snprintf(buf, cap, "(");
	len += (size_t)w;
	for (i = 0; i < ndim && len < cap; i++) {
		w = snprintf(buf + len, cap - len, "%s%zu", i ? ", " : "",
		    dims[i]);
		len += (size_t)w;
	}
	if (len < cap)
		len += (size_t)snprintf(buf + len, cap - len, ndim == 1 ?
		    ",)" : ")");
	return len < cap ? len : cap - 1;
}

/* idx.c: the IDX format of MNIST and Fashion-MNIST, one item at a time */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "nn.h"

/* the size of an element of each type code, 0 for an unknown code */
static size_t
type_size(int type)
{
	switch (type) {
	case NN_IDX_UBYTE:
	case NN_IDX_BYTE:
		return 1;
	case NN_IDX_SHORT:
		return 2;
	case NN_IDX_INT:
	case NN_IDX_FLOAT:
		return 4;
	case NN_IDX_DOUBLE:
		return 8;
	}
	return 0;
}

/* up to n bytes into buf; fewer only at the end of the input */
static size_t
read_bytes(struct nn_idx *x, unsigned char *buf, size_t n)
{
	size_t got = fread(buf, 1, n, x->fp);

	if (got < n && ferror(x->fp))
		nn_die_errno("%s", x->name);
	return got;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* open path ("-" is stdin) and read the header: magic, type, dimensions */
void
nn_idx_open(struct nn_idx *x, const char *path)
{
	unsigned char h[4 + 4 * NN_MAXDIM];
	struct stat st;
	size_t got, need;
	off_t pos;
	int k;

	memset(x, 0, sizeof(*x));
	if (strcmp(path, "-") == 0) {
		x->fp = stdin;
		x->name = "<stdin>";
	} else {
		x->fp = fopen(path, "rb");
		x->name = path;
		if (x->fp == NULL)
			nn_die_errno("%s", path);
	}
	got = read_bytes(x, h, 4);
	if (got == 0)
		nn_die_at(x->name, 0, 0, "empty input, expected an IDX file");
	if (got >= 2 && h[0] == 0x1f && h[1] == 0x8b)
		nn_die_at(x->name, 0, 0, "a gzip file, not an IDX file: "
		    "gunzip it first (zcat file | %s)", nn_prog);
	if (got == 1 && h[0] != 0)
		nn_die_at(x->name, 0, 0, "bad magic 0x%02x: an IDX file "
		    "starts 0x00 0x00", h[0]);
	if (got >= 2 && (h[0] != 0 || h[1] != 0))
		nn_die_at(x->name, 0, 0, "bad magic 0x%02x 0x%02x: an IDX "
		    "file starts 0x00 0x00", h[0], h[1]);
	if (got < 4)
		nn_die_at(x->name, 0, 0, "the header ends after %zu of 4 "
		    "bytes", got);
	x->type = h[2];
	x->size = type_size(x->type);
	if (x->size == 0)
		nn_die_at(x->name, 0, 0, "unknown element type 0x%02x "
		    "(known: 0x08 ubyte, 0x09 byte, 0x0b short, 0x0c int, "
		    "0x0d float, 0x0e double)", x->type);
	x->ndim = h[3];
	if (x->ndim == 0)
		nn_die_at(x->name, 0, 0, "the header has no dimensions");
	if (x->ndim > NN_MAXDIM)
		nn_die_at(x->name, 0, 0, "%d dimensions, at most %d", x->ndim,
		    NN_MAXDIM);
	need = 4 + 4 * (size_t)x->ndim;
	got = 4 + read_bytes(x, h + 4, need - 4);
	if (got < need)
		nn_die_at(x->name, 0, 0, "the header ends after %zu of %zu "
		    "bytes", got, need);
	x->count = 1;
	for (k = 0; k < x->ndim; k++) {
		x->dims[k] = be32(h + 4 + 4 * k);
		if (k > 0 && x->dims[k] == 0)
			nn_die_at(x->name, 0, 0, "dimension %d is 0: the items "
			    "are empty", k + 1);
		if (k > 0 && x->dims[k] > SIZE_MAX / sizeof(double) / x->count)
			nn_die_at(x->name, 0, 0, "items of more than %zu values "
			    "are too large", SIZE_MAX / sizeof(double));
		if (k > 0)
			x->count *= x->dims[k];
	}
	/* a file too short for one item fails before its buffer is made */
	if (x->dims[0] > 0 && fstat(fileno(x->fp), &st) == 0 &&
	    S_ISREG(st.st_mode) && (pos = ftello(x->fp)) >= 0 &&
	    (st.st_size < pos ||
	    (uintmax_t)(st.st_size - pos) < x->count * x->size))
		nn_die_at(x->name, 0, 0, "truncated: 0 of the %zu items the "
		    "header declares are complete", (size_t)x->dims[0]);
	if (x->dims[0] > 0)
		x->buf = nn_malloc(x->count * x->size);
}

/* one element at p as float32: integers rounded to nearest, as numpy's
 * astype(np.float32); a double beyond float32's range is an error */
static float
element(const struct nn_idx *x, const unsigned char *p)
{
	char num[40];
	uint32_t u;
	uint64_t w;
	double d;
	float f;

	switch (x->type) {
	case NN_IDX_UBYTE:
		return (float)p[0];
	case NN_IDX_BYTE:
		return (float)(p[0] < 0x80 ? p[0] : p[0] - 0x100);
	case NN_IDX_SHORT:
		u = (uint32_t)p[0] << 8 | p[1];
		return (float)(u < 0x8000 ? (long)u : (long)u - 0x10000);
	case NN_IDX_INT:
		u = be32(p);
		return (float)(u < 0x80000000u ? (long long)u :
		    (long long)u - 0x100000000LL);
	case NN_IDX_FLOAT:
		u = be32(p);
		memcpy(&f, &u, sizeof(f));
		return f;
	}
	w = (uint64_t)be32(p) << 32 | be32(p + 4);
	memcpy(&d, &w, sizeof(d));
	f = (float)d;
	if (isinf(f) && !isinf(d)) {
		nn_fmt_repr(d, num);
		nn_die_at(x->name, 0, 0, "item %zu: %s is beyond float32's "
		    "range", x->done + 1, num);
	}
	return f;
}

/* the next item's x->count values into v: 1, or 0 after the last item
 * once the input is checked to end there */
int
nn_idx_read(struct nn_idx *x, float *v)
{
	unsigned char tail[4096];
	size_t bytes = x->count * x->size, got, extra = 0, i;

	if (x->done == x->dims[0]) {
		while ((got = read_bytes(x, tail, sizeof(tail))) > 0)
			extra += got;
		if (extra > 0)
			nn_die_at(x->name, 0, 0, "%zu trailing bytes after the "
			    "%zu items the header declares", extra, x->done);
		return 0;
	}
	got = read_bytes(x, x->buf, bytes);
	if (got < bytes)
		nn_die_at(x->name, 0, 0, "truncated: %zu of the %zu items "
		    "the header declares are complete", x->done,
		    (size_t)x->dims[0]);
	for (i = 0; i < x->count; i++)
		v[i] = element(x, x->buf + i * x->size);
	x->done++;
	return 1;
}

void
nn_idx_close(struct nn_idx *x)
{
	if (x->fp != stdin && x->fp != NULL)
		fclose(x->fp);
	free(x->buf);
	x->buf = NULL;
	x->fp = NULL;
}

/* x = (x - 127.5) / 127.5 in float32: nnfs's pixels from [0, 255] to
 * [-1, 1], as numpy computes it on a float32 array */
void
nn_idx_scale(float *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (v[i] - 127.5f) / 127.5f;
}

/*
 * fuzz-read.c: the tensor reader (text, brackets, .npy) on any bytes.
 * Beyond not crashing: an error is one line naming the file; a tensor read
 * has as many values as its shape says; it reads back the same, value for
 * value, from numpy's bracket form (the same shape) and from the writer's
 * text (the same shape but for leading 1s); and it reads the same, or
 * fails with the same message, from stdin when each read(2) returns only a
 * few bytes (a socket of packets).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nn.h"
#include "fuzz.h"

#define MAXV	(1 << 20)

struct got {
	char path[512];
	float *v;
	size_t n, rows, cols;
	int ndim;
	size_t dims[NN_MAXDIM];
};

static float v0[MAXV], v1[MAXV];
static char buf[4 * MAXV], msg[4096];
static int oldstdin = -1;

static void
read_all(void *arg)
{
	struct got *g = arg;
	struct nn_reader *r = nn_reader_open(g->path);
	const float *row;
	size_t n;
	int sep;

	g->n = g->rows = g->cols = 0;
	while (nn_read_row(r, &row, &n, &sep)) {
		if (g->rows > 0 && n != g->cols)
			fuzz_fail("row %zu of %zu values after rows of %zu",
			    g->rows + 1, n, g->cols);
		if (sep < 0 || sep >= NN_MAXDIM)
			fuzz_fail("%d separators", sep);
		if (n > MAXV - g->n)
			fuzz_fail("more values than the harness holds");
		memcpy(g->v + g->n, row, n * sizeof(float));
		g->n += n;
		g->cols = n;
		g->rows++;
	}
	g->ndim = nn_reader_shape(r, g->dims);
	nn_reader_close(r);
}

/* read path into g: 1 read, 0 an error */
static int
get(struct got *g, const char *path, float *v)
{
	const char *names[] = { strcmp(path, "-") == 0 ? "<stdin>" : g->path,
	    NULL };

	snprintf(g->path, sizeof(g->path), "%s", path);
	g->v = v;
	return fuzz_run(read_all, g, names) == 0;
}

/* the bytes on stdin, in packets of k bytes: each read(2) gets one */
static int
get_packets(struct got *g, const uint8_t *data, size_t size, size_t k,
    float *v)
{
	size_t i;
	int sv[2], ok;

	if (size / k > 100)
		k = size / 100 + 1;	/* a socket holds a few hundred */
	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) < 0)
		fuzz_fail("socketpair failed");
	for (i = 0; i < size; i += k)
		if (send(sv[0], data + i, size - i < k ? size - i : k, 0) < 0)
			fuzz_fail("send: %s", strerror(errno));
	close(sv[0]);
	if (dup2(sv[1], 0) < 0)
		fuzz_fail("dup2 failed");
	close(sv[1]);
	ok = get(g, "-", v);
	dup2(oldstdin, 0);
	return ok;
}

/* the message after "nn: name:" */
static const char *
after_name(const char *m, const char *name)
{
	return m + 4 + strlen(name) + 1;
}

static int
same_values(const struct got *a, const struct got *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (isnan(a->v[i]) ? !isnan(b->v[i]) :
		    memcmp(&a->v[i], &b->v[i], sizeof(float)) != 0)
			return 0;
	return 1;
}

/* the shape without leading 1s (a text stream cannot tell them) */
static int
strip(const struct got *g, const size_t **dims)
{
	int k = 0;

	while (k < g->ndim - 1 && g->dims[k] == 1)
		k++;
	*dims = g->dims + k;
	if (g->ndim == 0) {
		static const size_t one = 1;

		*dims = &one;
		return 1;
	}
	return g->ndim - k;
}

static void
shape_text(const struct got *g, char *s, size_t cap)
{
	nn_shape_fmt(g->ndim, g->dims, s, cap);
}

/* numpy's bracket form of g's tensor, from level k at value *i */
static size_t
brackets(const struct got *g, int k, size_t *i, char *p)
{
	char *s = p;
	size_t j;

	*p++ = '[';
	for (j = 0; j < g->dims[k]; j++) {
		if (j > 0) {
			*p++ = ',';
			*p++ = k == g->ndim - 1 ? ' ' : '\n';
		}
		if (k == g->ndim - 1)
			p += nn_fmt_float(g->v[(*i)++], p);
		else
			p += brackets(g, k + 1, i, p);
	}
	*p++ = ']';
	return (size_t)(p - s);
}

static void
write_text(void *arg)
{
	const struct got *g = arg;
	struct nn_tensor t;
	struct nn_writer w;

	t.ndim = g->ndim;
	memcpy(t.dims, g->dims, sizeof(t.dims));
	t.v = g->v;
	nn_writer_open(&w, fuzz_path("text"));
	nn_write_tensor(&w, &t);
	nn_writer_close(&w);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	oldstdin = dup(0);	/* before fuzz_path: kept open across runs */
	if (oldstdin < 0)
		fuzz_fail("no stdin to keep");
	fuzz_path("in");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct got a, b;
	char sa[256], sb[256];
	const size_t *da, *db;
	size_t n, i, total;
	int k, na, nb, ok;

	fuzz_put(fuzz_path("in"), data, size);
	ok = get(&a, fuzz_path("in"), v0);

	/* the same bytes on stdin, a few at a time */
	snprintf(msg, sizeof(msg), "%s", fuzz_message());
	if (get_packets(&b, data, size, 1 + (size > 0 ? data[0] % 61 : 0),
	    v1) != ok)
		fuzz_fail("%s from stdin in packets: %s", ok ? "an error" :
		    "no error", ok ? fuzz_message() : msg);
	if (!ok && strcmp(after_name(msg, a.path),
	    after_name(fuzz_message(), "<stdin>")) != 0)
		fuzz_fail("another error from stdin in packets: '%s', not "
		    "'%s'", fuzz_message(), msg);
	if (ok && (!same_values(&a, &b) || a.ndim != b.ndim ||
	    memcmp(a.dims, b.dims, sizeof(a.dims[0]) * a.ndim) != 0))
		fuzz_fail("another tensor from stdin in packets");
	if (!ok)
		return 0;

	if (a.ndim < 0 || a.ndim >= NN_MAXDIM)
		fuzz_fail("%d dimensions", a.ndim);
	total = 1;
	for (k = 0; k < a.ndim; k++) {
		if (a.dims[k] != 0 && total > SIZE_MAX / a.dims[k])
			fuzz_fail("the shape overflows");
		total *= a.dims[k];
	}
	shape_text(&a, sa, sizeof(sa));
	if (total != a.n)
		fuzz_fail("shape %s but %zu values", sa, a.n);
	if (a.rows > 0 && a.ndim > 0 && a.dims[a.ndim - 1] != a.cols)
		fuzz_fail("shape %s but rows of %zu", sa, a.cols);
	if (total == 0)
		return 0;	/* no text form keeps an empty shape */

	/* numpy's bracket form gives the shape exactly */
	if (a.ndim >= 1 && 30 * a.n + 8 * a.ndim < sizeof(buf)) {
		i = 0;
		n = brackets(&a, 0, &i, buf);
		buf[n++] = '\n';
		fuzz_put(fuzz_path("brackets"), buf, n);
		if (!get(&b, fuzz_path("brackets"), v1))
			fuzz_fail("the bracket form does not read: %s",
			    fuzz_message());
		shape_text(&b, sb, sizeof(sb));
		if (a.ndim != b.ndim || memcmp(a.dims, b.dims,
		    sizeof(a.dims[0]) * a.ndim) != 0)
			fuzz_fail("shape %s reads back as %s from brackets",
			    sa, sb);
		if (!same_values(&a, &b))
			fuzz_fail("values change through brackets");
	}

	/* the writer's text reads back the same */
	if (fuzz_run(write_text, &a, NULL) != 0)
		fuzz_fail("the writer failed: %s", fuzz_message());
	if (!get(&b, fuzz_path("text"), v1))
		fuzz_fail("the written text does not read: %s",
		    fuzz_message());
	na = strip(&a, &da);
	nb = strip(&b, &db);
	shape_text(&b, sb, sizeof(sb));
	if (na != nb || memcmp(da, db, sizeof(da[0]) * na) != 0)
		fuzz_fail("shape %s reads back as %s from text", sa, sb);
	if (!same_values(&a, &b))
		fuzz_fail("values change through the writer's text");
	return 0;
}

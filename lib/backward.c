/* backward.c: backward passes, the gradient on stdin in lockstep with the
 * file the forward pass left (its input, its output, dropout's mask) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nn.h"

#define RATE_TAG "# nn-dropout rate "

/* the gradient (stdin) and the forward file, read row for row */
struct lockstep {
	struct nn_reader *g, *f;
	const float *gv, *fv;
	size_t gn, fn;
	int sep;
	unsigned long rows;
};

/* the rows written to w go out whenever either input is slow */
static void
lockstep_open(struct lockstep *s, const char *fwd, struct nn_writer *w)
{
	memset(s, 0, sizeof(*s));
	s->f = nn_reader_open(fwd);
	s->g = nn_reader_open("-");
	nn_reader_on_idle(s->f, nn_writer_flush_hook, w);
	nn_reader_on_idle(s->g, nn_writer_flush_hook, w);
}

static void
lockstep_close(struct lockstep *s)
{
	nn_reader_close(s->g);
	nn_reader_close(s->f);
}

/* the next row of both: 1, or 0 when both end; one ending first is an error */
static int
lockstep_next(struct lockstep *s)
{
	struct nn_reader *g = s->g, *f = s->f;
	int gok, fok, gsep = 0, fsep = 0;

	gok = nn_read_row(g, &s->gv, &s->gn, &gsep);
	fok = nn_read_row(f, &s->fv, &s->fn, &fsep);
	if (gok && !fok)
		nn_die_at(nn_reader_name(g), nn_reader_line(g), 0,
		    "more rows than %s (%lu)", nn_reader_name(f), s->rows);
	if (fok && !gok)
		nn_die_at(nn_reader_name(f), nn_reader_line(f), 0,
		    "more rows than %s (%lu)", nn_reader_name(g), s->rows);
	if (!gok)
		return 0;
	if (gsep != fsep)
		nn_die_at(nn_reader_name(g), nn_reader_line(g), 0,
		    "blocks differ from %s:%lu", nn_reader_name(f),
		    nn_reader_line(f));
	s->sep = gsep;
	s->rows++;
	return 1;
}

/* an element-wise pair: the gradient's row as long as the forward row */
static void
lockstep_same(const struct lockstep *s)
{
	if (s->gn != s->fn)
		nn_die_at(nn_reader_name(s->g), nn_reader_line(s->g), 0,
		    "row has %zu values, %s:%lu has %zu", s->gn,
		    nn_reader_name(s->f), nn_reader_line(s->f), s->fn);
}

static float *
grow(float *v, size_t *cap, size_t n)
{
	if (n <= *cap)
		return v;
	*cap = n;
	return nn_realloc(v, nn_mul(n, sizeof(float)));
}

/* dx = f(fwd, dy) for each row of dy on stdin and of fwd, to stdout */
void
nn_map_rows_backward(const char *fwd,
    void (*f)(const float *, const float *, size_t, float *))
{
	struct lockstep s;
	struct nn_writer w;
	float *dx = NULL;
	size_t cap = 0;

	nn_writer_stdout(&w);
	lockstep_open(&s, fwd, &w);
	while (lockstep_next(&s)) {
		lockstep_same(&s);
		dx = grow(dx, &cap, s.gn);
		f(s.fv, s.gv, s.gn, dx);
		nn_write_blank(&w, s.sep);
		nn_write_row(&w, dx, s.gn);
	}
	nn_writer_close(&w);
	lockstep_close(&s);
	free(dx);
}

/*
 * rows of dZ on stdin beside rows of X in fwd: dX = dZ . W^T to stdout;
 * grad = [X^T . dZ (double, rows in order); sum dZ] plus the reg terms
 */
void
nn_dense_backward_stream(const char *fwd, const float *params, size_t nin,
    size_t nout, const struct nn_reg *reg, float *grad)
{
	struct lockstep s;
	struct nn_writer w;
	struct nn_mean *col = nn_malloc(sizeof(*col));
	size_t nw = nn_mul(nin, nout), j;
	double *dwacc = nn_malloc(nn_mul(nw, sizeof(double)));
	float *db = nn_malloc(nn_mul(nout, sizeof(float)));
	float *dx = nn_malloc(nn_mul(nin, sizeof(float)));

	for (j = 0; j < nw; j++)
		dwacc[j] = 0.0;
	for (j = 0; j < nout; j++)
		db[j] = 0.0f;
	nn_mean_init(col);
	nn_writer_stdout(&w);
	lockstep_open(&s, fwd, &w);
	while (lockstep_next(&s)) {
		if (s.fn != nin)
			nn_die_at(nn_reader_name(s.f), nn_reader_line(s.f), 0,
			    "row has %zu values, expected %zu (n_inputs)", s.fn,
			    nin);
		if (s.gn != nout)
			nn_die_at(nn_reader_name(s.g), nn_reader_line(s.g), 0,
			    "row has %zu values, expected %zu (n_neurons)",
			    s.gn, nout);
		nn_dense_backward_dx(params, nin, nout, s.gv, dx);
		nn_dense_backward_acc(s.fv, s.gv, nin, nout, dwacc, db);
		if (nout == 1)
			nn_mean_add(col, s.gv[0]);
		nn_write_blank(&w, s.sep);
		nn_write_row(&w, dx, nin);
	}
	/* one column is one contiguous run: numpy sums it pairwise */
	if (nout == 1)
		db[0] = nn_mean_sum(col);
	nn_dense_grad(dwacc, db, params, nin, nout, reg, grad);
	nn_writer_close(&w);
	lockstep_close(&s);
	free(dx);
	free(db);
	free(dwacc);
	free(col);
}

/* a dropout rate as a Python float: the whole word, 0 <= rate < 1 */
int
nn_dropout_rate_parse(const char *s, double *rate)
{
	char *end;
	double v;

	if (!isdigit((unsigned char)*s) && *s != '.')
		return 0;
	v = strtod(s, &end);
	if (*end != '\0' || !(v >= 0.0 && v < 1.0))
		return 0;
	*rate = v;
	return 1;
}

/*
 * the rate on a mask file's first line, "# nn-dropout rate R": 1, or 0 when
 * the line is not there, -1 when path is not a file (a pipe is read once)
 */
int
nn_dropout_mask_rate(const char *path, double *rate)
{
	char line[256], *p;
	struct stat st;
	FILE *fp;

	if (stat(path, &st) < 0)
		nn_die_errno("%s", path);
	if (!S_ISREG(st.st_mode))
		return -1;
	if ((fp = fopen(path, "r")) == NULL)
		nn_die_errno("%s", path);
	p = fgets(line, sizeof(line), fp);
	if (p == NULL && ferror(fp))
		nn_die_errno("%s", path);
	fclose(fp);
	if (p == NULL || strncmp(line, RATE_TAG, strlen(RATE_TAG)) != 0)
		return 0;
	p = line + strlen(RATE_TAG);
	p[strcspn(p, "\r\n")] = '\0';
	if (!nn_dropout_rate_parse(p, rate))
		nn_die_at(path, 1, 0, "'%.40s' is not a rate in [0, 1)", p);
	return 1;
}

/*
 * y = fl32(x * m / (1 - rate)), m = binomial(1, 1 - rate) drawn per value
 * in row-major order; the mask m to maskfile, the rate on its first line
 */
void
nn_dropout_stream(struct nn_rng *r, double rate, const char *maskfile)
{
	struct nn_reader *in;
	struct nn_writer w, m;
	double keep = 1.0 - rate;
	const float *x;
	float *y = NULL, *mk = NULL;
	size_t n, i, cap = 0, mcap = 0;
	char buf[64];
	int sep, b;

	nn_writer_open(&m, maskfile);
	nn_fmt_repr(rate, buf);
	if (fprintf(m.fp, RATE_TAG "%s\n", buf) < 0)
		nn_die_errno("%s", maskfile);
	in = nn_reader_open("-");
	nn_writer_stdout(&w);
	nn_reader_on_idle(in, nn_writer_flush_hook, &w);
	while (nn_read_row(in, &x, &n, &sep)) {
		y = grow(y, &cap, n);
		mk = grow(mk, &mcap, n);
		for (i = 0; i < n; i++) {
			b = nn_rng_binomial1(r, keep);
			mk[i] = (float)b;
			y[i] = nn_dropout_apply(x[i], (unsigned char)b, keep);
		}
		nn_write_blank(&w, sep);
		nn_write_row(&w, y, n);
		nn_write_blank(&m, sep);
		nn_write_row(&m, mk, n);
	}
	nn_writer_close(&w);
	nn_writer_close(&m);
	nn_reader_close(in);
	free(y);
	free(mk);
}

/* dx = fl32(dy * m / (1 - rate)) with the mask m of maskfile */
void
nn_dropout_backward_stream(const char *maskfile, double rate)
{
	struct lockstep s;
	struct nn_writer w;
	double keep = 1.0 - rate;
	float *dx = NULL;
	size_t cap = 0, i;
	char buf[NN_FMT_MAX];

	nn_writer_stdout(&w);
	lockstep_open(&s, maskfile, &w);
	while (lockstep_next(&s)) {
		lockstep_same(&s);
		dx = grow(dx, &cap, s.gn);
		for (i = 0; i < s.gn; i++) {
			if (s.fv[i] != 0.0f && s.fv[i] != 1.0f) {
				buf[nn_fmt_float(s.fv[i], buf)] = '\0';
				nn_die_at(nn_reader_name(s.f),
				    nn_reader_line(s.f), i + 1,
				    "mask value %s is not 0 or 1", buf);
			}
			dx[i] = nn_dropout_apply(s.gv[i],
			    (unsigned char)(s.fv[i] == 1.0f), keep);
		}
		nn_write_blank(&w, s.sep);
		nn_write_row(&w, dx, s.gn);
	}
	nn_writer_close(&w);
	lockstep_close(&s);
	free(dx);
}

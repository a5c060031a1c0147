/* nn-plot: SVG pictures of a data set by class, a network's regions, curves,
 * training logs */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-plot [-r] [-W width] [-H height] "
    "[-t title] [-g grid] [-c pred] [-y labels] [file]\n"
    "       nn-plot [-r] [-W width] [-H height] [-t title] [-g grid] "
    "[-y labels] -p prefix layer ...\n"
    "       nn-plot -G [-r] [-g grid] [file]\n"
    "       nn-plot -L [-W width] [-H height] [-t title] [file]";
static const char options[] =
    "  -c pred    paint the predictions for the -G grid's points: class\n"
    "             scores, a class index or a probability a row; or the\n"
    "             y of a curve\n"
    "  -G         write the grid's points to predict, not a picture\n"
    "  -g grid    cells along each axis, or points of a curve (default 100)\n"
    "  -H height  picture height in pixels (default 580)\n"
    "  -L         the file is nn-train's log: draw its loss and accuracy\n"
    "             against epoch\n"
    "  -p prefix  a network: params files prefix1, prefix2, ... as\n"
    "             nn-train -o writes them, layer words as nn-train's;\n"
    "             the data comes on stdin\n"
    "  -r         a curve: rows of x y, or of x with -y values\n"
    "  -t title   a title above the picture\n"
    "  -W width   picture width in pixels (default 650)\n"
    "  -y labels  each point's class, one a line, instead of a third\n"
    "             column; the y values of one-column data\n"
    "layers: dense:N, relu, sigmoid, tanh, linear, softmax, dropout:RATE\n";

#define MAXCLASS (1L << 24)

struct data {
	const char *name;
	float *x, *y;
	uint32_t *cls;		/* each point's class; NULL for a curve */
	size_t n;
	int curve;
};

struct point {
	float x, y;
	size_t i;
};

static void
check_finite(float v, const char *name, unsigned long line,
    unsigned long field)
{
	char buf[NN_FMT_MAX];

	if (isfinite(v))
		return;
	nn_fmt_float(v, buf);
	nn_die_at(name, line, field, "'%s' is not a finite number", buf);
}

/* v as a class: an integer in [0, MAXCLASS) */
static uint32_t
class_index(float v, const char *name, unsigned long line,
    unsigned long field)
{
	char buf[NN_FMT_MAX];

	if (v == floorf(v) && v >= 0 && v < (float)MAXCLASS)
		return (uint32_t)v;
	nn_fmt_float(v, buf);
	nn_die_at(name, line, field, v == floorf(v) ? "class index '%s' is "
	    "not in [0, %ld)" : "class index '%s' is not an integer", buf,
	    MAXCLASS);
}

/* a prediction as a class: the argmax of scores, a class index, or a
 * probability of class 1; -1 if a single value is none of these */
static long
class_of(const float *v, size_t n)
{
	if (n > 1)
		return (long)nn_argmax(v, n);
	if (v[0] == floorf(v[0]) && v[0] >= 0 && v[0] < (float)MAXCLASS)
		return (long)v[0];
	if (v[0] > 0 && v[0] < 1)
		return v[0] > 0.5f;
	return -1;
}

/* the first row's width says what the rows are */
static void
check_width(const char *name, unsigned long line, size_t n, int rflag,
    int havey, int grid)
{
	if (rflag || n == 1) {
		if (n == 1 && !havey && !grid)
			nn_die_at(name, line, 0, "a row of one value, x, needs "
			    "-y with the y values");
		if (n == 2 && havey)
			nn_die_at(name, line, 0, "row has 2 values, x y, and "
			    "-y gives y again");
		if (n > 2)
			nn_die_at(name, line, 0, "row has %zu values, expected "
			    "x y with -r", n);
	} else if (havey && n != 2) {
		nn_die_at(name, line, 0, "row has %zu values, expected 2 "
		    "(x y) with -y labels", n);
	} else if (!havey && n != 3 && !(grid && n == 2)) {
		nn_die_at(name, line, 0, "row has %zu values, expected 3 "
		    "(x y label), or x y with -y labels", n);
	}
}

static void
read_data(struct data *d, const char *path, int rflag, int havey, int grid)
{
	struct nn_reader *r = nn_reader_open(path);
	size_t n, cap = 0, dims[NN_MAXDIM];
	const float *row;
	unsigned long line;
	int sep, ndim;

	memset(d, 0, sizeof(*d));
	d->name = nn_reader_name(r);
	while (nn_read_row(r, &row, &n, &sep)) {
		line = nn_reader_line(r);
		if (d->n == 0) {
			check_width(d->name, line, n, rflag, havey, grid);
			d->curve = rflag || n == 1;
		}
		if (d->n == cap) {
			cap = cap ? nn_mul(cap, 2) : 1024;
			d->x = nn_realloc(d->x, nn_mul(cap, sizeof(float)));
			d->y = nn_realloc(d->y, nn_mul(cap, sizeof(float)));
			if (!d->curve)
				d->cls = nn_realloc(d->cls, nn_mul(cap,
				    sizeof(uint32_t)));
		}
		check_finite(row[0], d->name, line, 1);
		d->x[d->n] = row[0];
		d->y[d->n] = 0;
		if (n > 1) {
			check_finite(row[1], d->name, line, 2);
			d->y[d->n] = row[1];
		}
		if (!d->curve)
			d->cls[d->n] = n == 3 ? class_index(row[2], d->name,
			    line, 3) : 0;
		d->n++;
	}
	ndim = nn_reader_shape(r, dims);
	nn_reader_close(r);
	if (d->n == 0)
		nn_die("%s: no points", d->name);
	if (ndim > 2)
		nn_die("%s: the points must be a matrix, not %d-D", d->name,
		    ndim);
}

/* -y: class indices or one-hot rows, or a curve's y values */
static void
read_labels(struct data *d, const char *path)
{
	struct nn_targets t;
	size_t i;

	nn_targets_read(&t, path, 1);
	if (d->curve && t.cols != 1)
		nn_die("%s: rows of %zu values, expected 1 (y)", t.name,
		    t.cols);
	if (t.rows != d->n)
		nn_die("%s: %zu %s for %zu points", t.name, t.rows,
		    d->curve ? "values" : "labels", d->n);
	if (d->curve) {
		for (i = 0; i < t.rows; i++) {
			check_finite(t.v[i], t.name, t.line[i],
			    t.vector ? i + 1 : 1);
			d->y[i] = t.v[i];
		}
	} else if (t.cols == 1) {
		nn_targets_check(&t, 1, t.name, 0, MAXCLASS);
		for (i = 0; i < t.rows; i++)
			d->cls[i] = (uint32_t)t.v[i];
	} else {
		for (i = 0; i < t.rows; i++)
			d->cls[i] = (uint32_t)nn_argmax(t.v + i * t.cols,
			    t.cols);
	}
	nn_targets_free(&t);
}

/* a place in a line of nn-train's log */
struct logpos {
	const char *s, *name;
	unsigned long line, field;
	const char *num;	/* the last number's text, numlen long */
	int numlen;
};

/* the text lit at the cursor, or an error */
static void
log_expect(struct logpos *c, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(c->s, lit, n) != 0)
		nn_die_at(c->name, c->line, c->field, "expected '%s'", lit);
	c->s += n;
}

/* the number after key, the next field: finite, in float range */
static double
log_number(struct logpos *c, const char *key)
{
	size_t n;
	char *end;
	double v;

	c->field++;
	log_expect(c, key);
	n = strcspn(c->s, ", )");
	c->num = c->s;
	c->numlen = n > INT_MAX ? INT_MAX : (int)n;
	v = strtod(c->s, &end);
	if (n == 0 || end != c->s + n || isspace((unsigned char)*c->s))
		nn_die_at(c->name, c->line, c->field, "'%.*s' is not a number",
		    c->numlen, c->num);
	if (!isfinite(v) || fabs(v) > FLT_MAX)
		nn_die_at(c->name, c->line, c->field, "'%.*s' is not a finite "
		    "number", c->numlen, c->num);
	c->s += n;
	return v;
}

/* an accuracy: a number in [0, 1] */
static float
log_acc(struct logpos *c, const char *key)
{
	double v = log_number(c, key);

	if (v < 0 || v > 1)
		nn_die_at(c->name, c->line, c->field, "accuracy '%.*s' is not "
		    "in [0, 1]", c->numlen, c->num);
	return (float)v;
}

/* the log line after "epoch: ": E, acc: A, loss: L[ (data_loss: D,
 * reg_loss: G)], lr: R */
static void
log_epoch(struct nn_plot_log *log, struct logpos *c, size_t *cap)
{
	size_t n = strspn(c->s, "0123456789");
	float *v[4];
	long e;
	int i;

	c->field = 1;
	if (n == 0 || (c->s[n] != ',' && c->s[n] != '\0'))
		nn_die_at(c->name, c->line, 1, "epoch '%.*s' is not a whole "
		    "number", (int)strcspn(c->s, ","), c->s);
	errno = 0;
	e = strtol(c->s, NULL, 10);
	if (errno == ERANGE)
		nn_die_at(c->name, c->line, 1, "epoch '%.*s' is out of range",
		    (int)n, c->s);
	if (log->n > 0 && (double)e <= log->epoch[log->n - 1])
		nn_die_at(c->name, c->line, 1, "epoch %ld is not after epoch "
		    "%.0f", e, (double)log->epoch[log->n - 1]);
	c->s += n;
	if (log->n == *cap) {
		*cap = *cap ? nn_mul(*cap, 2) : 256;
		v[0] = log->epoch, v[1] = log->acc, v[2] = log->loss;
		v[3] = log->data_loss;
		for (i = 0; i < 4; i++)
			v[i] = nn_realloc(v[i], nn_mul(*cap, sizeof(float)));
		log->epoch = v[0], log->acc = v[1], log->loss = v[2];
		log->data_loss = v[3];
	}
	log->epoch[log->n] = (float)e;
	log->acc[log->n] = log_acc(c, ", acc: ");
	log->loss[log->n] = (float)log_number(c, ", loss: ");
	log->data_loss[log->n] = log->loss[log->n];
	if (strncmp(c->s, " (", 2) == 0) {
		log->data_loss[log->n] = (float)log_number(c, " (data_loss: ");
		log_number(c, ", reg_loss: ");
		log_expect(c, ")");
		log->reg = 1;
	}
	log_number(c, ", lr: ");
	if (*c->s != '\0')
		nn_die_at(c->name, c->line, 0, "'%s' after the log line", c->s);
	log->n++;
}

/* the log line after "validation": , acc: A, loss: L */
static void
log_validation(struct nn_plot_log *log, struct logpos *c)
{
	if (log->val)
		nn_die_at(c->name, c->line, 0, "a second validation line");
	log->val_acc = log_acc(c, ", acc: ");
	log->val_loss = (float)log_number(c, ", loss: ");
	if (*c->s != '\0')
		nn_die_at(c->name, c->line, 0, "'%s' after the validation line",
		    c->s);
	log->val = 1;
}

/* -L: nn-train's log: its epoch lines and validation line; the early stop
 * line's best epoch is the validation's; other lines are not the log's */
static void
read_log(struct nn_plot_log *log, const char *path)
{
	static const char stop[] = "early stop at epoch ";
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct logpos c = { NULL, name, 0, 0, NULL, 0 };
	char *buf = NULL, *s, *end;
	size_t cap = 0, bufcap = 0, len;
	ssize_t got;
	long best = -1;

	if (fp == NULL)
		nn_die_errno("%s", path);
	memset(log, 0, sizeof(*log));
	while ((got = getline(&buf, &bufcap, fp)) != -1) {
		c.line++;
		len = (size_t)got;
		while (len > 0 && strchr("\n\r", buf[len - 1]) != NULL)
			buf[--len] = '\0';
		/* a terminal's progress bar is erased by "\r\033[K" */
		s = strrchr(buf, '\r') ? strrchr(buf, '\r') + 1 : buf;
		if (strncmp(s, "\033[K", 3) == 0)
			s += 3;
		c.s = s;
		c.field = 0;
		if (strncmp(s, "epoch: ", 7) == 0) {
			c.s += 7;
			log_epoch(log, &c, &cap);
		} else if (strncmp(s, "validation, ", 12) == 0) {
			c.s += 10;
			log_validation(log, &c);
		} else if (strncmp(s, stop, sizeof(stop) - 1) == 0 &&
		    (s = strstr(s, ", the best validation loss at epoch ")) !=
		    NULL) {
			s += 36;
			best = strtol(s, &end, 10);
			if (end == s || *end != '\0' || best < 0)
				best = -1;
		}
	}
	if (ferror(fp))
		nn_die_errno("%s", name);
	if (fp != stdin)
		fclose(fp);
	free(buf);
	if (log->n == 0)
		nn_die("%s: no log line 'epoch: E, acc: A, loss: L, lr: R' of "
		    "nn-train", name);
	log->val_epoch = best >= 0 ? (float)best : log->epoch[log->n - 1];
}

/* the layer words; the params come once the input width is known */
static void
parse_layers(struct nn_net *net, int nw, char **words)
{
	int i;

	net->nl = nw;
	net->l = nn_malloc(nn_mul((size_t)nw, sizeof(*net->l)));
	for (i = 0; i < nw; i++)
		if (!nn_layer_parse(words[i], &net->l[i]))
			nn_usage_msg(usage, "bad layer '%s'", words[i]);
	for (i = 0; i < nw && net->l[i].kind != NN_DENSE; i++)
		;
	if (i == nw)
		nn_usage_msg(usage, "the network has no dense layer");
}

/* dense layer k's params from prefix<k>, as nn-train -o wrote them */
static void
load_net(struct nn_net *net, const char *prefix, size_t nin, size_t rows)
{
	struct nn_layer *l;
	struct nn_tensor t;
	struct nn_rng rng;
	size_t len = strlen(prefix);
	char *path = nn_malloc(len + 16);
	int i, k = 0;

	nn_rng_seed(&rng, 0);
	/* the params drawn here are replaced by the files' */
	nn_net_init(net, nin, &rng, 0.01f, rows);
	for (i = 0; i < net->nl; i++) {
		l = &net->l[i];
		if (l->kind != NN_DENSE)
			continue;
		snprintf(path, len + 16, "%s%d", prefix, ++k);
		nn_tensor_read(&t, path);
		if (t.ndim != 2 || t.dims[0] < 2)
			nn_die("%s: params must be a matrix of n_inputs + 1 "
			    "rows", path);
		if (t.dims[0] - 1 != l->nin)
			nn_die("%s: params have %zu inputs, expected %zu", path,
			    t.dims[0] - 1, l->nin);
		if (t.dims[1] != l->nout)
			nn_die("%s: params have %zu neurons, expected %zu",
			    path, t.dims[1], l->nout);
		memcpy(l->params, t.v, (l->nin + 1) * l->nout * sizeof(float));
		nn_tensor_free(&t);
	}
	free(path);
}

/* the smallest and largest of v[0..n) */
static void
span(const float *v, size_t n, double *lo, double *hi)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > *hi)
			*hi = v[i];
	}
}

/* the centre of cell (i, j) of a g by g grid over the plot, row 0 on top */
static void
cell_centre(const struct nn_plot *p, size_t g, size_t i, size_t j, float *xy)
{
	xy[0] = (float)(p->x0 + (p->x1 - p->x0) * ((double)i + 0.5) /
	    (double)g);
	xy[1] = (float)(p->y1 - (p->y1 - p->y0) * ((double)j + 0.5) /
	    (double)g);
}

/* x of point i of g from lo to hi */
static float
curve_x(double lo, double hi, size_t g, size_t i)
{
	return (float)(lo + (hi - lo) * (double)i / (double)(g - 1));
}

/* the network's class for every cell, a row of cells a batch */
static void
net_classes(struct nn_net *net, const char *prefix, const struct nn_plot *p,
    size_t g, uint32_t *cls)
{
	float *xy = nn_malloc(nn_mul(nn_mul(g, 2), sizeof(float)));
	const float *out;
	char buf[NN_FMT_MAX];
	size_t i, j;
	long c;

	for (j = 0; j < g; j++) {
		for (i = 0; i < g; i++)
			cell_centre(p, g, i, j, xy + 2 * i);
		out = nn_net_forward(net, xy, g, 0, NULL);
		for (i = 0; i < g; i++) {
			c = class_of(out + i * net->nout, net->nout);
			if (c < 0) {
				nn_fmt_float(out[i], buf);
				nn_die("%s: the network's output '%s' is not a "
				    "class index or a probability", prefix,
				    buf);
			}
			cls[j * g + i] = (uint32_t)c;
		}
	}
	free(xy);
}

/* the network's y at each x of the curve */
static void
net_curve(struct nn_net *net, const char *prefix, const float *gx, size_t g,
    float *gy)
{
	const float *out;
	char buf[NN_FMT_MAX];
	size_t i;

	if (net->nout != 1)
		nn_die("%s: the network has %zu outputs, a curve needs 1",
		    prefix, net->nout);
	out = nn_net_forward(net, gx, g, 0, NULL);
	for (i = 0; i < g; i++) {
		if (!isfinite(out[i])) {
			nn_fmt_float(out[i], buf);
			nn_die("%s: the network's output is '%s'", prefix, buf);
		}
		gy[i] = out[i];
	}
}

/* -c: one prediction a grid point, in the order -G wrote the points */
static void
read_pred(const char *path, size_t rows, int curve, uint32_t *cls,
    float *gy)
{
	struct nn_reader *r = nn_reader_open(path);
	const char *name = nn_reader_name(r);
	const float *row;
	char buf[NN_FMT_MAX];
	unsigned long line;
	size_t n, k;
	long c;
	int sep;

	for (k = 0; nn_read_row(r, &row, &n, &sep); k++) {
		if (k >= rows)
			continue;
		line = nn_reader_line(r);
		if (curve) {
			if (n != 1)
				nn_die_at(name, line, 0, "row has %zu values, "
				    "expected 1 (y)", n);
			check_finite(row[0], name, line, 1);
			gy[k] = row[0];
			continue;
		}
		c = class_of(row, n);
		if (c < 0) {
			nn_fmt_float(row[0], buf);
			nn_die_at(name, line, 1, "'%s' is not a class index "
			    "or a probability", buf);
		}
		cls[k] = (uint32_t)c;
	}
	nn_reader_close(r);
	if (k != rows)
		nn_die("%s: %zu predictions, the grid has %zu points", name, k,
		    rows);
}

/* -G: the cells' centres row by row from the top left, or a curve's x */
static void
write_grid(const struct data *d, const struct nn_plot *p, double lo,
    double hi, size_t g)
{
	struct nn_writer w;
	float xy[2];
	size_t i, j;

	nn_writer_stdout(&w);
	for (j = 0; j < (d->curve ? 1 : g); j++) {
		for (i = 0; i < g; i++) {
			if (d->curve)
				xy[0] = curve_x(lo, hi, g, i);
			else
				cell_centre(p, g, i, j, xy);
			nn_write_row(&w, xy, d->curve ? 1 : 2);
		}
	}
	nn_writer_close(&w);
}

static int
point_cmp(const void *a, const void *b)
{
	const struct point *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* a curve's points in the order of x (ties in the order read) */
static void
sort_by_x(struct data *d)
{
	struct point *pt = nn_malloc(nn_mul(d->n, sizeof(*pt)));
	size_t i;

	for (i = 0; i < d->n; i++) {
		pt[i].x = d->x[i];
		pt[i].y = d->y[i];
		pt[i].i = i;
	}
	qsort(pt, d->n, sizeof(*pt), point_cmp);
	for (i = 0; i < d->n; i++) {
		d->x[i] = pt[i].x;
		d->y[i] = pt[i].y;
	}
	free(pt);
}

/* mark the classes in v[0..n) in seen, grown to the largest */
static void
mark(const uint32_t *v, size_t n, unsigned char **seen, size_t *len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] >= *len) {
			*seen = nn_realloc(*seen, (size_t)v[i] + 1);
			memset(*seen + *len, 0, (size_t)v[i] + 1 - *len);
			*len = (size_t)v[i] + 1;
		}
		(*seen)[v[i]] = 1;
	}
}

/* the legend of the classes of the points and the regions, in order */
static void
class_legend(struct nn_plot *p, const struct data *d, const uint32_t *cls,
    size_t cells)
{
	unsigned char *seen = NULL;
	uint32_t *list;
	size_t len = 0, n = 0, i;

	mark(d->cls, d->n, &seen, &len);
	if (cls != NULL)
		mark(cls, cells, &seen, &len);
	list = nn_malloc(nn_mul(len, sizeof(uint32_t)));
	for (i = 0; i < len; i++)
		if (seen[i])
			list[n++] = (uint32_t)i;
	nn_plot_legend(p, NULL, list, n);
	free(list);
	free(seen);
}

int
main(int argc, char *argv[])
{
	static const char *const names[] = { "data", "prediction" };
	struct nn_net net = { 0 };
	struct nn_plot p = { 0 };
	struct nn_plot_log log;
	struct nn_writer w;
	struct data d;
	const char *cpath = NULL, *prefix = NULL, *title = NULL;
	const char *ypath = NULL, *path = "-";
	long width = 650, height = 580, grid = 100;
	double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
	uint32_t *cls = NULL;
	float *gx = NULL, *gy = NULL;
	size_t g, i;
	int c, gflag = 0, lflag = 0, rflag = 0, drawing = 0, gridset = 0;
	int pred;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "GH:LW:c:g:p:rt:y:")) != -1) {
		switch (c) {
		case 'G':
			gflag = 1;
			break;
		case 'H':
			height = nn_arg_long(usage, "height", optarg, 180,
			    100000);
			drawing = 1;
			break;
		case 'L':
			lflag = 1;
			break;
		case 'W':
			width = nn_arg_long(usage, "width", optarg, 240,
			    100000);
			drawing = 1;
			break;
		case 'c':
			cpath = optarg;
			break;
		case 'g':
			grid = nn_arg_long(usage, "grid", optarg, 2, 2000);
			gridset = 1;
			break;
		case 'p':
			prefix = optarg;
			break;
		case 'r':
			rflag = 1;
			break;
		case 't':
			title = optarg;
			drawing = 1;
			break;
		case 'y':
			ypath = optarg;
			break;
		default:
			nn_usage(usage);
		}
	}
	argc -= optind;
	argv += optind;
	if (lflag && (gflag || rflag || gridset || cpath != NULL ||
	    prefix != NULL || ypath != NULL))
		nn_usage_msg(usage, "-L takes only -W, -H, -t and a file");
	if (gflag && (drawing || cpath != NULL || prefix != NULL ||
	    ypath != NULL))
		nn_usage_msg(usage, "-G takes only -r, -g and a file");
	if (prefix != NULL && cpath != NULL)
		nn_usage_msg(usage, "-c and -p both give the regions");
	if (prefix != NULL && argc == 0)
		nn_usage_msg(usage, "-p needs the network's layer words");
	if (prefix == NULL && argc > 1)
		nn_usage(usage);
	if (prefix == NULL && argc == 1)
		path = argv[0];
	if (title != NULL && !nn_plot_text_ok(title))
		nn_usage_msg(usage, "the title is not UTF-8 text");
	if ((strcmp(path, "-") == 0) + (ypath != NULL &&
	    strcmp(ypath, "-") == 0) + (cpath != NULL &&
	    strcmp(cpath, "-") == 0) > 1)
		nn_usage_msg(usage, "only one file can be stdin");
	if (prefix != NULL)
		parse_layers(&net, argc, argv);

	if (lflag) {
		read_log(&log, path);
		nn_writer_stdout(&w);
		p.w = &w;
		p.width = width;
		p.height = height;
		nn_plot_begin(&p, title);
		nn_plot_training(&p, &log);
		nn_plot_end(&p);
		nn_writer_close(&w);
		free(log.epoch);
		free(log.acc);
		free(log.loss);
		free(log.data_loss);
		return NN_EXIT_OK;
	}

	read_data(&d, path, rflag, ypath != NULL, gflag);
	if (ypath != NULL)
		read_labels(&d, ypath);
	g = (size_t)grid;
	span(d.x, d.n, &xlo, &xhi);
	span(d.y, d.n, &ylo, &yhi);
	p.x0 = xlo;
	p.x1 = xhi;
	p.y0 = ylo;
	p.y1 = yhi;
	nn_plot_pad(&p.x0, &p.x1);
	nn_plot_pad(&p.y0, &p.y1);
	if (gflag) {
		write_grid(&d, &p, xlo, xhi, g);
		free(d.x);
		free(d.y);
		free(d.cls);
		return NN_EXIT_OK;
	}

	pred = prefix != NULL || cpath != NULL;
	if (pred && d.curve) {
		gx = nn_malloc(nn_mul(g, sizeof(float)));
		gy = nn_malloc(nn_mul(g, sizeof(float)));
		for (i = 0; i < g; i++)
			gx[i] = curve_x(xlo, xhi, g, i);
	} else if (pred) {
		cls = nn_malloc(nn_mul(nn_mul(g, g), sizeof(uint32_t)));
	}
	if (prefix != NULL) {
		load_net(&net, prefix, d.curve ? 1 : 2, g);
		if (d.curve)
			net_curve(&net, prefix, gx, g, gy);
		else
			net_classes(&net, prefix, &p, g, cls);
	} else if (cpath != NULL) {
		read_pred(cpath, d.curve ? g : g * g, d.curve, cls, gy);
	}
	if (pred && d.curve) {
		span(gy, g, &ylo, &yhi);
		p.y0 = ylo;
		p.y1 = yhi;
		nn_plot_pad(&p.y0, &p.y1);
	}

	nn_writer_stdout(&w);
	p.w = &w;
	p.width = width;
	p.height = height;
	nn_plot_begin(&p, title);
	if (d.curve) {
		sort_by_x(&d);
		nn_plot_axes(&p);
		nn_plot_curve(&p, d.x, d.y, d.n, 0);
		if (pred)
			nn_plot_curve(&p, gx, gy, g, 1);
		nn_plot_legend(&p, names, NULL, pred ? 2 : 1);
	} else {
		if (pred)
			nn_plot_regions(&p, cls, g);
		nn_plot_axes(&p);
		nn_plot_points(&p, d.x, d.y, d.cls, d.n);
		class_legend(&p, &d, cls, g * g);
	}
	nn_plot_end(&p);
	nn_writer_close(&w);
	if (prefix != NULL) {
		nn_net_free(&net);
		free(net.l);
	}
	free(cls);
	free(gx);
	free(gy);
	free(d.x);
	free(d.y);
	free(d.cls);
	return NN_EXIT_OK;
}

/* read.c: the tensor reader, one row at a time: text, brackets or .npy */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

#define READ_CHUNK (1 << 16)

/* the longest line read, in bytes: a limit on memory, set at compile time */
#ifndef NN_LINE_MAX
#define NN_LINE_MAX ((size_t)1 << 30)
#endif

struct nn_reader {
	const char *name;
	int fd;
	int eof;
	int mode;		/* 0, 'T' text, 'B' brackets, 'N' .npy */
	int sniffed;		/* the first bytes were checked for .npy */
	char *buf;
	size_t cap, beg, end;	/* unread bytes are buf[beg, end) */
	size_t next;		/* where the line after the current one starts */
	char *lp, *le;		/* the unparsed rest of the current line */
	int haveline;
	unsigned long line;	/* number of the current line */
	unsigned long rowline;	/* line on which the last row started */
	float *row;
	size_t rowcap, n;
	size_t cols;		/* values in a row, once one was read */
	unsigned long nrows;
	int blank;		/* blank lines since the last row (text) */
	int depth, ndepth;	/* bracket depth now and of a row */
	int closes;		/* brackets closed since the last row */
	int done;		/* the outermost bracket is closed */
	int maxsep;		/* deepest block separator seen */
	size_t cnt[NN_MAXDIM];	/* units counted in the open unit of a level */
	size_t dim[NN_MAXDIM];	/* units a unit of a level must hold */
	struct nn_npy npy;	/* a .npy file's header */
	size_t npyrows;		/* rows in it */
	void (*idle)(void *);	/* called before a read that would wait */
	void *idle_arg;
	int idle_due;		/* a row was returned since the last call */
};

static const char *level_name[] = { "rows", "slices", "blocks" };

struct nn_reader *
nn_reader_open(const char *path)
{
	struct nn_reader *r = nn_malloc(sizeof(*r));

	memset(r, 0, sizeof(*r));
	if (path == NULL || strcmp(path, "-") == 0) {
		r->name = "<stdin>";
		r->fd = 0;
	} else {
		r->name = path;
		r->fd = open(path, O_RDONLY);
		if (r->fd < 0)
			nn_die_errno("%s", path);
	}
	r->cap = READ_CHUNK;
	r->buf = nn_malloc(r->cap);
	r->rowcap = 64;
	r->row = nn_malloc(r->rowcap * sizeof(float));
	return r;
}

void
nn_reader_close(struct nn_reader *r)
{
	if (r == NULL)
		return;
	if (r->fd > 0)
		close(r->fd);
	free(r->buf);
	free(r->row);
	free(r);
}

const char *
nn_reader_name(const struct nn_reader *r)
{
	return r->name;
}

unsigned long
nn_reader_line(const struct nn_reader *r)
{
	return r->rowline;
}

/*
 * fn(arg) whenever r has returned rows and its next read would wait for
 * the writer (a pipe or terminal with nothing in it): what was made of
 * those rows can go out while the input is slow; never for a file
 */
void
nn_reader_on_idle(struct nn_reader *r, void (*fn)(void *), void *arg)
{
	r->idle = fn;
	r->idle_arg = arg;
}

/* 1 unless a read of fd would wait: data, the end, or an error */
static int
readable(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, 0) != 0;
}

/* read more bytes after buf[end], moving or growing the buffer as needed */
static void
fill(struct nn_reader *r)
{
	ssize_t got;

	if (r->beg > 0) {
		memmove(r->buf, r->buf + r->beg, r->end - r->beg);
		r->end -= r->beg;
		r->beg = 0;
	}
	if (r->end == r->cap) {
		size_t cap = nn_mul(r->cap, 2);

		/* a line of NN_LINE_MAX bytes and its newline, no more */
		if (r->cap <= NN_LINE_MAX && cap > NN_LINE_MAX + 1)
			cap = NN_LINE_MAX + 1;
		r->buf = nn_realloc(r->buf, cap);
		r->cap = cap;
	}
	if (r->idle != NULL && r->idle_due && !readable(r->fd)) {
		r->idle_due = 0;
		r->idle(r->idle_arg);
	}
	do
		got = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		nn_die_errno("%s", r->name);
	if (got == 0)
		r->eof = 1;
	r->end += (size_t)got;
}

/* make lp..le the next line, without its newline; 0 at the end */
static int
next_line(struct nn_reader *r)
{
	char *p, *nl;
	size_t scanned = 0, len;

	r->beg = r->next;
	for (;;) {
		p = r->buf + r->beg + scanned;
		len = r->end - r->beg - scanned;
		nl = memchr(p, '\n', len);
		if (memchr(p, '\0', nl != NULL ? (size_t)(nl - p) : len))
			nn_die_at(r->name, r->line + 1, 0,
			    "NUL byte in the text");
		if (nl == NULL && r->eof) {
			if (r->beg == r->end)
				return 0;
			nl = r->buf + r->end;
		}
		if ((nl != NULL ? (size_t)(nl - r->buf) : r->end) - r->beg >
		    NN_LINE_MAX)
			nn_die_at(r->name, r->line + 1, 0,
			    "line longer than %zu bytes", (size_t)NN_LINE_MAX);
		if (nl != NULL)
			break;
		scanned = r->end - r->beg;
		fill(r);
	}
	r->lp = r->buf + r->beg;
	r->le = nl;
	r->next = (size_t)(nl - r->buf) + (nl < r->buf + r->end);
	r->line++;
	return 1;
}

/* 1: a blank; 2: a blank or another character that ends a number */
static const unsigned char sep_class[256] = {
	[' '] = 3, ['\t'] = 3, ['\r'] = 3, ['\f'] = 3, ['\v'] = 3,
	[','] = 2, ['['] = 2, [']'] = 2, ['#'] = 2,
};

static int
is_blank(int c)
{
	return sep_class[(unsigned char)c] & 1;
}

static int
is_sep(int c)
{
	return sep_class[(unsigned char)c] & 2;
}

/* parse the number in p..q and append it to the row */
static void
push(struct nn_reader *r, const char *p, const char *q)
{
	float v;
	int rc;

	if (r->n == r->rowcap) {
		r->rowcap = nn_mul(r->rowcap, 2);
		r->row = nn_realloc(r->row, nn_mul(r->rowcap, sizeof(float)));
	}
	rc = nn_parse_float(p, (size_t)(q - p), &v);
	if (rc == NN_PARSE_RANGE)
		nn_die_at(r->name, r->line, r->n + 1,
		    "'%.*s' is out of float32 range", (int)(q - p), p);
	if (rc != NN_PARSE_OK)
		nn_die_at(r->name, r->line, r->n + 1,
		    "'%.*s' is not a number", q - p > 40 ? 40 : (int)(q - p), p);
	r->row[r->n++] = v;
}

/* the number at p onto the row; returns the end of its token */
static char *
number(struct nn_reader *r, char *p, char *le)
{
	const char *stop;
	char *q;
	float v;

	/* the parser may look past le: the line's newline stops it */
	if (nn_parse_float_prefix(p, r->buf + r->end, &v, &stop) &&
	    (stop == le || (stop < le && is_sep(*stop)))) {
		if (r->n == r->rowcap) {
			r->rowcap = nn_mul(r->rowcap, 2);
			r->row = nn_realloc(r->row, nn_mul(r->rowcap,
			    sizeof(float)));
		}
		r->row[r->n++] = v;
		return p + (stop - p);
	}
	/* anything else: the whole token, as strtod reads it */
	for (q = p; q < le && !is_sep(*q); q++)
		;
	push(r, p, q);
	return q;
}

/* close the open unit of level j: check its count, count it one level up */
static void
close_level(struct nn_reader *r, int j)
{
	if (r->dim[j] == 0 && r->cnt[j] != 0)
		r->dim[j] = r->cnt[j];
	else if (r->cnt[j] != r->dim[j])
		nn_die_at(r->name, r->line, 0, "ragged tensor: %s %zu %s, "
		    "expected %zu", j == 0 ? "slice has" : "block has",
		    r->cnt[j], j < 3 ? level_name[j] : "blocks", r->dim[j]);
	r->cnt[j] = 0;
	r->cnt[j + 1]++;
}

/* account for a row that follows sep block separators */
static void
count_row(struct nn_reader *r, int sep)
{
	int j;

	if (r->nrows == 0)
		r->cols = r->n;
	else if (r->n != r->cols)
		nn_die_at(r->name, r->rowline, (r->n < r->cols ? r->n : r->cols)
		    + 1, "ragged row: %zu values, expected %zu", r->n, r->cols);
	if (sep > r->maxsep)
		r->maxsep = sep;
	for (j = 0; j < sep; j++)
		close_level(r, j);
	r->cnt[0]++;
	r->nrows++;
}

/* a row of blank- or comma-separated numbers on one line; 0: none */
static int
text_row(struct nn_reader *r)
{
	char *p = r->lp, *le = r->le, *q;
	const char *stop;
	size_t k;
	int need = 0;

	q = memchr(p, '#', (size_t)(le - p));
	if (q != NULL)
		le = q;
	while (p < le && is_blank(*p))
		p++;
	if (p == le)
		return q != NULL ? -1 : 0;
	r->n = 0;
	r->rowline = r->line;
	for (;;) {
		while (p < le && is_blank(*p))
			p++;
		if (p == le || *p == ',') {
			if (p < le && r->n > 0 && !need) {
				need = 1;
				p++;
				continue;
			}
			if (p == le && !need)
				break;
			nn_die_at(r->name, r->line, r->n + 1, "empty field");
		}
		if (*p == '[' || *p == ']')
			nn_die_at(r->name, r->line, r->n + 1,
			    "unexpected '%c' in a row of plain text", *p);
		if (r->n == r->rowcap) {
			r->rowcap = nn_mul(r->rowcap, 2);
			r->row = nn_realloc(r->row, nn_mul(r->rowcap,
			    sizeof(float)));
		}
		/* the common numbers in one go, then whatever stopped them */
		k = nn_parse_floats(p, le, r->buf + r->end, r->row + r->n,
		    r->rowcap - r->n, &stop);
		r->n += k;
		p = k > 0 ? p + (stop - p) : number(r, p, le);
		need = 0;
	}
	return 1;
}

/* numpy's bracket notation: scan to the next row's closing bracket */
static int
bracket_row(struct nn_reader *r)
{
	char *p;
	int inrow = 0;

	for (;;) {
		if (!r->haveline) {
			if (!next_line(r)) {
				if (r->depth > 0)
					nn_die_at(r->name, r->line, 0,
					    "'[' is not closed");
				return 0;
			}
			r->haveline = 1;
		}
		p = r->lp;
		while (p < r->le && (is_blank(*p) || *p == ','))
			p++;
		if (p == r->le || *p == '#') {
			r->haveline = 0;
			continue;
		}
		if (r->done)
			nn_die_at(r->name, r->line, 0,
			    "text after the closing bracket");
		if (*p == '[') {
			if (r->ndepth != 0 && r->depth >= r->ndepth)
				nn_die_at(r->name, r->line, 0,
				    "unexpected '['");
			if (++r->depth >= NN_MAXDIM)
				nn_die_at(r->name, r->line, 0,
				    "more than %d dimensions", NN_MAXDIM - 1);
			r->lp = p + 1;
			continue;
		}
		if (*p == ']') {
			if (r->depth == 0)
				nn_die_at(r->name, r->line, 0, "unmatched ']'");
			if (r->ndepth == 0)
				r->ndepth = r->depth;
			r->lp = p + 1;
			if (r->depth-- == r->ndepth) {
				if (!inrow) {
					r->n = 0;
					r->rowline = r->line;
				}
				if (r->depth == 0)
					r->done = 1;
				return 1;
			}
			if (r->depth == 0)
				r->done = 1;
			r->closes++;
			continue;
		}
		if (r->ndepth == 0)
			r->ndepth = r->depth;
		if (r->depth != r->ndepth)
			nn_die_at(r->name, r->line, 0, "a number at "
			    "bracket depth %d, expected %d", r->depth,
			    r->ndepth);
		if (!inrow) {
			inrow = 1;
			r->n = 0;
			r->rowline = r->line;
		}
		r->lp = number(r, p, r->le);
	}
}

/* read until n bytes are unread in the buffer, or to the end */
static void
want(struct nn_reader *r, size_t n)
{
	while (r->end - r->beg < n && !r->eof)
		fill(r);
}

/* numpy's magic at the start: read the header that follows it */
static void
npy_open(struct nn_reader *r)
{
	size_t n = NN_NPY_MAGIC_LEN, len;

	while (r->end < n && !r->eof &&
	    memcmp(r->buf, NN_NPY_MAGIC, r->end) == 0)
		fill(r);
	if (r->end < n || memcmp(r->buf, NN_NPY_MAGIC, n) != 0)
		return;
	for (;;) {
		len = nn_npy_header(r->name, (unsigned char *)r->buf + r->beg,
		    r->end - r->beg, r->eof, &r->npy);
		if (len <= r->end - r->beg)
			break;
		want(r, len);
	}
	r->beg += len;
	r->cols = r->npy.ndim > 0 ? r->npy.dims[r->npy.ndim - 1] : 1;
	r->npyrows = r->npy.size > 0 ? r->npy.size / r->cols : 0;
	r->mode = 'N';
}

/* the next row of a .npy file, in blocks as the text reader finds them */
static int
npy_row(struct nn_reader *r, int *sep)
{
	const struct nn_npy *a = &r->npy;
	size_t k, got, span, i = r->nrows;
	char num[40];
	double bad;
	int j;

	if (i == r->npyrows) {
		want(r, 1);
		if (r->end > r->beg)
			nn_die_at(r->name, 0, 0, "numpy data goes on after %zu "
			    "values", a->size);
		return 0;
	}
	for (r->n = 0; r->n < r->cols; r->n += k) {
		k = (r->end - r->beg) / a->width;
		if (k == 0) {
			if (r->eof)
				nn_die_at(r->name, 0, 0, "numpy data ends "
				    "after %zu of %zu values",
				    i * r->cols + r->n, a->size);
			fill(r);
			continue;
		}
		if (k > r->cols - r->n)
			k = r->cols - r->n;
		if (r->n + k > r->rowcap) {	/* grow as the values come */
			while (r->n + k > r->rowcap)
				r->rowcap = nn_mul(r->rowcap, 2);
			if (r->rowcap > r->cols)
				r->rowcap = r->cols;
			r->row = nn_realloc(r->row, nn_mul(r->rowcap,
			    sizeof(float)));
		}
		got = nn_npy_decode(a, (unsigned char *)r->buf + r->beg, k,
		    r->row + r->n, &bad);
		if (got < k) {
			nn_fmt_repr(bad, num);
			nn_die_at(r->name, i + 1, r->n + got + 1,
			    "%s is out of float32 range", num);
		}
		r->beg += k * a->width;
	}
	/* a row that starts a 2-D slice follows a blank line, and so on */
	*sep = 0;
	for (j = a->ndim - 2, span = 1; j > 0 && i > 0; j--) {
		span *= a->dims[j];
		if (i % span != 0)
			break;
		++*sep;
	}
	r->nrows++;
	r->rowline = r->nrows;
	return 1;
}

/* the next row: 1 and its values, with *sep block separators before it */
int
nn_read_row(struct nn_reader *r, const float **row, size_t *n, int *sep)
{
	int got;

	if (r->mode == 0 && !r->sniffed) {
		r->sniffed = 1;
		npy_open(r);
	}
	if (r->mode == 0) {
		while (next_line(r)) {
			char *p = r->lp;

			while (p < r->le && is_blank(*p))
				p++;
			if (p == r->le || *p == '#')
				continue;
			r->mode = *p == '[' ? 'B' : 'T';
			r->haveline = 1;
			break;
		}
		if (r->mode == 0)
			return 0;
	}
	if (r->mode == 'N') {
		if (!npy_row(r, sep))
			return 0;
		*row = r->row;
		*n = r->n;
		r->idle_due = 1;
		return 1;
	}
	if (r->mode == 'B') {
		r->closes = 0;
		if (!bracket_row(r))
			return 0;
		*sep = r->nrows ? r->closes : 0;
	} else {
		for (;;) {
			if (!r->haveline && !next_line(r))
				return 0;
			r->haveline = 0;
			got = text_row(r);
			if (got > 0)
				break;
			if (got == 0 && r->nrows > 0)
				r->blank++;
		}
		*sep = r->blank;
		r->blank = 0;
	}
	if (*sep >= NN_MAXDIM - 2)
		nn_die_at(r->name, r->rowline, 0, "more than %d dimensions",
		    NN_MAXDIM - 1);
	count_row(r, *sep);
	*row = r->row;
	*n = r->n;
	r->idle_due = 1;
	return 1;
}

/* after the last row: the shape into dims, and the number of dimensions */
int
nn_reader_shape(const struct nn_reader *r, size_t *dims)
{
	struct nn_reader *w = (struct nn_reader *)r;
	int ndim, j, k;

	if (r->mode == 'N') {	/* the header's, when every row was read */
		memcpy(dims, r->npy.dims, sizeof(r->npy.dims));
		return r->npy.ndim;
	}
	if (r->mode == 'B')
		ndim = r->ndepth;
	else if (r->nrows <= 1)
		ndim = 1;
	else
		ndim = r->maxsep + 2;
	if (ndim <= 1) {
		dims[0] = r->cols;
		return 1;
	}
	for (j = 0; j < ndim - 2; j++)
		close_level(w, j);
	dims[0] = r->cnt[ndim - 2];
	for (k = 1; k < ndim - 1; k++)
		dims[k] = r->dim[ndim - 2 - k];
	dims[ndim - 1] = r->cols;
	return ndim;
}

/* npy.c: numpy's .npy format: the header, and values to and from float32 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define NPY_ALIGN 64		/* numpy pads the header to this */
#define NPY_GROWTH 21		/* numpy's spare room for shape[0] to grow */
#define NPY_HEADER_MAX (1 << 20)

static uint16_t
get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8 & 0xff;
	p[2] = v >> 16 & 0xff;
	p[3] = v >> 24 & 0xff;
}

/* a header being parsed: the text, where we are, the file for messages */
struct hdr {
	const char *name;
	const char *s, *end, *p;
	size_t off;		/* file offset of s[0] */
};

static _Noreturn void
invalid(const struct hdr *h)
{
	nn_die_at(h->name, 0, 0, "numpy header is not a valid dict (byte %zu)",
	    h->off + (size_t)(h->p - h->s));
}

static void
skip_ws(struct hdr *h)
{
	while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' ||
	    *h->p == '\n' || *h->p == '\r'))
		h->p++;
}

/* skip blanks, then take c if it is next */
static int
accept(struct hdr *h, int c)
{
	skip_ws(h);
	if (h->p < h->end && *h->p == c) {
		h->p++;
		return 1;
	}
	return 0;
}

/* a quoted string of printable ASCII, without escapes, into buf */
static void
string(struct hdr *h, char *buf, size_t cap)
{
	const char *q;
	char quote;

	skip_ws(h);
	if (h->p == h->end || (*h->p != '\'' && *h->p != '"'))
		invalid(h);
	quote = *h->p++;
	for (q = h->p; q < h->end && *q != quote; q++)
		if (*q < ' ' || *q > '~' || *q == '\\')
			invalid(h);
	if (q == h->end)
		invalid(h);
	if ((size_t)(q - h->p) >= cap) {
		h->p = q;
		invalid(h);
	}
	memcpy(buf, h->p, (size_t)(q - h->p));
	buf[q - h->p] = '\0';
	h->p = q + 1;
}

/* Python's True or False */
static int
boolean(struct hdr *h)
{
	skip_ws(h);
	if (h->end - h->p >= 4 && memcmp(h->p, "True", 4) == 0) {
		h->p += 4;
		return 1;
	}
	if (h->end - h->p >= 5 && memcmp(h->p, "False", 5) == 0) {
		h->p += 5;
		return 0;
	}
	invalid(h);
}

/* a tuple of non-negative ints, (), (3,) or (2, 3), into a->dims */
static void
shape(struct hdr *h, struct nn_npy *a)
{
	size_t d;
	int more = 1;

	if (!accept(h, '('))
		invalid(h);
	a->ndim = 0;
	while (!accept(h, ')')) {
		if (!more || h->p == h->end || *h->p < '0' || *h->p > '9')
			invalid(h);
		for (d = 0; h->p < h->end && *h->p >= '0' && *h->p <= '9';
		    h->p++) {
			if (d > (SIZE_MAX - 9) / 10)
				nn_die_at(h->name, 0, 0,
				    "numpy shape is too large");
			d = d * 10 + (size_t)(*h->p - '0');
		}
		if (h->p < h->end && *h->p == 'L')	/* Python 2's long */
			h->p++;
		if (a->ndim == NN_MAXDIM - 1)
			nn_die_at(h->name, 0, 0, "numpy array has more than "
			    "%d dimensions", NN_MAXDIM - 1);
		a->dims[a->ndim++] = d;
		more = accept(h, ',');
		if (a->ndim == 1 && !more) {	/* (3) is an int, not a tuple */
			skip_ws(h);
			invalid(h);
		}
	}
}

/* descr such as '<f4': the kinds numpy writes that read exactly */
static void
dtype(const char *name, const char *descr, struct nn_npy *a)
{
	const char *p = descr;
	char order = 0;

	if (*p == '<' || *p == '>' || *p == '|' || *p == '=')
		order = *p++;
	a->kind = *p;
	a->width = 0;
	if (p[0] != '\0' && p[1] >= '1' && p[1] <= '8' && p[2] == '\0')
		a->width = (size_t)(p[1] - '0');
	switch (a->kind) {
	case 'b':
		if (a->width != 1)
			a->width = 0;
		break;
	case 'f':
		if (a->width != 2 && a->width != 4 && a->width != 8)
			a->width = 0;
		break;
	case 'i':
	case 'u':
		if (a->width != 1 && a->width != 2 && a->width != 4 &&
		    a->width != 8)
			a->width = 0;
		break;
	default:
		a->width = 0;
	}
	if (a->width > 1 && order == '>')
		nn_die_at(name, 0, 0, "numpy dtype '%s' is big-endian: "
		    "not supported", descr);
	if (a->width == 0 || (a->width > 1 && order != '<'))
		nn_die_at(name, 0, 0, "numpy dtype '%s' is not supported",
		    descr);
}

/* the header in p[0, n): its length; more than n when n is short */
size_t
nn_npy_header(const char *name, const unsigned char *p, size_t n, int eof,
    struct nn_npy *a)
{
	struct hdr h;
	char key[16], descr[sizeof(a->descr)];
	size_t pre, len, i;
	int seen = 0, fortran = 0, big, bit;

	pre = n >= 8 && p[6] != 1 ? 12 : 10;
	len = pre;
	if (n >= 8 && (p[6] < 1 || p[6] > 3 || p[7] != 0))
		nn_die_at(name, 0, 0, "numpy format version %d.%d is not "
		    "supported", p[6], p[7]);
	if (n >= pre) {
		len = pre == 10 ? get16(p + 8) : get32(p + 8);
		if (len > NPY_HEADER_MAX)
			nn_die_at(name, 0, 0, "numpy header of %zu bytes is "
			    "too long", len);
		len += pre;
	}
	if (n < len) {
		if (eof)
			nn_die_at(name, 0, 0, "numpy header ends after %zu "
			    "of %zu bytes", n, len);
		return len;
	}
	h.name = name;
	h.s = h.p = (const char *)p + pre;
	h.end = (const char *)p + len;
	h.off = pre;
	if (!accept(&h, '{'))
		invalid(&h);
	while (!accept(&h, '}')) {
		string(&h, key, sizeof(key));
		bit = strcmp(key, "descr") == 0 ? 1 :
		    strcmp(key, "fortran_order") == 0 ? 2 :
		    strcmp(key, "shape") == 0 ? 4 : 0;
		if (bit == 0 || seen & bit)
			nn_die_at(name, 0, 0, "numpy header has %s key '%s'",
			    bit ? "a second" : "an unknown", key);
		seen |= bit;
		if (!accept(&h, ':'))
			invalid(&h);
		if (bit == 1 && accept(&h, '['))
			nn_die_at(name, 0, 0, "numpy structured dtype is not "
			    "supported");
		if (bit == 1)
			string(&h, descr, sizeof(descr));
		else if (bit == 2)
			fortran = boolean(&h);
		else
			shape(&h, a);
		if (!accept(&h, ',')) {
			if (!accept(&h, '}'))
				invalid(&h);
			break;
		}
	}
	skip_ws(&h);
	if (h.p != h.end)
		invalid(&h);
	if (seen != 7)
		nn_die_at(name, 0, 0, "numpy header has no '%s'", !(seen & 1) ?
		    "descr" : !(seen & 2) ? "fortran_order" : "shape");
	memcpy(a->descr, descr, sizeof(descr));
	dtype(name, descr, a);
	/* Fortran order is C order when at most one axis is longer than 1 */
	for (i = 0, big = 0; i < (size_t)a->ndim; i++)
		big += a->dims[i] > 1;
	if (fortran && big > 1)
		nn_die_at(name, 0, 0, "numpy array in Fortran order is not "
		    "supported: save np.ascontiguousarray(a)");
	a->size = 1;
	for (i = 0; i < (size_t)a->ndim; i++) {
		if (a->dims[i] != 0 && a->size > SIZE_MAX / a->width /
		    a->dims[i])
			nn_die_at(name, 0, 0, "numpy shape is too large");
		a->size *= a->dims[i];
	}
	return len;
}

/* IEEE half to float, exactly */
static float
half(uint16_t v)
{
	uint32_t sign = (uint32_t)(v >> 15) << 31, e = v >> 10 & 0x1f;
	uint32_t m = v & 0x3ff, bits;
	float f;

	if (e == 0) {				/* zero or subnormal: m 2^-24 */
		f = (float)m * 0x1p-24f;
		return sign ? -f : f;
	}
	if (e == 0x1f)
		bits = sign | 0x7f800000 | m << 13;
	else
		bits = sign | (e + 112) << 23 | m << 13;
	memcpy(&f, &bits, sizeof(f));
	return f;
}

/* n values at p to float32, rounded to nearest; returns n, or the index of
 * a finite value beyond float32's range, stored in *bad */
size_t
nn_npy_decode(const struct nn_npy *a, const unsigned char *p, size_t n,
    float *dst, double *bad)
{
	size_t i;
	uint32_t u32;
	uint64_t u64;
	double d;

	switch (a->kind << 8 | (int)a->width) {
	case 'b' << 8 | 1:
		for (i = 0; i < n; i++)
			dst[i] = p[i] != 0;
		break;
	case 'f' << 8 | 2:
		for (i = 0; i < n; i++)
			dst[i] = half(get16(p + 2 * i));
		break;
	case 'f' << 8 | 4:
		for (i = 0; i < n; i++) {
			u32 = get32(p + 4 * i);
			memcpy(dst + i, &u32, sizeof(float));
		}
		break;
	case 'f' << 8 | 8:
		for (i = 0; i < n; i++) {
			u64 = get64(p + 8 * i);
			memcpy(&d, &u64, sizeof(d));
			dst[i] = (float)d;
			if (isinf(dst[i]) && !isinf(d)) {
				*bad = d;
				return i;
			}
		}
		break;
	case 'i' << 8 | 1:
		for (i = 0; i < n; i++)
			dst[i] = (int8_t)p[i];
		break;
	case 'i' << 8 | 2:
		for (i = 0; i < n; i++)
			dst[i] = (int16_t)get16(p + 2 * i);
		break;
	case 'i' << 8 | 4:
		for (i = 0; i < n; i++)
			dst[i] = (float)(int32_t)get32(p + 4 * i);
		break;
	case 'i' << 8 | 8:
		for (i = 0; i < n; i++)
			dst[i] = (float)(int64_t)get64(p + 8 * i);
		break;
	case 'u' << 8 | 1:
		for (i = 0; i < n; i++)
			dst[i] = p[i];
		break;
	case 'u' << 8 | 2:
		for (i = 0; i < n; i++)
			dst[i] = get16(p + 2 * i);
		break;
	case 'u' << 8 | 4:
		for (i = 0; i < n; i++)
			dst[i] = (float)get32(p + 4 * i);
		break;
	case 'u' << 8 | 8:
		for (i = 0; i < n; i++)
			dst[i] = (float)get64(p + 8 * i);
		break;
	}
	return n;
}

static void
put(struct nn_writer *w, const void *p, size_t n)
{
	if (fwrite(p, 1, n, w->fp) != n) {
		if (errno == EPIPE)
			nn_exit(NN_EXIT_DATA);
		nn_die_errno("%s", w->name);
	}
}

/* t as a version 1.0 .npy, '<f4' or with f8 '<f8', padded as numpy pads */
void
nn_npy_write(struct nn_writer *w, const struct nn_tensor *t, int f8)
{
	unsigned char buf[1 << 16];
	char shape[NN_MAXDIM * 24];
	size_t len, pad, n, i, k, size = nn_tensor_size(t);
	uint32_t u32;
	uint64_t u64;
	double d;

	nn_shape_fmt(t->ndim, t->dims, shape, sizeof(shape));
	memcpy(buf, "\x93NUMPY\x01\x00", 8);
	len = (size_t)sprintf((char *)buf + 10, "{'descr': '<f%c', "
	    "'fortran_order': False, 'shape': %s, }", f8 ? '8' : '4', shape);
	if (t->ndim > 0) {
		n = (size_t)snprintf(shape, sizeof(shape), "%zu", t->dims[0]);
		pad = n < NPY_GROWTH ? NPY_GROWTH - n : 0;
		memset(buf + 10 + len, ' ', pad);
		len += pad;
	}
	/* spaces and a newline up to a multiple of 64; never none */
	pad = NPY_ALIGN - (10 + len + 1) % NPY_ALIGN;
	memset(buf + 10 + len, ' ', pad);
	len += pad;
	buf[10 + len++] = '\n';
	buf[8] = len & 0xff;
	buf[9] = len >> 8 & 0xff;
	put(w, buf, 10 + len);
	for (i = 0; i < size; i += n) {
		n = size - i < sizeof(buf) / 8 ? size - i : sizeof(buf) / 8;
		for (k = 0; k < n; k++) {
			if (f8) {
				d = t->v[i + k];
				memcpy(&u64, &d, sizeof(d));
				put32(buf + 8 * k, (uint32_t)u64);
				put32(buf + 8 * k + 4, (uint32_t)(u64 >> 32));
			} else {
				memcpy(&u32, t->v + i + k, sizeof(u32));
				put32(buf + 4 * k, u32);
			}
		}
		put(w, buf, n * (f8 ? 8 : 4));
	}
}

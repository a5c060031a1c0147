/*
 * fuzz-parse.c: the number parser against strtof, and the printer.
 * nn_parse_float(s, len) must give what strtof gives on a NUL-terminated
 * copy of the whole token (the same float bits, or the same rejection or
 * range error; strtof's leading blanks are not a number), and so must the
 * reader's fast path on the bytes it takes with text after them; every
 * float it reads, and the float in the input's first 4 bytes, must print
 * as the shortest decimal that reads back to the same bits.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"
#include "fuzz.h"

static char copy[1 << 20];

/* what strtof makes of the token: NN_PARSE_OK and *f, or an error */
static int
reference(const char *s, size_t len, float *f)
{
	char *end;

	if (len == 0 || s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
		return NN_PARSE_NOTNUM;
	errno = 0;
	*f = strtof(s, &end);
	if (end != s + len)
		return NN_PARSE_NOTNUM;
	if (errno == ERANGE && isinf(*f))
		return NN_PARSE_RANGE;
	return NN_PARSE_OK;
}

/* significant digits of a printed number */
static int
digits(const char *s)
{
	const char *p, *first = NULL, *last = NULL;
	int n = 0;

	for (p = s; *p != '\0' && *p != 'e'; p++)
		if (*p >= '1' && *p <= '9') {
			if (first == NULL)
				first = p;
			last = p;
		}
	if (first == NULL)
		return 1;
	for (p = first; p <= last; p++)
		n += *p >= '0' && *p <= '9';
	return n;
}

static void
check_print(float x)
{
	char buf[NN_FMT_MAX + 8], sh[64];
	size_t len;
	float y;
	int rc, n, p;

	memset(buf, 'x', sizeof(buf));
	len = nn_fmt_float(x, buf);
	if (len == 0 || len >= NN_FMT_MAX || buf[len] != '\0' ||
	    strlen(buf) != len)
		fuzz_fail("%a prints as %zu bytes", (double)x, len);
	rc = nn_parse_float(buf, len, &y);
	if (rc != NN_PARSE_OK)
		fuzz_fail("%a prints as '%s', which does not read", (double)x,
		    buf);
	if (isnan(x)) {
		if (!isnan(y))
			fuzz_fail("nan prints as '%s'", buf);
		return;
	}
	if (memcmp(&x, &y, sizeof(x)) != 0)
		fuzz_fail("%a prints as '%s', which reads as %a", (double)x,
		    buf, (double)y);
	if (isinf(x) || x == 0)
		return;
	n = digits(buf);
	if (n > 9)
		fuzz_fail("%a prints with %d digits: %s", (double)x, n, buf);
	for (p = 1; p < n; p++) {
		snprintf(sh, sizeof(sh), "%.*e", p - 1, (double)x);
		if (strtof(sh, NULL) == x)
			fuzz_fail("%a prints as '%s', but '%s' is shorter",
			    (double)x, buf, sh);
	}
}

/*
 * copy[0..size) as the reader meets it, a newline and more text after it:
 * when the fast path takes a number it stops at or before the newline,
 * with what strtof makes of the bytes it took
 */
static void
reader_path(size_t size)
{
	static char line[sizeof(copy) + 64], tok[sizeof(copy)];
	const char *stop;
	float f = 0, g = 0;
	size_t len;

	memcpy(line, copy, size);
	line[size] = '\n';
	memset(line + size + 1, '5', sizeof(line) - size - 1);
	if (!nn_parse_float_prefix(line, line + sizeof(line), &f, &stop))
		return;
	if (stop < line || stop > line + size)
		fuzz_fail("'%s': read to %td of %zu", copy, stop - line, size);
	len = (size_t)(stop - line);
	memcpy(tok, line, len);
	tok[len] = '\0';
	if (reference(tok, len, &g) != NN_PARSE_OK || memcmp(&f, &g,
	    sizeof(f)) != 0)
		fuzz_fail("'%s' of '%s': %a, strtof %a", tok, copy, (double)f,
		    (double)g);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	float f = 0, g = 0;
	uint32_t bits;
	int rc, ref;

	if (size >= sizeof(copy))
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	rc = nn_parse_float((const char *)data, size, &f);
	ref = reference(copy, size, &g);
	if (rc != ref)
		fuzz_fail("'%s': %d, strtof %d", copy, rc, ref);
	if (rc == NN_PARSE_OK) {
		if (memcmp(&f, &g, sizeof(f)) != 0)
			fuzz_fail("'%s': %a, strtof %a", copy, (double)f,
			    (double)g);
		check_print(f);
	}
	reader_path(size);
	if (size >= 4) {
		memcpy(&bits, data, sizeof(bits));
		memcpy(&f, &bits, sizeof(f));
		check_print(f);
	}
	return 0;
}

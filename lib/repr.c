/* repr.c: a double as Python's repr prints it (logs compare with numpy's) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* the shortest %.*e digits that read back to x: "d.ddde[+-]XX" */
static int
shortest_e(double x, char *buf, size_t cap)
{
	int p;

	for (p = 0; p < 17; p++) {
		snprintf(buf, cap, "%.*e", p, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return p;
}

/* repr(x): positional with ".0" when 1e-4 <= |x| < 1e16, else 1.5e-05 */
size_t
nn_fmt_repr(double x, char *buf)
{
	char e[40], digits[20];
	char *p = buf, *q;
	int exp10, nd = 0, i;

	if (x != x)
		return (size_t)sprintf(buf, "nan");
	if (x - x != 0)
		return (size_t)sprintf(buf, x < 0 ? "-inf" : "inf");
	if (x == 0)
		return (size_t)sprintf(buf, signbit(x) ? "-0.0" : "0.0");
	shortest_e(x, e, sizeof(e));
	q = e;
	if (*q == '-') {
		*p++ = '-';
		q++;
	}
	for (; *q != 'e'; q++)
		if (*q != '.')
			digits[nd++] = *q;
	exp10 = atoi(q + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (exp10 < -4 || exp10 >= 16) {
		*p++ = digits[0];
		if (nd > 1) {
			*p++ = '.';
			memcpy(p, digits + 1, (size_t)nd - 1);
			p += nd - 1;
		}
		p += sprintf(p, "e%c%02d", exp10 < 0 ? '-' : '+',
		    exp10 < 0 ? -exp10 : exp10);
	} else if (exp10 < 0) {
		*p++ = '0';
		*p++ = '.';
		for (i = -1; i > exp10; i--)
			*p++ = '0';
		memcpy(p, digits, (size_t)nd);
		p += nd;
	} else {
		for (i = 0; i <= exp10; i++)
			*p++ = i < nd ? digits[i] : '0';
		*p++ = '.';
		if (nd > exp10 + 1) {
			memcpy(p, digits + exp10 + 1, (size_t)(nd - exp10 - 1));
			p += nd - exp10 - 1;
		} else {
			*p++ = '0';
		}
	}
	*p = '\0';
	return (size_t)(p - buf);
}

/* arg.c: strict parsing of numeric arguments */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* the whole word as a base-10 integer in [min, max], else a usage error */
long
nn_arg_long(const char *usage, const char *what, const char *s, long min,
    long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!isdigit((unsigned char)s[*s == '-' || *s == '+']) || *end != '\0')
		nn_usage_msg(usage, "%s '%s' is not an integer", what, s);
	if (errno == ERANGE || v < min || v > max)
		nn_usage_msg(usage, "%s '%s' is out of range [%ld, %ld]", what,
		    s, min, max);
	return v;
}

/* a seed as np.random.seed takes it: an integer in [0, 2^32 - 1] */
unsigned long
nn_arg_seed(const char *usage, const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		nn_usage_msg(usage, "seed '%s' is not an integer in "
		    "[0, 4294967295]", s);
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v > 4294967295ULL)
		nn_usage_msg(usage, "seed '%s' is not an integer in "
		    "[0, 4294967295]", s);
	return (unsigned long)v;
}

/* the whole word as a finite float32, else a usage error */
float
nn_arg_float(const char *usage, const char *what, const char *s)
{
	float v;
	int rc = nn_parse_float(s, strlen(s), &v);

	if (rc == NN_PARSE_RANGE)
		nn_usage_msg(usage, "%s '%s' is out of float32 range", what,
		    s);
	if (rc != NN_PARSE_OK || v != v || v - v != 0)
		nn_usage_msg(usage, "%s '%s' is not a finite number", what, s);
	return v;
}

/* the whole word as a double in [min, max] (as Python reads a float) */
double
nn_arg_double(const char *usage, const char *what, const char *s,
    double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (*s == '\0' || isspace((unsigned char)*s) || *end != '\0' ||
	    v != v)
		nn_usage_msg(usage, "%s '%s' is not a number", what, s);
	if (errno == ERANGE || v < min || v > max)
		nn_usage_msg(usage, "%s '%s' is out of range [%g, %g]", what, s,
		    min, max);
	return v;
}

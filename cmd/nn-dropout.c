/* nn-dropout: zero a rate of the values, scale the rest by 1 / (1 - rate) */
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

static const char usage[] = "nn-dropout -r rate [-s seed] [-j skip] "
    "[-k draws] -m maskfile\n"
    "       nn-dropout -b maskfile [-r rate]";
static const char options[] =
    "  -r rate      the rate of values zeroed, 0 <= rate < 1\n"
    "  -s seed      seed of numpy's random stream (default 0)\n"
    "  -j skip      skip this many normals of the stream first\n"
    "  -k draws     then skip this many binomial draws\n"
    "  -m maskfile  write the 0/1 mask drawn, the rate on its first line\n"
    "  -b maskfile  backward: read dY on stdin and write dY * mask / (1 - "
    "rate)\n";

/* the rate of a mask file, or of -r, which must agree with the file's */
static double
mask_rate(const char *bfile, const char *rarg, double rate)
{
	char a[64], b[64];
	double frate;

	switch (nn_dropout_mask_rate(bfile, &frate)) {
	case -1:
		if (rarg == NULL)
			nn_die("%s: not a file, its rate cannot be read first: "
			    "give -r rate", bfile);
		return rate;
	case 0:
		if (rarg == NULL)
			nn_die("%s: no '# nn-dropout rate' line: give -r rate",
			    bfile);
		return rate;
	}
	if (rarg != NULL && frate != rate) {
		nn_fmt_repr(frate, a);
		nn_fmt_repr(rate, b);
		nn_die_at(bfile, 1, 0, "the mask was drawn at rate %s, not %s",
		    a, b);
	}
	return frate;
}

int
main(int argc, char *argv[])
{
	struct nn_rng rng;
	const char *bfile = NULL, *mfile = NULL, *rarg = NULL;
	unsigned long seed = 0;
	long skip = 0, draws = 0, i;
	double rate = 0.0;
	int c, fwdopt = 0;

	nn_setprog(argv[0]);
	nn_help(argc, argv, usage, options);
	while ((c = getopt(argc, argv, "b:j:k:m:r:s:")) != -1) {
		switch (c) {
		case 'b':
			bfile = optarg;
			break;
		case 'j':
			skip = nn_arg_long(usage, "skip", optarg, 0, LONG_MAX);
			fwdopt = 1;
			break;
		case 'k':
			draws = nn_arg_long(usage, "draws", optarg, 0,
			    LONG_MAX);
			fwdopt = 1;
			break;
		case 'm':
			mfile = optarg;
			fwdopt = 1;
			break;
		case 'r':
			rarg = optarg;
			if (!nn_dropout_rate_parse(optarg, &rate))
				nn_usage_msg(usage, "rate '%s' is not a number "
				    "in [0, 1)", optarg);
			break;
		case 's':
			seed = nn_arg_seed(usage, optarg);
			fwdopt = 1;
			break;
		default:
			nn_usage(usage);
		}
	}
	if (optind != argc || (bfile != NULL && fwdopt))
		nn_usage(usage);
	if (bfile != NULL) {
		if (strcmp(bfile, "-") == 0)
			nn_usage_msg(usage, "maskfile must be a file: stdin is dY");
		nn_dropout_backward_stream(bfile, mask_rate(bfile, rarg, rate));
		return NN_EXIT_OK;
	}
	if (rarg == NULL || mfile == NULL)
		nn_usage_msg(usage, "forward needs -r rate and -m maskfile");
	if (strcmp(mfile, "-") == 0)
		nn_usage_msg(usage, "maskfile must be a file: stdout is Y");
	nn_rng_seed(&rng, (uint32_t)seed);
	nn_rng_skip_normals(&rng, (unsigned long)skip);
	for (i = 0; i < draws; i++)
		nn_rng_binomial1(&rng, 1.0 - rate);
	nn_dropout_stream(&rng, rate, mfile);
	return NN_EXIT_OK;
}

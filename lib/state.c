/* state.c: an optimizer's state file, "# nn-optim ALGO step N" and moments */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* FNV-1a, 64 bits, over n and the bits of v[0..n), little-endian */
uint64_t
nn_state_fingerprint(const float *v, size_t n)
{
	uint64_t h = 14695981039346656037ULL, x = n;
	uint32_t b;
	size_t i;
	int k;

	for (k = 0; k < 8; k++)
		h = (h ^ ((x >> (8 * k)) & 0xff)) * 1099511628211ULL;
	for (i = 0; i < n; i++) {
		memcpy(&b, v + i, sizeof(b));
		for (k = 0; k < 4; k++)
			h = (h ^ ((b >> (8 * k)) & 0xff)) * 1099511628211ULL;
	}
	return h;
}

/* a word of decimal digits, or -1 */
static int
number(const char *s, unsigned long *v)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*v = strtoul(s, &end, 10);
	return errno == 0 && *end == '\0' ? 0 : -1;
}

/* a word of 16 hex digits, or -1 */
static int
hex64(const char *s, uint64_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 16; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		*v = *v << 4 | (uint64_t)(isdigit((unsigned char)s[i]) ?
		    s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10);
	}
	return s[16] == '\0' ? 0 : -1;
}

/*
 * "# nn-optim ALGO step N [params HASH prev HASH]": the algorithm, the
 * finished steps and the fingerprints of the params after and before the
 * last step (*have = 0 when they are left out). 0 ok, -1 not a header.
 */
static int
header(char *line, char *name, size_t cap, unsigned long *step, int *have,
    uint64_t *after, uint64_t *before)
{
	char *w[10], *save = NULL, *tok;
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	for (tok = strtok_r(line, " \t", &save); tok != NULL && n < 10;
	    tok = strtok_r(NULL, " \t", &save))
		w[n++] = tok;
	if (n != 5 && n != 9)
		return -1;
	if (strcmp(w[0], "#") != 0 || strcmp(w[1], "nn-optim") != 0 ||
	    strlen(w[2]) >= cap || strcmp(w[3], "step") != 0 ||
	    number(w[4], step) < 0)
		return -1;
	strcpy(name, w[2]);
	*have = n == 9;
	if (n == 9 && (strcmp(w[5], "params") != 0 || hex64(w[6], after) < 0 ||
	    strcmp(w[7], "prev") != 0 || hex64(w[8], before) < 0))
		return -1;
	return 0;
}

/*
 * The file is a text tensor whose first line, a comment, names the
 * algorithm, the finished steps and the fingerprints of the params after
 * and before the last step; then one rows x cols block per state array
 * (momentums, then caches), blocks separated by a blank line.
 * 1: loaded; 0: the file does not exist (a fresh start, the arrays zero).
 * params (rows x cols, from ppath) must be the ones the last step wrote.
 */
int
nn_state_load(const char *path, struct nn_optim *o, const char *ppath,
    const float *params, size_t rows, size_t cols, float *s0, float *s1)
{
	struct nn_tensor t;
	char line[256], name[32];
	unsigned long step;
	uint64_t after = 0, before = 0, fp;
	size_t n = nn_mul(rows, cols), got;
	int ns = nn_optim_nstate(o), have, fits;
	FILE *f;

	memset(s0, 0, n * sizeof(float));
	memset(s1, 0, n * sizeof(float));
	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		nn_die_errno("%s", path);
	}
	if (fgets(line, sizeof(line), f) == NULL) {
		if (ferror(f))
			nn_die_errno("%s", path);
		line[0] = '\0';
	}
	if (header(line, name, sizeof(name), &step, &have, &after,
	    &before) < 0) {
		fclose(f);
		nn_die_at(path, 1, 0, "not an nn-optim state file");
	}
	fclose(f);
	if (strcmp(name, nn_optim_name(o->algo)) != 0)
		nn_die("%s: state of %s, not %s", path, name,
		    nn_optim_name(o->algo));
	if (step == (unsigned long)-1)
		nn_die("%s: step count %lu is at its limit", path, step);
	nn_tensor_read(&t, path);
	got = nn_tensor_size(&t);
	/* ns blocks of rows x cols; one row reads back as a vector */
	fits = got == nn_mul((size_t)ns, n) && (ns == 0 ||
	    (ns == 1 && t.ndim == 2 && t.dims[0] == rows) ||
	    (ns == 1 && t.ndim == 1 && rows == 1) ||
	    (ns == 2 && t.ndim == 3 && t.dims[0] == 2 && t.dims[1] == rows));
	if (!fits)
		nn_die("%s: state does not fit %s%s on params of shape "
		    "(%zu, %zu)", path, nn_optim_name(o->algo),
		    o->algo == NN_SGD && ns == 1 ? " with momentum" : "",
		    rows, cols);
	fp = nn_state_fingerprint(params, n);
	if (have && fp != after && fp == before)
		nn_die("%s: params predate step %lu of %s: the step was cut "
		    "off", ppath, step, path);
	if (have && fp != after)
		nn_die("%s: params are not the ones step %lu of %s wrote",
		    ppath, step, path);
	if (ns >= 1)
		memcpy(s0, t.v, n * sizeof(float));
	if (ns == 2)
		memcpy(s1, t.v + n, n * sizeof(float));
	nn_tensor_free(&t);
	o->step = step;
	return 1;
}

/*
 * Write the state atomically, with the fingerprints of the params this
 * step wrote (params) and of the ones it read (prev).
 */
void
nn_state_save(const char *path, const struct nn_optim *o, uint64_t prev,
    const float *params, size_t rows, size_t cols, const float *s0,
    const float *s1)
{
	struct nn_writer w;
	int ns = nn_optim_nstate(o);
	size_t i;

	nn_writer_open(&w, path);
	if (fprintf(w.fp, "# nn-optim %s step %lu params %016" PRIx64
	    " prev %016" PRIx64 "\n", nn_optim_name(o->algo), o->step,
	    nn_state_fingerprint(params, nn_mul(rows, cols)), prev) < 0)
		nn_die_errno("%s", path);
	for (i = 0; ns >= 1 && i < rows; i++)
		nn_write_row(&w, s0 + i * cols, cols);
	if (ns == 2)
		nn_write_blank(&w, 1);
	for (i = 0; ns == 2 && i < rows; i++)
		nn_write_row(&w, s1 + i * cols, cols);
	nn_writer_close(&w);
}

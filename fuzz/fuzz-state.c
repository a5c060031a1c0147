/*
 * fuzz-state.c: the optimizer's state file (nn_state_load).  The first
 * input byte picks the optimizer and the params' shape; the rest is the
 * file, with each "@P" replaced by the params' fingerprint in hex, so that
 * the fuzzer gets past the fingerprint checks.  A loaded state is saved
 * (nn_state_save) and must load back the same.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nn.h"
#include "fuzz.h"

#define MAXP 16

struct job {
	struct nn_optim o;
	size_t rows, cols;
	float p[MAXP], s0[MAXP], s1[MAXP], t0[MAXP], t1[MAXP];
	int loaded;
	unsigned long step;
};

static char text[1 << 20];

static void
load(void *arg)
{
	struct job *j = arg;

	j->loaded = nn_state_load(fuzz_path("state"), &j->o, "params", j->p,
	    j->rows, j->cols, j->s0, j->s1);
}

static void
again(void *arg)
{
	struct job *j = arg;
	struct nn_optim o = j->o;

	nn_state_save(fuzz_path("saved"), &j->o,
	    nn_state_fingerprint(j->p, j->rows * j->cols), j->p, j->rows,
	    j->cols, j->s0, j->s1);
	o.step = 0;
	if (!nn_state_load(fuzz_path("saved"), &o, "params", j->p, j->rows,
	    j->cols, j->t0, j->t1))
		fuzz_fail("the saved state is not there");
	j->step = o.step;
}

static int
same(const float *a, const float *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (isnan(a[i]) ? !isnan(b[i]) :
		    memcmp(&a[i], &b[i], sizeof(float)) != 0)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char name[512];
	const char *names[] = { name, "params", NULL };
	struct job j;
	char fp[17];
	size_t i, n = 0;

	if (size < 1 || size > sizeof(text) / 8)
		return 0;
	memset(&j, 0, sizeof(j));
	nn_optim_defaults(&j.o, data[0] & 3);
	if (j.o.algo == NN_SGD && (data[0] & 0x40))
		j.o.momentum = 0.5;
	j.rows = 1 + (data[0] >> 2 & 3);
	j.cols = 1 + (data[0] >> 4 & 3);
	for (i = 0; i < j.rows * j.cols; i++)
		j.p[i] = 0.25f * (float)(i + 1);
	snprintf(fp, sizeof(fp), "%016" PRIx64,
	    nn_state_fingerprint(j.p, j.rows * j.cols));
	for (i = 1; i < size; i++) {
		if (data[i] == '@' && i + 1 < size && data[i + 1] == 'P') {
			memcpy(text + n, fp, 16);
			n += 16;
			i++;
		} else {
			text[n++] = (char)data[i];
		}
	}
	snprintf(name, sizeof(name), "%s", fuzz_path("state"));
	fuzz_put(name, text, n);
	if (fuzz_run(load, &j, names) != 0 || !j.loaded)
		return 0;
	if (fuzz_run(again, &j, NULL) != 0)
		fuzz_fail("a loaded state does not save and load: %s",
		    fuzz_message());
	if (j.step != j.o.step || !same(j.s0, j.t0, j.rows * j.cols) ||
	    !same(j.s1, j.t1, j.rows * j.cols))
		fuzz_fail("the state changes when saved and loaded");
	return 0;
}

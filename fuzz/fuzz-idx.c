/*
 * fuzz-idx.c: the IDX reader (nn-idx's MNIST files) on any bytes: every
 * item read, as nn-idx reads them; an error is one line naming the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"
#include "fuzz.h"

static struct nn_idx x;

static void
read_all(void *arg)
{
	float *v;

	(void)arg;
	nn_idx_open(&x, fuzz_path("in"));
	if (x.dims[0] == 0) {	/* no items: no item to hold */
		nn_idx_read(&x, NULL);
		nn_idx_close(&x);
		return;
	}
	v = nn_malloc(nn_mul(x.count, sizeof(float)));
	while (nn_idx_read(&x, v))
		nn_idx_scale(v, x.count);
	nn_fuzz_free(v);	/* nn_malloc's block, tracked */
	nn_idx_close(&x);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char name[512];
	const char *names[] = { name, NULL };

	snprintf(name, sizeof(name), "%s", fuzz_path("in"));
	fuzz_put(name, data, size);
	if (fuzz_run(read_all, NULL, names) != 0 && x.fp != NULL) {
		fclose(x.fp);	/* its descriptor is gone: frees it */
		x.fp = NULL;
	}
	return 0;
}

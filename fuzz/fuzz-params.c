/*
 * fuzz-params.c: a params file read whole (nn_tensor_read), checked as
 * nn-dense checks it, saved atomically (nn_save_matrix) and read back the
 * same, bit for bit.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nn.h"
#include "fuzz.h"

struct job {
	int matrix;		/* the tensor is a params matrix */
	int same;		/* it read back the same */
	char shape[256];
};

static void
roundtrip(void *arg)
{
	struct job *j = arg;
	struct nn_tensor t, u;
	size_t n, i;

	nn_tensor_read(&t, fuzz_path("params"));
	n = nn_tensor_size(&t);
	nn_shape_fmt(t.ndim, t.dims, j->shape, sizeof(j->shape));
	j->matrix = t.ndim == 2 && t.dims[0] >= 2 && t.dims[1] >= 1;
	if (!j->matrix) {
		nn_tensor_free(&t);
		return;
	}
	nn_save_matrix(fuzz_path("saved"), t.v, t.dims[0], t.dims[1]);
	nn_tensor_read(&u, fuzz_path("saved"));
	j->same = u.ndim == 2 && u.dims[0] == t.dims[0] &&
	    u.dims[1] == t.dims[1];
	for (i = 0; j->same && i < n; i++)
		j->same = isnan(t.v[i]) ? isnan(u.v[i]) :
		    memcmp(&t.v[i], &u.v[i], sizeof(float)) == 0;
	nn_tensor_free(&t);
	nn_tensor_free(&u);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char name[512];
	const char *names[] = { name, NULL };
	struct job j = { 0 };

	snprintf(name, sizeof(name), "%s", fuzz_path("params"));
	fuzz_put(name, data, size);
	if (fuzz_run(roundtrip, &j, names) != 0)
		return 0;
	if (j.matrix && !j.same)
		fuzz_fail("params of shape %s change when saved", j.shape);
	return 0;
}

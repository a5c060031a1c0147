/* stream.c: the loop of a row-wise command */
#include <stdlib.h>

#include "nn.h"

/* y = f(x) for each row of the tensor in path, blocks kept, to stdout */
void
nn_map_rows(const char *path, void (*f)(const float *, size_t, float *))
{
	struct nn_reader *r = nn_reader_open(path);
	struct nn_writer w;
	const float *x;
	float *y = NULL;
	size_t n, cap = 0;
	int sep;

	nn_writer_stdout(&w);
	while (nn_read_row(r, &x, &n, &sep)) {
		if (n > cap) {
			cap = n;
			y = nn_realloc(y, nn_mul(cap, sizeof(float)));
		}
		f(x, n, y);
		nn_write_blank(&w, sep);
		nn_write_row(&w, y, n);
	}
	nn_writer_close(&w);
	nn_reader_close(r);
	free(y);
}

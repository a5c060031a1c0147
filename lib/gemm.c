/* gemm.c: matrix products summed in double in k order, rounded by callers */
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define ROWBLOCK 128		/* rows of A transposed at a time */

static double *scratch;		/* A's rows transposed, for thin products */
static size_t scratch_len;

static double *
get_scratch(size_t n)
{
	if (n > scratch_len) {
		free(scratch);
		scratch = nn_malloc(nn_mul(n, sizeof(double)));
		scratch_len = n;
	}
	return scratch;
}

#define JB 8			/* columns summed in registers at a time */

/* c[0..n) = sum_p a[p] b[p][0..n), p in order, JB columns at a time */
static void
row_times(const float *a, const double *b, size_t k, size_t n,
    double *restrict c)
{
	size_t j0, j, p, w;
	double x, s[JB];
	const double *bp;

	for (j0 = 0; j0 < n; j0 += JB) {
		w = n - j0 < JB ? n - j0 : JB;
		for (j = 0; j < JB; j++)
			s[j] = 0.0;
		if (w == JB) {
			for (p = 0; p < k; p++) {
				x = a[p];
				bp = b + p * n + j0;
				for (j = 0; j < JB; j++)
					s[j] += x * bp[j];
			}
		} else {
			for (p = 0; p < k; p++) {
				x = a[p];
				bp = b + p * n + j0;
				for (j = 0; j < w; j++)
					s[j] += x * bp[j];
			}
		}
		for (j = 0; j < w; j++)
			c[j0 + j] = s[j];
	}
}

/*
 * C = A . B: A float m x k, B double k x n, C double m x n; each c[i][j] is
 * sum_p a[i][p] b[p][j] accumulated from 0 in p order, so the result is
 * numpy's (reference BLAS) whatever the loop nest.  Wide products keep
 * JB columns in registers; thin ones (few columns, many rows) eight rows.
 */
void
nn_gemm(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *c)
{
	size_t i0, i, j, p;
	double x;

	if (n >= 8 || m < 8 || k == 0) {
		for (i = 0; i < m; i++)
			row_times(a + i * k, b, k, n, c + i * n);
		return;
	}
	/* eight rows at a time: eight independent sums in flight */
	for (i0 = 0; i0 + 8 <= m; i0 += 8) {
		const float *a0 = a + i0 * k;

		for (j = 0; j < n; j++) {
			double s[8] = { 0 };

			for (p = 0; p < k; p++) {
				x = b[p * n + j];
				for (i = 0; i < 8; i++)
					s[i] += (double)a0[i * k + p] * x;
			}
			for (i = 0; i < 8; i++)
				c[(i0 + i) * n + j] = s[i];
		}
	}
	for (i = i0; i < m; i++)
		row_times(a + i * k, b, k, n, c + i * n);
}

/*
 * G = X^T . D: X float rows x k, D float rows x n, G double k x n; each
 * g[p][j] is sum_r x[r][p] d[r][j] from 0 in r order (numpy's
 * np.dot(inputs.T, dvalues)).  Runs across the wider of p and j.
 */
void
nn_gemm_tn(const float *x, const float *d, size_t rows, size_t k, size_t n,
    double *g)
{
	size_t r, p, j;
	double v;
	double *gt, *gp;
	const float *xr, *dr;

	if (n >= k) {
		memset(g, 0, k * n * sizeof(double));
		for (r = 0; r < rows; r++) {
			xr = x + r * k;
			dr = d + r * n;
			for (p = 0; p < k; p++) {
				v = xr[p];
				gp = g + p * n;
				for (j = 0; j < n; j++)
					gp[j] += v * (double)dr[j];
			}
		}
		return;
	}
	gt = get_scratch(k * n);
	memset(gt, 0, k * n * sizeof(double));
	for (r = 0; r < rows; r++) {
		xr = x + r * k;
		dr = d + r * n;
		for (j = 0; j < n; j++) {
			v = dr[j];
			gp = gt + j * k;
			for (p = 0; p < k; p++)
				gp[p] += (double)xr[p] * v;
		}
	}
	for (p = 0; p < k; p++)
		for (j = 0; j < n; j++)
			g[p * n + j] = gt[j * k + p];
}

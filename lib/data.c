/* data.c: the nnfs data sets, as nnfs.datasets makes them under nnfs.init() */
#include <math.h>

#include "nn.h"

/* np.linspace(start, stop, num)[i]: i * step + start, the last exactly stop */
static double
linspace(double start, double stop, size_t num, size_t i)
{
	double step;

	if (num == 1)
		return start;
	if (i == num - 1)
		return stop;
	step = (stop - start) / (double)(num - 1);
	return (double)i * step + start;
}

/*
 * Point i of class c of spiral_data(samples, classes): r = linspace(0, 1),
 * t = linspace(4c, 4c + 4) + fl32(randn) * 0.2f, xy = fl32(r sin 2.5t,
 * r cos 2.5t). Points are drawn in order, one normal each.
 */
void
nn_spiral_point(struct nn_rng *r, size_t samples, int c, size_t i, float *xy)
{
	float noise = (float)nn_rng_normal(r) * 0.2f;
	double rad = linspace(0.0, 1.0, samples, i);
	double t = linspace(4.0 * c, 4.0 * (c + 1), samples, i) +
	    (double)noise;

	xy[0] = (float)(rad * sin(t * 2.5));
	xy[1] = (float)(rad * cos(t * 2.5));
}

/*
 * Class c of vertical_data(samples, classes) draws randn(samples) for x,
 * then randn(samples) for y. Start the class: *xs takes the stream where
 * the x normals begin and r skips ahead to the y normals, so the points
 * come out in order without a buffer (r ends after the class).
 */
void
nn_vertical_class(struct nn_rng *r, size_t samples, struct nn_rng *xs)
{
	*xs = *r;
	nn_rng_skip_normals(r, samples);
}

/* next point of class c: x = g * 0.1f + fl32(c / 3), y = g' * 0.1f + 0.5f */
void
nn_vertical_point(struct nn_rng *xs, struct nn_rng *r, int c, float *xy)
{
	xy[0] = (float)nn_rng_normal(xs) * 0.1f + (float)(c / 3.0);
	xy[1] = (float)nn_rng_normal(r) * 0.1f + 0.5f;
}

/* point i of sine_data(samples): x = i / samples, y = sin(2 pi x), double */
void
nn_sine_point(size_t samples, size_t i, double *xy)
{
	xy[0] = (double)i / (double)samples;
	xy[1] = sin(2.0 * 3.141592653589793 * xy[0]);
}

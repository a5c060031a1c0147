/* plot.c: SVG pictures: the page, axes with ticks, regions, points, legend,
 * training curves */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define LEFT 50		/* margins around the plot area, in pixels */
#define RIGHT 100
#define TOP 40
#define BOTTOM 40
#define ENTRY 20	/* the height of a legend entry */
#define NAME 16		/* more left margin for a y axis name */
#define GAP 40		/* between the panels of a training curve */
#define LOGBOTTOM 50	/* the bottom margin with the x axis name */

/* Okabe and Ito's colour-blind-safe palette, black last */
static const unsigned char palette[][3] = {
	{ 0x00, 0x72, 0xb2 },	/* blue */
	{ 0xe6, 0x9f, 0x00 },	/* orange */
	{ 0x00, 0x9e, 0x73 },	/* bluish green */
	{ 0xd5, 0x5e, 0x00 },	/* vermillion */
	{ 0xcc, 0x79, 0xa7 },	/* reddish purple */
	{ 0x56, 0xb4, 0xe9 },	/* sky blue */
	{ 0xf0, 0xe4, 0x42 },	/* yellow */
	{ 0x00, 0x00, 0x00 },	/* black */
};
#define NCOLOURS (sizeof(palette) / sizeof(palette[0]))

/* "#rrggbb" of colour k; light: 70% of the way to white, for regions */
static const char *
colour(size_t k, int light, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *c = palette[k % NCOLOURS];
	int i, v;

	buf[0] = '#';
	for (i = 0; i < 3; i++) {
		v = light ? c[i] + (255 - c[i]) * 7 / 10 : c[i];
		buf[1 + 2 * i] = hex[v >> 4 & 15];
		buf[2 + 2 * i] = hex[v & 15];
	}
	buf[7] = '\0';
	return buf;
}

/* fprintf to the picture's stream; a write error ends the program */
static void
out(struct nn_plot *p, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfprintf(p->w->fp, fmt, ap);
	va_end(ap);
	if (rc < 0) {
		if (errno == EPIPE)
			nn_exit(NN_EXIT_DATA);
		nn_die_errno("%s", p->w->name);
	}
}

/* s as XML character data */
static void
out_text(struct nn_plot *p, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			out(p, "&amp;");
			break;
		case '<':
			out(p, "&lt;");
			break;
		case '>':
			out(p, "&gt;");
			break;
		default:
			out(p, "%c", *s);
			break;
		}
	}
}

/* 1 if s is UTF-8 that XML 1.0 can hold: no controls but tab, no U+FFFE */
int
nn_plot_text_ok(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c;
	int len, i;

	while (*u != '\0') {
		if (*u < 0x80) {
			if (*u < 0x20 && *u != '\t')
				return 0;
			u++;
			continue;
		}
		if (*u >= 0xc2 && *u <= 0xdf)
			len = 2, c = *u & 0x1f;
		else if (*u >= 0xe0 && *u <= 0xef)
			len = 3, c = *u & 0x0f;
		else if (*u >= 0xf0 && *u <= 0xf4)
			len = 4, c = *u & 0x07;
		else
			return 0;
		for (i = 1; i < len; i++) {
			if ((u[i] & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (u[i] & 0x3f);
		}
		if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
		    c == 0xfffe || c == 0xffff)
			return 0;
		u += len;
	}
	return 1;
}

/* lo..hi widened by 5% each side, or by 10% of |lo| (1 at 0) if empty */
void
nn_plot_pad(double *lo, double *hi)
{
	double d = *hi - *lo;

	if (d > 0) {
		*lo -= 0.05 * d;
		*hi += 0.05 * d;
		return;
	}
	d = *lo != 0 ? 0.1 * fabs(*lo) : 1;
	*lo -= d;
	*hi += d;
}

/* pixel x of data x, pixel y of data y */
double
nn_plot_px(const struct nn_plot *p, double x)
{
	return p->left + (x - p->x0) / (p->x1 - p->x0) * p->pw;
}

double
nn_plot_py(const struct nn_plot *p, double y)
{
	return p->top + (p->y1 - y) / (p->y1 - p->y0) * p->ph;
}

/* the header, white page and title; the caller set w, size and ranges */
void
nn_plot_begin(struct nn_plot *p, const char *title)
{
	p->left = LEFT;
	p->top = TOP;
	p->pw = (double)(p->width - LEFT - RIGHT);
	p->ph = (double)(p->height - TOP - BOTTOM);
	out(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	out(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%ld\" height=\"%ld\" viewBox=\"0 0 %ld %ld\" "
	    "font-family=\"sans-serif\" font-size=\"12\">\n", p->width,
	    p->height, p->width, p->height);
	if (title != NULL) {
		out(p, "<title>");
		out_text(p, title);
		out(p, "</title>\n");
	}
	out(p, "<rect width=\"%ld\" height=\"%ld\" fill=\"#ffffff\"/>\n",
	    p->width, p->height);
	if (title != NULL) {
		out(p, "<text x=\"%.2f\" y=\"26\" font-size=\"16\" "
		    "text-anchor=\"middle\">", p->left + p->pw / 2);
		out_text(p, title);
		out(p, "</text>\n");
	}
}

/* edge i of n equal cells over [a, a + len], rounded to the printed 0.01 */
static double
edge(double a, double len, size_t i, size_t n)
{
	return round((a + len * (double)i / (double)n) * 100) / 100;
}

/* g by g cells from the top left, each the light colour of its class;
 * a run of equal cells in a row is one rect */
void
nn_plot_regions(struct nn_plot *p, const uint32_t *cls, size_t g)
{
	const uint32_t *row;
	size_t i, j, k;
	double y, h, x;
	char c[8];

	out(p, "<g id=\"regions\" shape-rendering=\"crispEdges\">\n");
	for (j = 0; j < g; j++) {
		row = cls + j * g;
		y = edge(p->top, p->ph, j, g);
		h = edge(p->top, p->ph, j + 1, g) - y;
		for (i = 0; i < g; i = k) {
			for (k = i + 1; k < g && row[k] == row[i]; k++)
				;
			x = edge(p->left, p->pw, i, g);
			out(p, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
			    "height=\"%.2f\" fill=\"%s\"/>\n", x, y,
			    edge(p->left, p->pw, k, g) - x, h,
			    colour(row[i], 1, c));
		}
	}
	out(p, "</g>\n");
}

/* a step of 1, 2 or 5 times a power of ten: a tick about every px pixels,
 * at least 2 steps on the axis unless they come closer than 25 */
static double
tick_step(double lo, double hi, double len, double px)
{
	double raw = (hi - lo) / fmax(len / px, fmin(2, fmax(len / 25, 1)));
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;

	return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/* the label of tick value v on a step: as many decimals as the step has,
 * or %g on an axis of large or tiny numbers */
static void
tick_label(double v, double step, int sci, char *buf, size_t cap)
{
	int dec = (int)-floor(log10(step) + 1e-9);

	if (sci)
		snprintf(buf, cap, "%g", v);
	else
		snprintf(buf, cap, "%.*f", dec > 0 ? dec : 0, v);
}

/* the ticks of one axis, about every px pixels, on a step of at least
 * min: marks into the path, labels as text */
static void
ticks(struct nn_plot *p, int yaxis, double px, double min)
{
	double lo = yaxis ? p->y0 : p->x0, hi = yaxis ? p->y1 : p->x1;
	double step = fmax(tick_step(lo, hi, yaxis ? p->ph : p->pw, px), min);
	double k, v, at;
	char label[64];
	int n, sci = fmax(fabs(lo), fabs(hi)) >= 1e6 || step < 1e-4;

	for (k = ceil(lo / step), n = 0; k * step <= hi && n < 50; k++, n++) {
		v = k * step + 0.0;	/* + 0.0: no -0 */
		tick_label(v, step, sci, label, sizeof(label));
		if (yaxis) {
			at = nn_plot_py(p, v);
			out(p, "<path d=\"M%.2f %.2fh5\"/>\n", p->left - 5, at);
			out(p, "<text x=\"%.2f\" y=\"%.2f\" stroke=\"none\" "
			    "fill=\"#000000\" text-anchor=\"end\">%s</text>\n",
			    p->left - 8, at + 4, label);
		} else {
			at = nn_plot_px(p, v);
			out(p, "<path d=\"M%.2f %.2fv5\"/>\n", at,
			    p->top + p->ph);
			out(p, "<text x=\"%.2f\" y=\"%.2f\" stroke=\"none\" "
			    "fill=\"#000000\" text-anchor=\"middle\">%s"
			    "</text>\n", at, p->top + p->ph + 19, label);
		}
	}
}

/* the frame of the plot area and the ticks of both axes, as a group
 * with the attributes attr */
static void
axes(struct nn_plot *p, const char *attr, double px, double xmin)
{
	out(p, "<g%s fill=\"none\" stroke=\"#000000\">\n", attr);
	out(p, "<path d=\"M%.2f %.2fH%.2fV%.2fH%.2fZ\"/>\n", p->left, p->top,
	    p->left + p->pw, p->top + p->ph, p->left);
	ticks(p, 0, 100, xmin);
	ticks(p, 1, px, 0);
	out(p, "</g>\n");
}

void
nn_plot_axes(struct nn_plot *p)
{
	axes(p, " id=\"axes\"", 100, 0);
}

/* n points, each a circle in the colour of its class */
void
nn_plot_points(struct nn_plot *p, const float *x, const float *y,
    const uint32_t *cls, size_t n)
{
	size_t i;
	char c[8];

	out(p, "<g id=\"points\" stroke=\"#333333\" stroke-width=\"0.5\">\n");
	for (i = 0; i < n; i++) {
		if (i == 0 || cls[i] != cls[i - 1])
			out(p, "%s<g fill=\"%s\">\n", i ? "</g>\n" : "",
			    colour(cls[i], 0, c));
		out(p, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\"/>\n",
		    nn_plot_px(p, x[i]), nn_plot_py(p, y[i]));
	}
	out(p, "</g>\n</g>\n");
}

/* curve k's line: the first (the data) wide, later ones narrow on top */
static double
line_width(size_t k)
{
	return k == 0 ? 3.5 : 1.5;
}

/* a line through n points (x, y) in colour k, width wd, dashed or not */
static void
polyline(struct nn_plot *p, const float *x, const float *y, size_t n,
    size_t k, double wd, int dashed)
{
	size_t i;
	char c[8];

	out(p, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
	    "%sstroke-linejoin=\"round\" points=\"", colour(k, 0, c), wd,
	    dashed ? "stroke-dasharray=\"4 3\" " : "");
	for (i = 0; i < n; i++)
		out(p, "%s%.2f,%.2f", i == 0 ? "" : i % 8 ? " " : "\n",
		    nn_plot_px(p, x[i]), nn_plot_py(p, y[i]));
	out(p, "\"/>\n");
}

/* a line through n points (x, y) in colour k */
void
nn_plot_curve(struct nn_plot *p, const float *x, const float *y, size_t n,
    size_t k)
{
	polyline(p, x, y, n, k, line_width(k), 0);
}

/* the legend right of the plot area: n entries, each the square of class
 * cls[i] (names NULL) or a named line; what does not fit ends in "..." */
void
nn_plot_legend(struct nn_plot *p, const char *const *names,
    const uint32_t *cls, size_t n)
{
	double x = p->left + p->pw + 16, y;
	size_t fit = (size_t)((p->ph - 8) / ENTRY), i;
	char c[8];

	out(p, "<g id=\"legend\">\n");
	for (i = 0; i < n; i++) {
		y = p->top + 4 + (double)i * ENTRY;
		if (i + 1 == fit && n > fit) {
			out(p, "<text x=\"%.2f\" y=\"%.2f\">...</text>\n", x,
			    y + 10);
			break;
		}
		colour(names == NULL ? cls[i] : i, 0, c);
		if (names == NULL)
			out(p, "<rect x=\"%.2f\" y=\"%.2f\" width=\"12\" "
			    "height=\"12\" fill=\"%s\" stroke=\"#333333\" "
			    "stroke-width=\"0.5\"/>\n<text x=\"%.2f\" "
			    "y=\"%.2f\">class %lu</text>\n", x, y, c, x + 18,
			    y + 10, (unsigned long)cls[i]);
		else
			out(p, "<path d=\"M%.2f %.2fh14\" stroke=\"%s\" "
			    "stroke-width=\"%.1f\"/>\n<text x=\"%.2f\" "
			    "y=\"%.2f\">%s</text>\n", x - 1, y + 6, c,
			    line_width(i), x + 18, y + 10, names[i]);
	}
	out(p, "</g>\n");
}

void
nn_plot_end(struct nn_plot *p)
{
	out(p, "</svg>\n");
}

/* the training curve's colours: Okabe and Ito's blue and orange */
enum { TRAINING = 0, VALIDATION = 1 };

/* a diamond of colour k centred on pixel (x, y) */
static void
diamond(struct nn_plot *p, double x, double y, size_t k)
{
	char c[8];

	out(p, "<path d=\"M%.2f %.2fl6 6l-6 6l-6 -6Z\" fill=\"%s\" "
	    "stroke=\"#333333\"/>\n", x, y - 6, colour(k, 0, c));
}

/* the smallest and largest of lo, hi and v[0..n) */
static void
fspan(const float *v, size_t n, double *lo, double *hi)
{
	size_t i;

	for (i = 0; i < n; i++) {
		*lo = fmin(*lo, v[i]);
		*hi = fmax(*hi, v[i]);
	}
}

/* one panel of a training curve, named for its y: the training line (and
 * the data loss dashed) against epoch, the validation value a diamond */
static void
panel(struct nn_plot *p, const char *name, const struct nn_plot_log *log,
    const float *y, const float *dashed, float val)
{
	double x = p->left - 44, at = p->top + p->ph / 2;
	char c[8];

	out(p, "<g id=\"%s\">\n", name);
	axes(p, "", 50, 1);
	out(p, "<text x=\"%.2f\" y=\"%.2f\" transform=\"rotate(-90 %.2f "
	    "%.2f)\" text-anchor=\"middle\">%s</text>\n", x, at, x, at, name);
	if (dashed != NULL)
		polyline(p, log->epoch, dashed, log->n, TRAINING, 1.5, 1);
	polyline(p, log->epoch, y, log->n, TRAINING, 2, 0);
	if (log->n == 1)
		out(p, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" "
		    "fill=\"%s\"/>\n", nn_plot_px(p, log->epoch[0]), nn_plot_py(p, y[0]),
		    colour(TRAINING, 0, c));
	if (log->val)
		diamond(p, nn_plot_px(p, log->val_epoch), nn_plot_py(p, val),
		    VALIDATION);
}

/* a legend entry: a line, dashed or not, or a diamond */
static void
key(struct nn_plot *p, size_t i, const char *name, int dashed, int mark)
{
	double x = p->left + p->pw + 16, y = p->top + 4 + (double)i * ENTRY;
	char c[8];

	if (mark)
		diamond(p, x + 6, y + 6, VALIDATION);
	else
		out(p, "<path d=\"M%.2f %.2fh14\" stroke=\"%s\" "
		    "stroke-width=\"%.1f\"%s/>\n", x - 1, y + 6,
		    colour(TRAINING, 0, c), dashed ? 1.5 : 2,
		    dashed ? " stroke-dasharray=\"4 3\"" : "");
	out(p, "<text x=\"%.2f\" y=\"%.2f\">%s</text>\n", x + 18, y + 10,
	    name);
}

/* a training curve: loss over accuracy, two panels on one epoch axis,
 * between begin and end; the legend right of the loss */
void
nn_plot_training(struct nn_plot *p, const struct nn_plot_log *log)
{
	double lo = 0, hi = 0, h;
	size_t k = 0;

	p->left = LEFT + NAME;
	p->pw = (double)p->width - p->left - RIGHT;
	h = ((double)p->height - TOP - LOGBOTTOM - GAP) / 2;
	p->x0 = p->x1 = log->epoch[0];
	fspan(log->epoch, log->n, &p->x0, &p->x1);
	if (log->val)
		fspan(&log->val_epoch, 1, &p->x0, &p->x1);
	nn_plot_pad(&p->x0, &p->x1);

	/* loss: from 0 to the largest */
	fspan(log->loss, log->n, &lo, &hi);
	if (log->reg)
		fspan(log->data_loss, log->n, &lo, &hi);
	if (log->val)
		fspan(&log->val_loss, 1, &lo, &hi);
	p->y0 = lo;
	p->y1 = hi;
	nn_plot_pad(&p->y0, &p->y1);
	p->top = TOP;
	p->ph = h;
	panel(p, "loss", log, log->loss, log->reg ? log->data_loss : NULL,
	    log->val_loss);
	out(p, "</g>\n");

	/* accuracy: 0 to 1 */
	p->y0 = 0;
	p->y1 = 1;
	nn_plot_pad(&p->y0, &p->y1);
	p->top = TOP + h + GAP;
	panel(p, "accuracy", log, log->acc, NULL, log->val_acc);
	out(p, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">epoch"
	    "</text>\n</g>\n", p->left + p->pw / 2, p->top + p->ph + 36);

	p->top = TOP;
	out(p, "<g id=\"legend\">\n");
	key(p, k++, "training", 0, 0);
	if (log->reg)
		key(p, k++, "data loss", 1, 0);
	if (log->val)
		key(p, k++, "validation", 0, 1);
	out(p, "</g>\n");
}

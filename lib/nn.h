/* nn.h: the shared library of the nn toolkit, prototypes grouped by file */
#ifndef NN_H
#define NN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NN_MAXDIM 32

/*
 * NN_HOT: a hot numeric loop, compiled twice on x86-64 with GCC (for AVX2
 * and for the baseline) and picked at load time by the CPU it runs on.
 * Without contraction either clone computes the same bits.
 */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && \
    defined(__x86_64__) && defined(__linux__)
#define NN_HOT __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define NN_HOT
#endif

/* a function always inlined: its constant arguments make each caller's
 * copy a loop of its own */
#if defined(__GNUC__)
#define NN_INLINE inline __attribute__((always_inline))
#else
#define NN_INLINE inline
#endif

/* the next loop unrolled four times (vector loops of a few instructions
 * spend half of them on the loop) */
#if defined(__GNUC__)
#define NN_UNROLL4 _Pragma("GCC unroll 4")
#else
#define NN_UNROLL4
#endif

/* a dense layer's regularisation: L1 and L2 strengths, weights, biases */
struct nn_reg {
	double l1w, l1b, l2w, l2b;
};

/* err.c: messages and exit codes */
enum { NN_EXIT_OK = 0, NN_EXIT_DATA = 1, NN_EXIT_USAGE = 2 };
extern const char *nn_prog;
void nn_setprog(const char *argv0);
_Noreturn void nn_die(const char *fmt, ...);
_Noreturn void nn_die_errno(const char *fmt, ...);
_Noreturn void nn_die_at(const char *file, unsigned long line,
    unsigned long field, const char *fmt, ...);
void nn_warn(const char *fmt, ...);
void nn_atdie(void (*fn)(void));
_Noreturn void nn_exit(int status);
_Noreturn void nn_usage(const char *usage);
_Noreturn void nn_usage_msg(const char *usage, const char *fmt, ...);
void nn_help(int argc, char **argv, const char *usage, const char *options);
void *nn_malloc(size_t n);
void *nn_realloc(void *p, size_t n);
size_t nn_mul(size_t a, size_t b);

/* arg.c: strict numeric arguments (a usage error on a bad one) */
long nn_arg_long(const char *usage, const char *what, const char *s,
    long min, long max);
unsigned long nn_arg_seed(const char *usage, const char *s);
float nn_arg_float(const char *usage, const char *what, const char *s);
double nn_arg_double(const char *usage, const char *what, const char *s,
    double min, double max);

/* parse.c: decimal text to float32 */
enum { NN_PARSE_OK = 0, NN_PARSE_NOTNUM = -1, NN_PARSE_RANGE = 1 };
int nn_parse_float(const char *s, size_t len, float *out);
int nn_parse_float_prefix(const char *s, const char *end, float *out,
    const char **stop);
size_t nn_parse_floats(const char *p, const char *le, const char *end,
    float *out, size_t max, const char **stop);

/* fmt.c: float32 to the shortest round-trip decimal text */
#define NN_FMT_MAX 24
size_t nn_fmt_float(float x, char *buf);
size_t nn_fmt_floats(const float *v, size_t n, int sep, char *buf);

/* repr.c: a double as Python's repr prints it */
size_t nn_fmt_repr(double x, char *buf);

/* read.c: the tensor reader: text, brackets or .npy, row by row */
struct nn_reader;
struct nn_reader *nn_reader_open(const char *path);
int nn_read_row(struct nn_reader *r, const float **row, size_t *n,
    int *sep);
const char *nn_reader_name(const struct nn_reader *r);
unsigned long nn_reader_line(const struct nn_reader *r);
int nn_reader_shape(const struct nn_reader *r, size_t *dims);
void nn_reader_close(struct nn_reader *r);
void nn_reader_on_idle(struct nn_reader *r, void (*fn)(void *), void *arg);

/* tensor.c: whole tensors, shapes */
struct nn_tensor {
	int ndim;
	size_t dims[NN_MAXDIM];
	float *v;
};
void nn_tensor_read(struct nn_tensor *t, const char *path);
size_t nn_tensor_size(const struct nn_tensor *t);
void nn_tensor_free(struct nn_tensor *t);
size_t nn_shape_fmt(int ndim, const size_t *dims, char *buf, size_t cap);

/* write.c: buffered row output and atomic files */
struct nn_writer {
	FILE *fp;
	const char *name;
	char *path, *tmp;
};
void nn_writer_stdout(struct nn_writer *w);
void nn_writer_open(struct nn_writer *w, const char *path);
void nn_write_row(struct nn_writer *w, const float *v, size_t n);
void nn_write_blank(struct nn_writer *w, int count);
void nn_write_tensor(struct nn_writer *w, const struct nn_tensor *t);
void nn_writer_sync(struct nn_writer *w);
void nn_writer_flush(struct nn_writer *w);
void nn_writer_flush_hook(void *w);
void nn_writer_close(struct nn_writer *w);
void nn_write_label(struct nn_writer *w, long label);
void nn_save_matrix(const char *path, const float *v, size_t rows,
    size_t cols);

/* rng.c: numpy's legacy MT19937 stream */
struct nn_rng {
	uint32_t mt[624];
	int mti;
	int has_gauss;
	double gauss;
};
void nn_rng_seed(struct nn_rng *r, uint32_t seed);
uint32_t nn_rng_u32(struct nn_rng *r);
double nn_rng_double(struct nn_rng *r);
double nn_rng_normal(struct nn_rng *r);
void nn_rng_skip_normals(struct nn_rng *r, unsigned long n);
int nn_rng_binomial1(struct nn_rng *r, double p);
uint32_t nn_rng_interval(struct nn_rng *r, uint32_t max);
void nn_rng_shuffle(struct nn_rng *r, size_t *idx, size_t n);

/* npmath.c: numpy's float32 kernels, bit for bit */
float nn_expf(float x);
void nn_expf_sub(const float *x, float sub, size_t n, float *y);
void nn_expf_inplace(float *v, size_t n);
void nn_max_rows(const float *v, size_t rows, size_t n, float *m);
float nn_logf(float x);
float nn_sum_pairwise(const float *v, size_t n);
float nn_max(const float *v, size_t n);

/* loss.c: losses, their gradients, accuracy */
#define NN_MEAN_CHUNK 8192
struct nn_mean {
	float buf[NN_MEAN_CHUNK];
	float sum;
	size_t len, count;
};
float nn_cce_sample(const float *p, size_t n, const float *t, size_t tn,
    float *tmp);
float nn_bce_sample(const float *p, const float *t, size_t n, float *tmp);
float nn_mse_sample(const float *p, const float *t, size_t n, int abs,
    float *tmp);
void nn_cce_backward(const float *p, size_t n, const float *t, size_t tn,
    float samples, float *dp);
void nn_softmax_cce_backward(const float *p, size_t n, const float *t,
    size_t tn, float samples, float *dz);
void nn_softmax_cce_rows(const float *p, size_t rows, size_t n,
    const float *t, size_t tn, float samples, float *dz);
void nn_bce_backward(const float *p, const float *t, size_t n, float samples,
    float *dp);
void nn_mse_backward(const float *p, const float *t, size_t n, int abs,
    float samples, float *dp);
size_t nn_argmax(const float *v, size_t n);
void nn_mean_init(struct nn_mean *m);
void nn_mean_add(struct nn_mean *m, float v);
float nn_mean_sum(struct nn_mean *m);
float nn_mean_result(struct nn_mean *m);
enum { NN_ACC_CATEGORICAL, NN_ACC_BINARY, NN_ACC_REGRESSION };
struct nn_targets {
	const char *name;
	float *v;		/* rows of cols values */
	size_t rows, cols;
	unsigned long *line;	/* the line each row is on */
	int vector;		/* class indices read from one 1-D row */
};
int nn_loss_kind(const char *s);
float nn_loss_sample(int loss, const float *p, size_t n, const float *t,
    size_t tn, float *tmp);
void nn_loss_backward(int loss, int fused, const float *p, size_t n,
    const float *t, size_t tn, float samples, float *dp);
int nn_accuracy_kind(const char *s);
size_t nn_accuracy_row(int kind, const float *p, size_t n, const float *t,
    size_t tn, float precision);
void nn_targets_read(struct nn_targets *t, const char *path, int labels);
void nn_targets_check(const struct nn_targets *t, int labels,
    const char *name, unsigned long line, size_t width);
void nn_targets_count(const struct nn_targets *t, const char *name,
    unsigned long rows);
void nn_targets_free(struct nn_targets *t);
int nn_targets_tame(const float *t, size_t n, int loss);
int nn_all_finite(const float *v, size_t n);

/* optim.c: the optimizers */
enum { NN_SGD, NN_ADAGRAD, NN_RMSPROP, NN_ADAM };
struct nn_optim {
	int algo;
	double lr, decay, momentum, eps;
	double beta1, beta2;	/* adam's moment decays; beta2 is rmsprop's rho */
	unsigned long step;	/* finished steps */
	double cur_lr;		/* the rate of this step */
};
int nn_optim_algo(const char *s);
const char *nn_optim_name(int algo);
void nn_optim_defaults(struct nn_optim *o, int algo);
int nn_optim_nstate(const struct nn_optim *o);
void nn_optim_pre(struct nn_optim *o);
void nn_optim_update(const struct nn_optim *o, float *p, const float *g,
    float *s0, float *s1, size_t n);
void nn_optim_post(struct nn_optim *o);

/* net.c: a network trained in one process */
enum { NN_DENSE, NN_RELU, NN_SIGMOID, NN_TANH, NN_LINEAR, NN_SOFTMAX,
	NN_DROPOUT };
enum { NN_LOSS_CCE, NN_LOSS_BCE, NN_LOSS_MSE, NN_LOSS_MAE };
struct nn_layer {
	int kind;
	size_t nin, nout;
	struct nn_reg reg;
	double rate;		/* dropout's rate */
	float *params, *grad;	/* [W; b] and its gradient (dense) */
	float *s0, *s1;		/* the optimizer's state arrays */
	double *dwacc;		/* dW summed in double */
	float *out, *dx;	/* the batch's outputs and input gradients */
	unsigned char *mask;	/* dropout's mask */
};
struct nn_net {
	int nl;
	struct nn_layer *l;
	int loss;
	size_t nout, maxw, cap;
	float *tmp, *dout;
};
int nn_layer_parse(const char *word, struct nn_layer *l);
int nn_reg_parse(const char *word, struct nn_reg *reg);
const char *nn_layer_name(int kind);
void nn_net_init(struct nn_net *net, size_t nin, struct nn_rng *rng,
    float scale, size_t rows);
void nn_net_reserve(struct nn_net *net, size_t rows);
const float *nn_net_forward(struct nn_net *net, const float *x, size_t rows,
    int train, struct nn_rng *rng);
void nn_net_backward(struct nn_net *net, const float *x, const float *y,
    size_t ycols, size_t rows);
void nn_net_update(struct nn_net *net, struct nn_optim *o);
double nn_net_reg_loss(const struct nn_net *net, int *any);
float nn_net_sample(const struct nn_net *net, const float *p, const float *t,
    size_t ycols, float precision, size_t *right);
float nn_dropout_apply(float x, unsigned char mask, double keep);
float nn_regression_precision(const float *y, size_t n);
void nn_net_free(struct nn_net *net);

/* state.c: the optimizer's state file */
uint64_t nn_state_fingerprint(const float *v, size_t n);
int nn_state_load(const char *path, struct nn_optim *o, const char *ppath,
    const float *params, size_t rows, size_t cols, float *s0, float *s1);
void nn_state_save(const char *path, const struct nn_optim *o, uint64_t prev,
    const float *params, size_t rows, size_t cols, const float *s0,
    const float *s1);

/* data.c: the nnfs data sets */
void nn_spiral_point(struct nn_rng *r, size_t samples, int c, size_t i,
    float *xy);
void nn_vertical_class(struct nn_rng *r, size_t samples, struct nn_rng *xs);
void nn_vertical_point(struct nn_rng *xs, struct nn_rng *r, int c, float *xy);
void nn_sine_point(size_t samples, size_t i, double *xy);

/*
 * gemm.c: products, each element one double sum from +0 in k order; b's
 * doubles must be floats widened (the sums use fused multiply-adds, exact
 * only for products of two floats).  Safe to call from several threads.
 */
void nn_gemm(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *c);
void nn_gemm_tn(const float *x, const float *d, size_t rows, size_t k,
    size_t n, double *g);
void nn_gemm_f(const float *a, const float *b, int bt, const float *bias,
    size_t m, size_t k, size_t n, float *c);
void nn_par(void (*fn)(void *, size_t, size_t), void *arg, size_t ntasks);
int nn_par_threads(void);

/* stream.c: rows printed by a second thread; row-wise commands */
struct nn_rows;
struct nn_rows *nn_rows_open(struct nn_writer *w);
float *nn_rows_add(struct nn_rows *q, size_t n, int sep);
int nn_rows_printer(const struct nn_rows *q);
void nn_rows_flush(struct nn_rows *q);
void nn_rows_flush_hook(void *q);
void nn_rows_finish(struct nn_rows *q);
void nn_rows_close(struct nn_rows *q);
void nn_map_rows(const char *path, void (*f)(const float *, size_t, float *));

/* layer.c: forward and backward functions of the layers */
void nn_dense_init(struct nn_rng *r, float scale, size_t nin, size_t nout,
    float *params);
void nn_dense_prepare(const float *params, size_t nin, size_t nout,
    double *wd);
void nn_dense_forward(const double *wd, const float *bias, const float *x,
    size_t rows, size_t nin, size_t nout, double *acc, float *z);
void nn_matmul(const float *a, const float *b, size_t m, size_t k,
    size_t n, float *c);
void nn_colsum(const float *dz, size_t rows, size_t nout, float *db);
void nn_relu_forward(const float *x, size_t n, float *y);
void nn_softmax_forward(const float *x, size_t n, float *y);
void nn_softmax_rows(const float *x, size_t rows, size_t n, float *y);
void nn_dense_backward_dx(const float *params, size_t nin, size_t nout,
    const float *dz, float *dx);
void nn_dense_backward_acc(const float *x, const float *dz, size_t nin,
    size_t nout, double *dwacc, float *db);
void nn_dense_grad(const double *dwacc, const float *db, const float *params,
    size_t nin, size_t nout, const struct nn_reg *reg, float *grad);
void nn_dense_grad_part(const double *dwacc, const float *db,
    const float *params, size_t nin, size_t nout, const struct nn_reg *reg,
    float *grad, size_t a, size_t b);
double nn_dense_reg_loss(const float *params, size_t nin, size_t nout,
    const struct nn_reg *reg, float *tmp);
void nn_relu_backward(const float *x, const float *dz, size_t n, float *dx);
void nn_softmax_backward(const float *s, const float *dy, size_t n,
    float *dx);
void nn_sigmoid_forward(const float *x, size_t n, float *y);
void nn_sigmoid_backward(const float *y, const float *dy, size_t n,
    float *dx);
void nn_tanh_forward(const float *x, size_t n, float *y);
void nn_tanh_backward(const float *y, const float *dy, size_t n, float *dx);
void nn_step_forward(const float *x, size_t n, float *y);

/* backward.c: backward passes in lockstep with their forward file */
void nn_map_rows_backward(const char *fwd,
    void (*f)(const float *, const float *, size_t, float *));
void nn_dense_backward_stream(const char *fwd, const float *params,
    size_t nin, size_t nout, const struct nn_reg *reg, float *grad);
int nn_dropout_rate_parse(const char *s, double *rate);
int nn_dropout_mask_rate(const char *maskfile, double *rate);
void nn_dropout_stream(struct nn_rng *r, double rate, const char *maskfile);
void nn_dropout_backward_stream(const char *maskfile, double rate);

/* idx.c: IDX files (MNIST, Fashion-MNIST), one item at a time */
enum { NN_IDX_UBYTE = 0x08, NN_IDX_BYTE = 0x09, NN_IDX_SHORT = 0x0b,
	NN_IDX_INT = 0x0c, NN_IDX_FLOAT = 0x0d, NN_IDX_DOUBLE = 0x0e };
struct nn_idx {
	FILE *fp;
	const char *name;
	int type, ndim;
	size_t dims[NN_MAXDIM];
	size_t size;		/* bytes an element */
	size_t count;		/* elements an item: dims[1] * ... */
	size_t done;		/* items read */
	unsigned char *buf;
};
void nn_idx_open(struct nn_idx *x, const char *path);
int nn_idx_read(struct nn_idx *x, float *v);
void nn_idx_close(struct nn_idx *x);
void nn_idx_scale(float *v, size_t n);

/* plot.c: SVG pictures */
struct nn_plot {
	struct nn_writer *w;
	long width, height;		/* the page, in pixels */
	double x0, x1, y0, y1;		/* the data range shown */
	double left, top, pw, ph;	/* the plot area, set by begin */
};
int nn_plot_text_ok(const char *s);
void nn_plot_pad(double *lo, double *hi);
double nn_plot_px(const struct nn_plot *p, double x);
double nn_plot_py(const struct nn_plot *p, double y);
void nn_plot_begin(struct nn_plot *p, const char *title);
void nn_plot_regions(struct nn_plot *p, const uint32_t *cls, size_t g);
void nn_plot_axes(struct nn_plot *p);
void nn_plot_points(struct nn_plot *p, const float *x, const float *y,
    const uint32_t *cls, size_t n);
void nn_plot_curve(struct nn_plot *p, const float *x, const float *y, size_t n,
    size_t k);
void nn_plot_legend(struct nn_plot *p, const char *const *names,
    const uint32_t *cls, size_t n);
void nn_plot_end(struct nn_plot *p);
/* a training log, as nn-train's log lines give it */
struct nn_plot_log {
	float *epoch, *acc, *loss;	/* n of each, epochs increasing */
	float *data_loss;		/* the loss without regularisation */
	size_t n;
	int reg;			/* 1 if data_loss is apart from loss */
	int val;			/* 1 if there is a validation line */
	float val_epoch, val_acc, val_loss;
};
void nn_plot_training(struct nn_plot *p, const struct nn_plot_log *log);

/* npy.c: numpy's .npy files */
#define NN_NPY_MAGIC "\x93NUMPY"
#define NN_NPY_MAGIC_LEN 6
struct nn_npy {
	int ndim;
	size_t dims[NN_MAXDIM];
	size_t size;		/* values: the product of the dims */
	int kind;		/* 'f', 'i', 'u' or 'b' */
	size_t width;		/* bytes a value */
	char descr[16];		/* the dtype as the header names it: '<f4' */
};
size_t nn_npy_header(const char *name, const unsigned char *p, size_t n,
    int eof, struct nn_npy *a);
size_t nn_npy_decode(const struct nn_npy *a, const unsigned char *p,
    size_t n, float *dst, double *bad);
void nn_npy_write(struct nn_writer *w, const struct nn_tensor *t, int f8);

/* more prototypes, one block per file, go above this line */

#endif

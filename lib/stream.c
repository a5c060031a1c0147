/* stream.c: rows printed by a second thread while the next are computed */
#include <pthread.h>
#include <stdlib.h>

#include "nn.h"

#define BLOCKS		4	/* blocks in the ring */
#define BLOCK_VALUES	32768	/* values in a block, unless a row has more */
#define BLOCK_ROWS	1024

/* rows of output: their values one after another, and the blank lines */
struct block {
	float *v;
	size_t cap, len;
	size_t n[BLOCK_ROWS];
	int sep[BLOCK_ROWS];
	size_t rows;
	int flush;		/* the output is flushed after this block */
	int last;		/* the stream ends with this block */
};

/*
 * A ring of blocks: the caller adds rows to one while the printing thread
 * prints the ones filled before it, in turn; with more than two, neither
 * side waits for the other at every block (a 512-column nn-dense spent a
 * quarter of its time so with two blocks of 16384 values).  full[i] says
 * b[i] waits for the printer; both sides wait on one condition variable.
 * Without a thread (pthread_create failed), a full block is printed in
 * place.
 */
struct nn_rows {
	struct block b[BLOCKS];
	int full[BLOCKS];
	int fill;		/* the block rows are added to */
	int running;		/* the printer was started and not joined */
	int gone;		/* it ended early (another thread is dying) */
	struct nn_writer *w;
	pthread_t printer;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

/* a block's rows to the writer, flushed after them if it asks */
static void
print_block(struct nn_rows *q, const struct block *b)
{
	const float *v = b->v;
	size_t r;

	for (r = 0; r < b->rows; v += b->n[r], r++) {
		nn_write_blank(q->w, b->sep[r]);
		nn_write_row(q->w, v, b->n[r]);
	}
	if (b->flush)
		nn_writer_flush(q->w);
}

/* a block ready for new rows */
static void
empty(struct block *b)
{
	b->rows = b->len = 0;
	b->flush = 0;
}

/*
 * The printer ended inside a block (a write failed while another thread
 * was already dying: see nn_exit): whoever waits for it is let go.
 */
static void
printer_gone(void *arg)
{
	struct nn_rows *q = arg;

	pthread_mutex_lock(&q->lock);
	q->gone = 1;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->lock);
}

/* each block in turn, until the last */
static void
print_loop(struct nn_rows *q)
{
	int i = 0, last;

	do {
		pthread_mutex_lock(&q->lock);
		while (!q->full[i])
			pthread_cond_wait(&q->cond, &q->lock);
		pthread_mutex_unlock(&q->lock);
		print_block(q, &q->b[i]);
		last = q->b[i].last;
		pthread_mutex_lock(&q->lock);
		q->full[i] = 0;
		pthread_cond_broadcast(&q->cond);
		pthread_mutex_unlock(&q->lock);
		i = (i + 1) % BLOCKS;
	} while (!last);
}

/* the printing thread */
static void *
print_blocks(void *arg)
{
	pthread_cleanup_push(printer_gone, arg);
	print_loop(arg);
	pthread_cleanup_pop(0);
	return NULL;
}

/* the filled block to the printer and the next one back, emptied */
static void
hand_off(struct nn_rows *q, int last)
{
	struct block *b = &q->b[q->fill];

	b->last = last;
	if (!q->running) {
		print_block(q, b);
		empty(b);
		return;
	}
	pthread_mutex_lock(&q->lock);
	q->full[q->fill] = 1;
	pthread_cond_broadcast(&q->cond);
	q->fill = (q->fill + 1) % BLOCKS;
	while (q->full[q->fill] && !q->gone)
		pthread_cond_wait(&q->cond, &q->lock);
	pthread_mutex_unlock(&q->lock);
	empty(&q->b[q->fill]);
}

/* rows for w, printed by a thread of their own */
struct nn_rows *
nn_rows_open(struct nn_writer *w)
{
	struct nn_rows *q = nn_malloc(sizeof(*q));
	int i;

	for (i = 0; i < BLOCKS; i++) {
		q->b[i].cap = BLOCK_VALUES;
		q->b[i].v = nn_malloc(BLOCK_VALUES * sizeof(float));
		empty(&q->b[i]);
		q->full[i] = 0;
	}
	q->fill = 0;
	q->gone = 0;
	q->w = w;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	q->running = pthread_create(&q->printer, NULL, print_blocks, q) == 0;
	return q;
}

/*
 * Room for the next row, n values printed after sep blank lines: the
 * caller fills it before it calls nn_rows_add or nn_rows_finish again.
 */
float *
nn_rows_add(struct nn_rows *q, size_t n, int sep)
{
	struct block *b = &q->b[q->fill];
	float *y;

	if (b->rows == BLOCK_ROWS || (b->rows > 0 && n > b->cap - b->len)) {
		hand_off(q, 0);
		b = &q->b[q->fill];
	}
	if (n > b->cap) {
		b->cap = n;
		b->v = nn_realloc(b->v, nn_mul(n, sizeof(float)));
	}
	y = b->v + b->len;
	b->n[b->rows] = n;
	b->sep[b->rows++] = sep;
	b->len += n;
	return y;
}

/*
 * 1 if called from q's printing thread: what a write error's nn_atdie
 * hook must leave alone
 */
int
nn_rows_printer(const struct nn_rows *q)
{
	return q->running && pthread_equal(pthread_self(), q->printer);
}

/* the rows added so far printed and flushed soon, without waiting for
 * a block to fill: the input is slow */
void
nn_rows_flush(struct nn_rows *q)
{
	q->b[q->fill].flush = 1;
	hand_off(q, 0);
}

/* nn_rows_flush for nn_reader_on_idle */
void
nn_rows_flush_hook(void *q)
{
	nn_rows_flush(q);
}

/* every row added is printed and the thread ended; no more rows */
void
nn_rows_finish(struct nn_rows *q)
{
	if (q->running) {
		hand_off(q, 1);
		pthread_join(q->printer, NULL);
		q->running = 0;
	} else
		hand_off(q, 1);
}

/* finish and free */
void
nn_rows_close(struct nn_rows *q)
{
	int i;

	nn_rows_finish(q);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->cond);
	for (i = 0; i < BLOCKS; i++)
		free(q->b[i].v);
	free(q);
}

static struct nn_rows *map_rows;

/* before a data error's message: print the rows read before it */
static void
map_rows_atdie(void)
{
	if (map_rows != NULL && !nn_rows_printer(map_rows))
		nn_rows_finish(map_rows);
}

/* y = f(x) for each row of the tensor in path, blocks kept, to stdout */
void
nn_map_rows(const char *path, void (*f)(const float *, size_t, float *))
{
	struct nn_reader *r = nn_reader_open(path);
	struct nn_writer w;
	const float *x;
	size_t n;
	int sep;

	nn_writer_stdout(&w);
	map_rows = nn_rows_open(&w);
	nn_atdie(map_rows_atdie);
	nn_reader_on_idle(r, nn_rows_flush_hook, map_rows);
	while (nn_read_row(r, &x, &n, &sep))
		f(x, n, nn_rows_add(map_rows, n, sep));
	nn_atdie(NULL);
	nn_rows_close(map_rows);
	map_rows = NULL;
	nn_writer_close(&w);
	nn_reader_close(r);
}

/* stream.c: the loop of a row-wise command, reading and printing at once */
#include <pthread.h>
#include <stdlib.h>

#include "nn.h"

#define BLOCK_VALUES	16384	/* values in a block, unless a row has more */
#define BLOCK_ROWS	1024

/* rows of output: their values one after another, and the blank lines */
struct block {
	float *v;
	size_t cap, len;
	size_t n[BLOCK_ROWS];
	int sep[BLOCK_ROWS];
	size_t rows;
	int last;		/* the stream ends with this block */
};

/*
 * Two blocks: the reading thread computes rows into one while a printing
 * thread prints the other, in turn.  full[i] says b[i] waits for the
 * printer; both sides wait on one condition variable.
 */
struct stream {
	struct block b[2];
	int full[2];
	int fill;		/* the block the reader fills */
	int running;		/* the printer was started and not joined */
	struct nn_writer w;
	pthread_t printer;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static struct stream *atdie_stream;

/* a block's rows to stdout */
static void
print_block(struct stream *st, const struct block *b)
{
	const float *v = b->v;
	size_t r;

	for (r = 0; r < b->rows; v += b->n[r], r++) {
		nn_write_blank(&st->w, b->sep[r]);
		nn_write_row(&st->w, v, b->n[r]);
	}
}

/* the printing thread: each block in turn, until the last */
static void *
print_blocks(void *arg)
{
	struct stream *st = arg;
	int i = 0, last;

	do {
		pthread_mutex_lock(&st->lock);
		while (!st->full[i])
			pthread_cond_wait(&st->cond, &st->lock);
		pthread_mutex_unlock(&st->lock);
		print_block(st, &st->b[i]);
		last = st->b[i].last;
		pthread_mutex_lock(&st->lock);
		st->full[i] = 0;
		pthread_cond_broadcast(&st->cond);
		pthread_mutex_unlock(&st->lock);
		i ^= 1;
	} while (!last);
	return NULL;
}

/*
 * The filled block to the printer, and the other one back, emptied; or,
 * without a printing thread, printed here.
 */
static void
flush_block(struct stream *st, int last)
{
	struct block *b = &st->b[st->fill];

	b->last = last;
	if (!st->running) {
		print_block(st, b);
		b->rows = b->len = 0;
		return;
	}
	pthread_mutex_lock(&st->lock);
	st->full[st->fill] = 1;
	pthread_cond_broadcast(&st->cond);
	st->fill ^= 1;
	while (st->full[st->fill])
		pthread_cond_wait(&st->cond, &st->lock);
	pthread_mutex_unlock(&st->lock);
	b = &st->b[st->fill];
	b->rows = b->len = 0;
}

/* the rest printed, the printer joined */
static void
finish(struct stream *st)
{
	flush_block(st, 1);
	if (st->running)
		pthread_join(st->printer, NULL);
	st->running = 0;
}

/* before a data error's message: print the rows read before it */
static void
finish_atdie(void)
{
	struct stream *st = atdie_stream;

	/* not from the printer itself (a write error) */
	if (st != NULL && !(st->running &&
	    pthread_equal(pthread_self(), st->printer)))
		finish(st);
}

/* y = f(x) for each row of the tensor in path, blocks kept, to stdout */
void
nn_map_rows(const char *path, void (*f)(const float *, size_t, float *))
{
	struct nn_reader *r = nn_reader_open(path);
	struct stream *st = nn_malloc(sizeof(*st));
	struct block *b;
	const float *x;
	size_t n;
	int i, sep;

	for (i = 0; i < 2; i++) {
		st->b[i].cap = BLOCK_VALUES;
		st->b[i].v = nn_malloc(BLOCK_VALUES * sizeof(float));
		st->b[i].len = st->b[i].rows = 0;
		st->full[i] = 0;
	}
	st->fill = 0;
	nn_writer_stdout(&st->w);
	pthread_mutex_init(&st->lock, NULL);
	pthread_cond_init(&st->cond, NULL);
	st->running = pthread_create(&st->printer, NULL, print_blocks,
	    st) == 0;
	atdie_stream = st;
	nn_atdie(finish_atdie);
	while (nn_read_row(r, &x, &n, &sep)) {
		b = &st->b[st->fill];
		if (b->rows == BLOCK_ROWS || (b->rows > 0 && n > b->cap -
		    b->len)) {
			flush_block(st, 0);
			b = &st->b[st->fill];
		}
		if (n > b->cap) {
			b->cap = n;
			b->v = nn_realloc(b->v, nn_mul(n, sizeof(float)));
		}
		f(x, n, b->v + b->len);
		b->n[b->rows] = n;
		b->sep[b->rows++] = sep;
		b->len += n;
	}
	finish(st);
	nn_atdie(NULL);
	atdie_stream = NULL;
	nn_writer_close(&st->w);
	nn_reader_close(r);
	pthread_mutex_destroy(&st->lock);
	pthread_cond_destroy(&st->cond);
	for (i = 0; i < 2; i++)
		free(st->b[i].v);
	free(st);
}

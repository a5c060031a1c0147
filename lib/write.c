/* write.c: rows of numbers out, and files replaced atomically */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nn.h"

#define MAX_PENDING 16

static char *pending[MAX_PENDING];	/* temporary files not yet renamed */
static int npending;
static char linebuf[1 << 16];

/* at exit, remove temporary files that were never completed */
static void
cleanup(void)
{
	int i;

	for (i = 0; i < npending; i++)
		if (pending[i] != NULL)
			unlink(pending[i]);
}

static void
forget(const char *tmp)
{
	int i;

	for (i = 0; i < npending; i++)
		if (pending[i] == tmp) {
			pending[i] = pending[npending - 1];
			npending--;
			return;
		}
}

/* a signal that ends the program removes the temporary files first */
static void
on_signal(int sig)
{
	cleanup();
	raise(sig);	/* handled as by default once this returns */
}

static void
catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL)
			sigaction(sigs[i], &sa, NULL);
}

static _Noreturn void
write_error(struct nn_writer *w)
{
	if (errno == EPIPE)
		nn_exit(NN_EXIT_DATA);
	nn_die_errno("%s", w->name);
}

void
nn_writer_stdout(struct nn_writer *w)
{
	static char obuf[1 << 16];

	memset(w, 0, sizeof(*w));
	w->fp = stdout;
	w->name = "<stdout>";
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
}

/* a temporary file beside path, renamed onto it by nn_writer_close */
void
nn_writer_open(struct nn_writer *w, const char *path)
{
	static int registered;
	size_t len = strlen(path);
	mode_t mask;
	int fd;

	if (strcmp(path, "-") == 0) {
		nn_writer_stdout(w);
		return;
	}
	if (npending == MAX_PENDING)
		nn_die("too many output files");
	mask = umask(0);
	umask(mask);
	if (!registered) {
		atexit(cleanup);
		catch_signals();
		registered = 1;
	}
	memset(w, 0, sizeof(*w));
	w->name = path;
	w->path = nn_malloc(len + 1);
	memcpy(w->path, path, len + 1);
	w->tmp = nn_malloc(len + 8);
	memcpy(w->tmp, path, len);
	memcpy(w->tmp + len, ".XXXXXX", 8);
	fd = mkstemp(w->tmp);
	if (fd < 0)
		nn_die_errno("%s", path);
	pending[npending++] = w->tmp;
	if (fchmod(fd, 0666 & ~mask) < 0)
		nn_die_errno("%s", path);
	w->fp = fdopen(fd, "w");
	if (w->fp == NULL)
		nn_die_errno("%s", path);
}

/* v[0..n) as one line: shortest round-trip numbers, one space between */
void
nn_write_row(struct nn_writer *w, const float *v, size_t n)
{
	size_t i, k, len = 0;

	/* each number and the space after it in linebuf, as many as fit */
	for (i = 0; i < n; i += k) {
		k = (sizeof(linebuf) - len) / NN_FMT_MAX;
		if (k == 0) {
			if (fwrite(linebuf, 1, len, w->fp) != len)
				write_error(w);
			len = 0;
			k = sizeof(linebuf) / NN_FMT_MAX;
		}
		if (k > n - i)
			k = n - i;
		len += nn_fmt_floats(v + i, k, ' ', linebuf + len);
	}
	if (len > 0)
		len--;	/* the last space */
	linebuf[len++] = '\n';
	if (fwrite(linebuf, 1, len, w->fp) != len)
		write_error(w);
}

/* count blank lines: the separators between blocks */
void
nn_write_blank(struct nn_writer *w, int count)
{
	while (count-- > 0)
		if (putc('\n', w->fp) == EOF)
			write_error(w);
}

/* a whole tensor, with blank lines between its 2-D slices and blocks */
void
nn_write_tensor(struct nn_writer *w, const struct nn_tensor *t)
{
	size_t cols, rows, i, span;
	int k, sep;

	if (t->ndim <= 1) {
		nn_write_row(w, t->v, t->ndim ? t->dims[0] : 1);
		return;
	}
	cols = t->dims[t->ndim - 1];
	rows = nn_tensor_size(t) / (cols ? cols : 1);
	if (cols == 0)
		rows = 0;
	for (i = 0; i < rows; i++) {
		sep = 0;
		span = 1;
		for (k = t->ndim - 2; k > 0 && i > 0; k--) {
			span *= t->dims[k];
			if (i % span != 0)
				break;
			sep++;
		}
		nn_write_blank(w, sep);
		nn_write_row(w, t->v + i * cols, cols);
	}
}

/* what was written so far to the file or pipe, now */
void
nn_writer_flush(struct nn_writer *w)
{
	if (fflush(w->fp) == EOF || ferror(w->fp))
		write_error(w);
}

/* nn_writer_flush for nn_reader_on_idle */
void
nn_writer_flush_hook(void *w)
{
	nn_writer_flush(w);
}

/* a named file's data flushed and on disk, not yet renamed into place */
void
nn_writer_sync(struct nn_writer *w)
{
	if (w->tmp == NULL)
		return;
	if (fflush(w->fp) == EOF || ferror(w->fp))
		write_error(w);
	if (fsync(fileno(w->fp)) < 0)
		nn_die_errno("%s", w->name);
}

/* flush, and for a named file fsync and rename it into place */
void
nn_writer_close(struct nn_writer *w)
{
	if (fflush(w->fp) == EOF || ferror(w->fp))
		write_error(w);
	if (w->tmp == NULL)
		return;
	if (fsync(fileno(w->fp)) < 0)
		nn_die_errno("%s", w->name);
	if (fclose(w->fp) == EOF)
		nn_die_errno("%s", w->name);
	if (rename(w->tmp, w->path) < 0)
		nn_die_errno("%s", w->name);
	forget(w->tmp);
	free(w->tmp);
	free(w->path);
	w->tmp = w->path = NULL;
	w->fp = NULL;
}

/* write a rows x cols matrix to path atomically */
void
nn_save_matrix(const char *path, const float *v, size_t rows, size_t cols)
{
	struct nn_writer w;
	size_t i;

	nn_writer_open(&w, path);
	for (i = 0; i < rows; i++)
		nn_write_row(&w, v + i * cols, cols);
	nn_writer_close(&w);
}

/* a class label as one line */
void
nn_write_label(struct nn_writer *w, long label)
{
	if (fprintf(w->fp, "%ld\n", label) < 0)
		write_error(w);
}

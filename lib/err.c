/* err.c: error messages, usage lines and checked allocation */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

const char *nn_prog = "nn";
/* writes what is complete before an error; set by the main thread, run
 * by whichever thread fails first */
static void (*_Atomic atdie)(void);

/*
 * One thread ends the process.  exit() twice at once is undefined, and a
 * command may fail in two threads at once (the reader on bad input, the
 * printing thread on a full disk).  The first to fail goes on to its
 * message and exit; the same thread failing again on the way (in an
 * nn_atdie hook) goes on too; any other thread ends itself quietly, so
 * that a dying thread waiting for it (joining the printer) is let go.
 */
static atomic_flag ending = ATOMIC_FLAG_INIT;
static atomic_int ender_known;
static pthread_t ender;

static void
end_enter(void)
{
	if (!atomic_flag_test_and_set(&ending)) {
		ender = pthread_self();
		atomic_store(&ender_known, 1);
		return;
	}
	while (!atomic_load(&ender_known))
		sched_yield();
	if (pthread_equal(ender, pthread_self()))
		return;
	pthread_exit(NULL);
}

/* exit(status), by one thread only (see end_enter) */
_Noreturn void
nn_exit(int status)
{
	end_enter();
	exit(status);
}

/* fn runs once before a data error's message: to flush complete output */
void
nn_atdie(void (*fn)(void))
{
	atdie = fn;
}

static void
run_atdie(void)
{
	void (*fn)(void) = atomic_exchange(&atdie, NULL);

	if (fn != NULL)
		fn();
}

/*
 * The program's name for messages.  A closed stdin, stdout or stderr gets
 * /dev/null opened the wrong way round: using it still fails (EBADF), and
 * a file opened later cannot take its number and be read as stdin or
 * written as stdout.
 */
void
nn_setprog(const char *argv0)
{
	const char *s;
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) < 0)
			break;
	if (argv0 == NULL || *argv0 == '\0')
		return;
	s = strrchr(argv0, '/');
	nn_prog = s ? s + 1 : argv0;
}

static void
vmsg(int errnum, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", nn_prog);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

/* prog: message, exit 1 */
_Noreturn void
nn_die(const char *fmt, ...)
{
	va_list ap;

	end_enter();
	run_atdie();
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	exit(NN_EXIT_DATA);
}

/* prog: message: strerror(errno), exit 1 */
_Noreturn void
nn_die_errno(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	end_enter();
	run_atdie();
	errno = e;
	va_start(ap, fmt);
	vmsg(e, fmt, ap);
	va_end(ap);
	exit(NN_EXIT_DATA);
}

/* prog: file:line:field: message, exit 1 (line or field 0: left out) */
_Noreturn void
nn_die_at(const char *file, unsigned long line, unsigned long field,
    const char *fmt, ...)
{
	va_list ap;

	end_enter();
	run_atdie();
	fflush(stdout);
	fprintf(stderr, "%s: %s:", nn_prog, file);
	if (line)
		fprintf(stderr, "%lu:", line);
	if (line && field)
		fprintf(stderr, "%lu:", field);
	fputc(' ', stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(NN_EXIT_DATA);
}

/* prog: message, and go on */
void
nn_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

/* the usage line on stderr, exit 2 */
_Noreturn void
nn_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	exit(NN_EXIT_USAGE);
}

/* prog: message, then the usage line, exit 2 */
_Noreturn void
nn_usage_msg(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", nn_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	nn_usage(usage);
}

/* -h or --help as the first argument: usage and options to stdout, exit 0 */
void
nn_help(int argc, char **argv, const char *usage, const char *options)
{
	if (argc < 2 || (strcmp(argv[1], "-h") != 0 &&
	    strcmp(argv[1], "--help") != 0))
		return;
	printf("usage: %s\n%s", usage, options);
	if (fflush(stdout) == EOF || ferror(stdout))
		nn_die_errno("<stdout>");
	exit(NN_EXIT_OK);
}

void *
nn_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nn_die("out of memory allocating %zu bytes", n);
	return p;
}

void *
nn_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		nn_die("out of memory allocating %zu bytes", n);
	return p;
}

/* a * b, or an error when it overflows size_t */
size_t
nn_mul(size_t a, size_t b)
{
	if (b != 0 && a > SIZE_MAX / b)
		nn_die("size %zu x %zu is too large", a, b);
	return a * b;
}

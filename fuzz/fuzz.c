/* fuzz.c: the library's exits turned into jumps back to the harness */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#define FDMAX 256

static jmp_buf *env;		/* where nn_fuzz_exit jumps, if set */
static void **live;		/* blocks the library allocated, not freed */
static size_t nlive, livecap;
static unsigned char initfd[FDMAX];	/* descriptors open at the start */
static int fdscan;		/* descriptors below this are checked */
static char msg[4096];		/* the library's stderr */
static FILE *msgfp, *realerr;
static char dir[256], pathbuf[512];

static void
removedir(void)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	char p[512];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static void
init(void)
{
	const char *t = getenv("TMPDIR");
	int fd;

	if (msgfp != NULL)
		return;
	if (access("/dev/shm", W_OK) == 0)
		t = "/dev/shm";	/* fsync there costs nothing */
	else if (t == NULL || *t == '\0')
		t = "/tmp";
	snprintf(dir, sizeof(dir), "%s/nn-fuzz.XXXXXX", t);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	atexit(removedir);
	/* new descriptors take the lowest free numbers: scan 32 of them */
	for (fd = 0; fd < FDMAX; fd++)
		initfd[fd] = fcntl(fd, F_GETFD) >= 0;
	for (fd = 0; fd < FDMAX && (initfd[fd] || fdscan < 32); fd++)
		fdscan += !initfd[fd];
	fdscan = fd;
	realerr = stderr;
	msgfp = fmemopen(msg, sizeof(msg), "w");
	if (msgfp == NULL) {
		perror("fmemopen");
		abort();
	}
	stderr = msgfp;
}

_Noreturn void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", realerr ? realerr : stderr);
	va_start(ap, fmt);
	vfprintf(realerr ? realerr : stderr, fmt, ap);
	va_end(ap);
	fputc('\n', realerr ? realerr : stderr);
	abort();
}

_Noreturn void
nn_fuzz_exit(int status)
{
	if (env == NULL)
		exit(status);
	longjmp(*env, status + 1);
}

static void
track(void *p)
{
	if (nlive == livecap) {
		livecap = livecap ? 2 * livecap : 64;
		live = realloc(live, livecap * sizeof(*live));
		if (live == NULL)
			abort();
	}
	live[nlive++] = p;
}

static int
untrack(void *p)
{
	size_t i;

	for (i = nlive; i-- > 0;)
		if (live[i] == p) {
			live[i] = live[--nlive];
			return 1;
		}
	return 0;
}

void *
nn_fuzz_malloc(size_t n)
{
	void *p = malloc(n);

	if (p != NULL)
		track(p);
	return p;
}

void *
nn_fuzz_realloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q != NULL) {
		if (p != NULL)
			untrack(p);
		track(q);
	}
	return q;
}

void
nn_fuzz_free(void *p)
{
	if (p != NULL)
		untrack(p);
	free(p);
}

const char *
fuzz_message(void)
{
	return msg;
}

const char *
fuzz_path(const char *name)
{
	init();
	snprintf(pathbuf, sizeof(pathbuf), "%s/%s", dir, name);
	return pathbuf;
}

void
fuzz_put(const char *path, const void *data, size_t n)
{
	const char *p = data;
	ssize_t w;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		fuzz_fail("%s: %s", path, strerror(errno));
	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fuzz_fail("%s: %s", path, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	close(fd);
}

/* the message: "nn: NAME:..." for a NAME of names, one line */
static void
check_message(int status, const char *const *names)
{
	size_t len;
	const char *nl;
	int i;

	fflush(msgfp);
	len = (size_t)ftell(msgfp);
	if (len >= sizeof(msg) - 1)
		fuzz_fail("a message of %zu bytes or more", len);
	msg[len] = '\0';
	if (status != 1)
		fuzz_fail("exit status %d, not 1: %s", status, msg);
	nl = strchr(msg, '\n');
	if (strncmp(msg, "nn: ", 4) != 0 || nl == NULL || nl[1] != '\0' ||
	    strlen(msg) != len)
		fuzz_fail("not a one-line message: '%s'", msg);
	if (names == NULL)
		return;
	for (i = 0; names[i] != NULL; i++) {
		size_t n = strlen(names[i]);

		if (strncmp(msg + 4, names[i], n) == 0 && msg[4 + n] == ':')
			return;
	}
	fuzz_fail("the message names no file: %s", msg);
}

/* fd is open on a file in the harness's folder */
static int
mine(int fd)
{
	char link[64], target[512];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return 0;
	target[n] = '\0';
	return strncmp(target, dir, strlen(dir)) == 0 &&
	    target[strlen(dir)] == '/';
}

int
fuzz_run(void (*f)(void *), void *arg, const char *const *names)
{
	jmp_buf here;
	int st, fd;
	size_t i;

	init();
	rewind(msgfp);
	clearerr(msgfp);
	msg[0] = '\0';
	st = setjmp(here);
	if (st == 0) {
		env = &here;
		f(arg);
		env = NULL;
		if (nlive > 0)
			fuzz_fail("%zu blocks the library allocated are not "
			    "freed", nlive);
		return 0;
	}
	env = NULL;
	for (i = 0; i < nlive; i++)
		free(live[i]);
	nlive = 0;
	for (fd = 3; fd < fdscan; fd++)
		if (!initfd[fd] && fcntl(fd, F_GETFD) >= 0 && mine(fd))
			close(fd);
	check_message(st - 1, names);
	return st - 1;
}

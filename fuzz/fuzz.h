/* fuzz.h: what the harnesses share; lib/ is built for them with exit,
 * malloc, realloc and free renamed to the nn_fuzz_ hooks (see Makefile) */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* the hooks the fuzz build of lib/ calls */
_Noreturn void nn_fuzz_exit(int status);
void *nn_fuzz_malloc(size_t n);
void *nn_fuzz_realloc(void *p, size_t n);
void nn_fuzz_free(void *p);

/*
 * Run f(arg).  0 when it returns, or the status the library exited with;
 * then the blocks it allocated and the files it opened are released, and
 * its message (stderr) must be one line naming one of the files in names
 * (NULL-terminated), or the harness aborts.  When f returns, every block
 * the library allocated must have been freed.
 */
int fuzz_run(void (*f)(void *), void *arg, const char *const *names);
const char *fuzz_message(void);
const char *fuzz_path(const char *name);
void fuzz_put(const char *path, const void *data, size_t n);
_Noreturn void fuzz_fail(const char *fmt, ...);

#endif

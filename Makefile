# nn: neural networks from scratch as a Unix toolkit
.POSIX:
.SUFFIXES:
.SUFFIXES: .c .o

CC = cc
CFLAGS = -O3 -Wall -Wextra -pedantic
LDFLAGS =
LDLIBS = -lm -lpthread
AR = ar
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man

# C11 without contraction: numpy never fuses a*b+c, so neither may we.
# Without trapping maths and errno from maths functions (the results are
# the same bits; only exception flags and errno, which nn never reads, may
# differ) GCC turns branch-free selects into vector blends and sqrtf into
# vsqrtps, and loops such as the exp kernel's and Adam's vectorise.
NN_CFLAGS = -std=c11 -ffp-contract=off -fno-trapping-math -fno-math-errno \
	-D_POSIX_C_SOURCE=200809L -Ilib

LIBOBJ = lib/arg.o lib/backward.o lib/data.o lib/err.o lib/fmt.o lib/gemm.o \
	lib/idx.o lib/npy.o \
	lib/layer.o lib/loss.o lib/net.o lib/npmath.o lib/optim.o lib/parse.o \
	lib/plot.o lib/read.o lib/repr.o lib/rng.o lib/state.o lib/stream.o \
	lib/tensor.o lib/write.o
CMDS = nn-accuracy nn-argmax nn-dense nn-dot nn-dropout nn-idx nn-loss \
	nn-npy nn-optim nn-plot nn-relu nn-shape nn-sigmoid nn-sine \
	nn-softmax nn-spiral nn-split nn-step nn-tanh nn-train \
	nn-transpose nn-vertical
BIN = bin/nn-accuracy bin/nn-argmax bin/nn-dense bin/nn-dot \
	bin/nn-dropout bin/nn-idx bin/nn-loss bin/nn-npy bin/nn-optim \
	bin/nn-plot bin/nn-relu bin/nn-shape bin/nn-sigmoid bin/nn-sine \
	bin/nn-softmax bin/nn-spiral bin/nn-split bin/nn-step \
	bin/nn-tanh bin/nn-train bin/nn-transpose bin/nn-vertical
MAN1 = man/nn-accuracy.1 man/nn-argmax.1 man/nn-dense.1 man/nn-dot.1 \
	man/nn-dropout.1 man/nn-idx.1 man/nn-loss.1 man/nn-npy.1 \
	man/nn-optim.1 man/nn-plot.1 man/nn-relu.1 man/nn-shape.1 \
	man/nn-sigmoid.1 man/nn-sine.1 man/nn-softmax.1 man/nn-spiral.1 \
	man/nn-split.1 man/nn-step.1 man/nn-tanh.1 man/nn-train.1 \
	man/nn-transpose.1 man/nn-vertical.1
MAN7 = man/nn.7
UNIT = tests/unit/test-parse tests/unit/test-npmath tests/unit/test-lib \
	tests/unit/test-grad \
	tests/unit/test-gemm

all: $(BIN)

.c.o:
	$(CC) $(NN_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBOBJ): lib/nn.h

lib/libnn.a: $(LIBOBJ)
	rm -f $@
	$(AR) -rc $@ $(LIBOBJ)

bin/.dir:
	mkdir -p bin
	touch $@

bin/nn-accuracy: cmd/nn-accuracy.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-accuracy.c lib/libnn.a $(LDLIBS)
bin/nn-argmax: cmd/nn-argmax.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-argmax.c lib/libnn.a $(LDLIBS)
bin/nn-dense: cmd/nn-dense.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-dense.c lib/libnn.a $(LDLIBS)
bin/nn-dot: cmd/nn-dot.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-dot.c lib/libnn.a $(LDLIBS)
bin/nn-dropout: cmd/nn-dropout.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-dropout.c lib/libnn.a $(LDLIBS)
bin/nn-idx: cmd/nn-idx.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-idx.c lib/libnn.a $(LDLIBS)
bin/nn-npy: cmd/nn-npy.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-npy.c lib/libnn.a $(LDLIBS)
bin/nn-loss: cmd/nn-loss.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-loss.c lib/libnn.a $(LDLIBS)
bin/nn-optim: cmd/nn-optim.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-optim.c lib/libnn.a $(LDLIBS)
bin/nn-plot: cmd/nn-plot.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-plot.c lib/libnn.a $(LDLIBS)
bin/nn-relu: cmd/nn-relu.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-relu.c lib/libnn.a $(LDLIBS)
bin/nn-shape: cmd/nn-shape.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-shape.c lib/libnn.a $(LDLIBS)
bin/nn-sigmoid: cmd/nn-sigmoid.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-sigmoid.c lib/libnn.a $(LDLIBS)
bin/nn-sine: cmd/nn-sine.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-sine.c lib/libnn.a $(LDLIBS)
bin/nn-softmax: cmd/nn-softmax.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-softmax.c lib/libnn.a $(LDLIBS)
bin/nn-spiral: cmd/nn-spiral.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-spiral.c lib/libnn.a $(LDLIBS)
bin/nn-split: cmd/nn-split.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-split.c lib/libnn.a $(LDLIBS)
bin/nn-step: cmd/nn-step.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-step.c lib/libnn.a $(LDLIBS)
bin/nn-tanh: cmd/nn-tanh.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-tanh.c lib/libnn.a $(LDLIBS)
bin/nn-train: cmd/nn-train.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-train.c lib/libnn.a $(LDLIBS)
bin/nn-transpose: cmd/nn-transpose.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-transpose.c lib/libnn.a $(LDLIBS)
bin/nn-vertical: cmd/nn-vertical.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-vertical.c lib/libnn.a $(LDLIBS)

tests/unit/test-parse: tests/unit/test-parse.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-parse.c lib/libnn.a $(LDLIBS)
tests/unit/test-npmath: tests/unit/test-npmath.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-npmath.c lib/libnn.a $(LDLIBS)
tests/unit/test-gemm: tests/unit/test-gemm.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-gemm.c lib/libnn.a $(LDLIBS)
tests/unit/test-lib: tests/unit/test-lib.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-lib.c lib/libnn.a $(LDLIBS)
tests/unit/test-grad: tests/unit/test-grad.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-grad.c lib/libnn.a $(LDLIBS)
tests/unit/check-floats: tests/unit/check-floats.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/check-floats.c lib/libnn.a $(LDLIBS)

# every test; the last line is "N passed, N failed"
check: all $(UNIT)
	@sh tests/run.sh

# every float32 printed and read back (minutes; not part of check)
check-floats: tests/unit/check-floats
	tests/unit/check-floats

# the side-by-side table of bench/ (minutes; never fails the build)
bench: all
	-@sh bench/run.sh

lint:
	mandoc -T lint -W warning $(MAN1) $(MAN7)

demo: all
	@sh examples/demo.sh

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man7
	cp $(BIN) $(DESTDIR)$(PREFIX)/bin/
	cp $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f $(CMDS)
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f $(CMDS:=.1)
	rm -f $(DESTDIR)$(MANPREFIX)/man7/nn.7

clean:
	rm -rf bin lib/*.o lib/libnn.a $(UNIT) tests/unit/check-floats build-asan build-fuzz

.PHONY: all bench check check-floats lint demo install uninstall clean

# fuzzing with clang's libFuzzer (fuzz/README): lib/ built again with its
# exits and allocations hooked, each harness run FUZZ_SECONDS from its seeds
# in fuzz/corpus (what it learns goes to build-fuzz/corpus); a crash, leak,
# hang or mismatch fails, the input kept as build-fuzz/NAME-crash-*
FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_NAMES = read parse params state idx
FUZZ_SAN = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_HOOKS = -Dexit=nn_fuzz_exit -Dmalloc=nn_fuzz_malloc \
	-Drealloc=nn_fuzz_realloc -Dfree=nn_fuzz_free

fuzz:
	rm -rf build-fuzz/obj
	mkdir -p build-fuzz/obj
	for o in $(LIBOBJ); do \
		$(FUZZ_CC) $(NN_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
		    $(FUZZ_HOOKS) -c -o build-fuzz/obj/$${o#lib/} $${o%.o}.c \
		    || exit 1; \
	done
	$(FUZZ_CC) $(NN_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -c -o build-fuzz/obj/fuzz.o fuzz/fuzz.c
	for f in $(FUZZ_NAMES); do \
		$(FUZZ_CC) $(NN_CFLAGS) -Ifuzz $(FUZZ_SAN) -fsanitize=fuzzer \
		    -o build-fuzz/fuzz-$$f fuzz/fuzz-$$f.c build-fuzz/obj/*.o \
		    -lm || exit 1; \
	done
	for f in $(FUZZ_NAMES); do \
		mkdir -p build-fuzz/corpus/$$f; \
		echo "fuzz-$$f: $(FUZZ_SECONDS) s"; \
		build-fuzz/fuzz-$$f -max_total_time=$(FUZZ_SECONDS) \
		    -max_len=4096 -timeout=20 -print_final_stats=1 \
		    -artifact_prefix=build-fuzz/$$f- build-fuzz/corpus/$$f \
		    fuzz/corpus/$$f >build-fuzz/$$f.log 2>&1 || \
		    { tail -n 50 build-fuzz/$$f.log; exit 1; }; \
		grep '^stat::number_of_executed_units' build-fuzz/$$f.log; \
	done

# everything built again with ASan and UBSan in build-asan/ (bin/ stays),
# and the whole suite run on those commands; any sanitizer report fails.
# A command's blocks still held at exit are not leaks (the fuzzers check
# the readers for those), and a huge malloc returns NULL as libc's does.
ASAN_CC = clang
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

asan:
	rm -rf build-asan
	mkdir -p build-asan/tests/unit build-asan/log
	cp -R Makefile cmd lib build-asan/
	cp tests/unit/*.c build-asan/tests/unit/
	rm -f build-asan/lib/*.o build-asan/lib/*.a
	cd build-asan && $(MAKE) CC="$(ASAN_CC)" LDFLAGS="$(ASAN_FLAGS)" \
	    CFLAGS="$(ASAN_FLAGS) -Wall -Wextra -pedantic" all $(UNIT)
	log=$$PWD/build-asan/log; \
	ASAN_OPTIONS=log_path=$$log/asan:detect_leaks=0:allocator_may_return_null=1 \
	UBSAN_OPTIONS=log_path=$$log/ubsan:print_stacktrace=1 \
	NN_BIN=$$PWD/build-asan/bin sh tests/run.sh; st=$$?; \
	for f in $$log/*; do \
		[ -f "$$f" ] && grep -v -q 'WARNING: .* failed to allocate' \
		    "$$f" || continue; \
		echo "sanitizer report $$f:"; head -n 30 "$$f"; st=1; \
	done; \
	exit $$st

.PHONY: fuzz asan

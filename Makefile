# nn: neural networks from scratch as a Unix toolkit
.POSIX:
.SUFFIXES:
.SUFFIXES: .c .o

CC = cc
CFLAGS = -O2 -Wall -Wextra -pedantic
LDFLAGS =
LDLIBS = -lm
AR = ar
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man

# C11 without contraction: numpy never fuses a*b+c, so neither may we
NN_CFLAGS = -std=c11 -ffp-contract=off -D_POSIX_C_SOURCE=200809L -Ilib

LIBOBJ = lib/arg.o lib/data.o lib/err.o lib/fmt.o lib/layer.o lib/loss.o \
	lib/net.o lib/npmath.o lib/optim.o lib/parse.o lib/read.o lib/repr.o \
	lib/rng.o lib/stream.o lib/tensor.o lib/write.o
CMDS = nn-dense nn-dot nn-relu nn-shape nn-softmax nn-spiral nn-transpose
BIN = bin/nn-dense bin/nn-dot bin/nn-relu bin/nn-shape bin/nn-softmax \
	bin/nn-spiral bin/nn-transpose
MAN1 = man/nn-dense.1 man/nn-dot.1 man/nn-relu.1 man/nn-shape.1 \
	man/nn-softmax.1 man/nn-spiral.1 man/nn-transpose.1
MAN7 = man/nn.7
UNIT = tests/unit/test-parse tests/unit/test-npmath tests/unit/test-lib

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

bin/nn-dense: cmd/nn-dense.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-dense.c lib/libnn.a $(LDLIBS)
bin/nn-dot: cmd/nn-dot.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-dot.c lib/libnn.a $(LDLIBS)
bin/nn-relu: cmd/nn-relu.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-relu.c lib/libnn.a $(LDLIBS)
bin/nn-shape: cmd/nn-shape.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-shape.c lib/libnn.a $(LDLIBS)
bin/nn-softmax: cmd/nn-softmax.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-softmax.c lib/libnn.a $(LDLIBS)
bin/nn-spiral: cmd/nn-spiral.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-spiral.c lib/libnn.a $(LDLIBS)
bin/nn-transpose: cmd/nn-transpose.c lib/libnn.a bin/.dir
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ cmd/nn-transpose.c lib/libnn.a $(LDLIBS)

tests/unit/test-parse: tests/unit/test-parse.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-parse.c lib/libnn.a $(LDLIBS)
tests/unit/test-npmath: tests/unit/test-npmath.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-npmath.c lib/libnn.a $(LDLIBS)
tests/unit/test-lib: tests/unit/test-lib.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/test-lib.c lib/libnn.a $(LDLIBS)
tests/unit/check-floats: tests/unit/check-floats.c lib/libnn.a
	$(CC) $(NN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/check-floats.c lib/libnn.a $(LDLIBS) -lpthread

# every test; the last line is "N passed, N failed"
check: all $(UNIT)
	@sh tests/run.sh

# every float32 printed and read back (minutes; not part of check)
check-floats: tests/unit/check-floats
	tests/unit/check-floats

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
	rm -rf bin lib/*.o lib/libnn.a $(UNIT) tests/unit/check-floats

.PHONY: all check check-floats lint demo install uninstall clean

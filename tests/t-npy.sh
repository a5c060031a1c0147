# numpy's .npy wherever a tensor is read, nn-npy, and the reader's limits;
# the .npy files and what they read as come from tests/data/npy/gen.py
N=$D/npy

# every file numpy reads: its shape, its rows, its transpose
for f in "$N"/*.shape; do
	b=${f%.shape}
	n=${b##*/}
	t_file "npy $n: nn-shape prints numpy's shape" "$f" 'nn-shape "$b.npy"'
	t_file "npy $n: nn-shape reads stdin too" "$f" 'nn-shape <"$b.npy"'
	[ -f "$b.txt" ] || continue
	t_file "npy $n: nn-npy -r writes its rows" "$b.txt" 'nn-npy -r "$b.npy"'
	t_file "npy $n: nn-transpose is numpy's .T" "$b.T.txt" \
		'nn-transpose <"$b.npy"'
	nn-relu <"$b.txt" >"$T/npy-relu" 2>&1
	t_file "npy $n: nn-relu reads it as it reads the text" "$T/npy-relu" \
		'nn-relu <"$b.npy"'
done
t_eq "npy: a Fortran-order file with one long axis is C order" "1 2 3" \
	'nn-npy -r "$N/fortran-1d.npy"'

# every file that must fail: the message, the status, from a file or stdin
for f in "$N"/*.err; do
	b=${f%.err}
	n=${b##*/}
	t_err "npy $n: error" 1 "nn-shape: $b.npy$(cat "$f")" \
		'nn-shape "$b.npy"'
	t_err "npy $n: error on stdin" 1 "nn-relu: <stdin>$(cat "$f")" \
		'nn-relu <"$b.npy"'
done
t_eq "npy: the magic arriving in pieces on a pipe" "(2, 3)" \
	'{ head -c 3 "$N/f4-2x3.npy"; sleep 0.2; tail -c +4 "$N/f4-2x3.npy"; } |
	 nn-shape'
t_err "npy: almost the magic is text" 1 \
	"nn-shape: <stdin>:1:1: '$(printf '\223NUMPZ')' is not a number" \
	'printf "\223NUMPZ 1\n" | nn-shape'
printf '0.1 0 3.5\n' >"$T/npy-exp"
t_file "npy truncated: the complete rows come out" "$T/npy-exp" \
	'nn-relu <"$N/truncated.npy" 2>/dev/null; true'

# nn-npy writes what np.save writes
for n in f4-2x3 f4-3 f4-2x2x3 f4-2x2x1x3 f4-nan f4-spiral; do
	t_true "nn-npy: $n text to the bytes of np.save" \
		'nn-npy <"$N/$n.txt" | cmp - "$N/$n.npy"'
	t_file "nn-npy: $n text to .npy and back" "$N/$n.txt" \
		'nn-npy "$N/$n.txt" | nn-npy -r'
	t_file "nn-npy: $n text to float64 .npy and back" "$N/$n.txt" \
		'nn-npy -d f8 "$N/$n.txt" | nn-npy -r'
done
for n in f4-0d f4-1x3 f4-0x3 f4-2x0 f4-2x3 f4-2x2x1x3; do
	t_true "nn-npy: $n .npy in, the same bytes out" \
		'nn-npy <"$N/$n.npy" | cmp - "$N/$n.npy"'
done
for n in f4-v2 f4-v3 spelling; do
	t_true "nn-npy: $n rewritten as np.save writes it" \
		'nn-npy "$N/$n.npy" | cmp - "$N/f4-2x3.npy"'
done
t_true "nn-npy -d f8: the bytes of np.save of float64" \
	'nn-npy -d f8 <"$N/f4-2x3.txt" | cmp - "$N/f4-2x3.f8.npy"'
t_file "nn-npy: float64 in, float32 out" "$N/f8-8.txt" \
	'nn-npy "$N/f8-8.npy" | nn-npy -r'
t_file "nn-npy: int64 in, float32 out" "$N/i8-5.txt" \
	'nn-npy "$N/i8-5.npy" | nn-npy -r'
t_eq "nn-npy: brackets keep a matrix of one row" "(1, 3)" \
	'echo "[[1, 2, 3]]" | nn-npy | nn-shape'
t_eq "nn-npy: empty input is (0,)" "(0,)" 'nn-npy </dev/null | nn-shape'
t_file "nn-npy -r: text in is text out" "$N/f4-2x2x3.txt" \
	'nn-npy -r <"$N/f4-2x2x3.txt"'
echo 1 1 >"$T/npy-v"
t_eq "npy: a pipeline mixes .npy and text" "0 7" \
	'echo "[[1, -2], [3, 4]]" | nn-npy | nn-dot - "$T/npy-v" | nn-npy |
	 nn-relu'
t_err "nn-npy: bad input" 1 \
	"nn-npy: <stdin>:2:2: ragged row: 1 values, expected 2" \
	'printf "1 2\n3\n" | nn-npy'
t_true "nn-npy: nothing written on bad input" \
	'printf "1 2\n3\n" | nn-npy >"$T/npy-out" 2>/dev/null
	 [ $? -eq 1 ] && [ ! -s "$T/npy-out" ]'
t_err "nn-npy: a bad dtype" 2 "nn-npy: dtype must be f4 or f8: 'f2'
usage: nn-npy [-r] [-d f4|f8] [file]" 'nn-npy -d f2'
t_err "nn-npy: -d with -r" 2 "nn-npy: -d is for .npy output, not with -r
usage: nn-npy [-r] [-d f4|f8] [file]" 'nn-npy -r -d f8'
t_err "nn-npy: two files" 2 "usage: nn-npy [-r] [-d f4|f8] [file]" \
	'nn-npy a b'
t_err "nn-npy: a missing file" 1 "nn-npy: $T/none: No such file or directory" \
	'nn-npy "$T/none"'

# the reader's limits: NUL bytes, long lines, deep brackets, wide rows
{ printf "1 2\n3 "; head -c 1 /dev/zero; printf "4\n"; } >"$T/npy-nul"
t_err "NUL byte: an error" 1 "nn-relu: <stdin>:2: NUL byte in the text" \
	'nn-relu <"$T/npy-nul"'
t_eq "NUL byte: the rows before it come out" "1 2" \
	'nn-relu <"$T/npy-nul" 2>/dev/null; true'
if [ -c /dev/full ]; then
	t_err "NUL bytes without end (/dev/full): an error at once" 1 \
		"nn-argmax: <stdin>:1: NUL byte in the text" \
		'nn-argmax </dev/full'
fi
awk 'BEGIN { for (i = 0; i < 40; i++) printf "["; print "1" }' >"$T/npy-deep"
t_err "brackets nested deeper than 31" 1 \
	"nn-shape: <stdin>:1: more than 31 dimensions" 'nn-shape <"$T/npy-deep"'
awk 'BEGIN { for (i = 0; i < 31; i++) printf "["; printf "1";
	for (i = 0; i < 31; i++) printf "]"; print "" }' >"$T/npy-deep"
t_eq "brackets nested 31 deep" "($(printf '1, %.0s' $(seq 30))1)" \
	'nn-shape <"$T/npy-deep"'
awk 'BEGIN { print 1; for (i = 0; i < 30; i++) print ""; print 2 }' \
	>"$T/npy-deep"
t_err "blank lines for more than 31 dimensions" 1 \
	"nn-shape: <stdin>:32: more than 31 dimensions" \
	'nn-shape <"$T/npy-deep"'
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "%s%d.5", i ? " " : "",
	i % 1000 - 500; print "" }' >"$T/npy-wide"
t_eq "a row of a million columns" "(1000000,)" 'nn-shape "$T/npy-wide"'
t_true "a row of a million columns passes unchanged" \
	'nn-transpose "$T/npy-wide" | nn-transpose | cmp -s - "$T/npy-wide"'
t_true "a row of a million columns to .npy and back" \
	'nn-npy "$T/npy-wide" | nn-npy -r | cmp -s - "$T/npy-wide"'
# the 1 GiB line limit, built smaller (NN_LINE_MAX=100) to test it here
mkdir -p "$T/npy-bin"
if ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -DNN_LINE_MAX=100 -Ilib \
    -o "$T/npy-bin/nn-shape" cmd/nn-shape.c lib/read.c lib/npy.c lib/err.c \
    lib/parse.c lib/tensor.c lib/repr.c -lm 2>"$T/npy-cc.err"; then
	t_eq "a line of NN_LINE_MAX bytes" "(2,)" \
		'printf "1 %098d\n" 0 | "$T/npy-bin/nn-shape"'
	t_err "a line longer than NN_LINE_MAX" 1 \
		"nn-shape: <stdin>:2: line longer than 100 bytes" \
		'printf "1 2\n1 %099d\n" 0 | "$T/npy-bin/nn-shape"'
	t_err "a last line longer than NN_LINE_MAX, without a newline" 1 \
		"nn-shape: <stdin>:1: line longer than 100 bytes" \
		'printf "1 %099d" 0 | "$T/npy-bin/nn-shape"'
	t_err "an endless line stops at NN_LINE_MAX" 1 \
		"nn-shape: <stdin>:1: line longer than 100 bytes" \
		'yes 1 | tr -d "\n" | "$T/npy-bin/nn-shape"'
else
	bad "build nn-shape with NN_LINE_MAX=100" "$(cat "$T/npy-cc.err")"
fi

# nn-idx: IDX files to text; the files are made by tests/data/idx/gen.py
I=$D/idx
IU='usage: nn-idx [-fs] [-n count] [file]'
t_eq "idx: ubyte labels, one a line" "9
0
0
3
2" 'nn-idx "$I/labels.idx1-ubyte"'
t_eq "idx: labels on stdin" "9
0
0
3
2" 'nn-idx <"$I/labels.idx1-ubyte"'
t_eq "idx: - is stdin" "9
0" 'nn-idx -n 2 - <"$I/labels.idx1-ubyte"'
t_eq "idx: ubyte images, a blank line between items" "0 10 20 30
40 50 60 70
80 90 100 110

120 130 140 150
160 170 180 190
200 210 220 230" 'nn-idx "$I/images.idx3-ubyte"'
t_eq "idx: -f flattens an item to a row" \
	"0 10 20 30 40 50 60 70 80 90 100 110
120 130 140 150 160 170 180 190 200 210 220 230" \
	'nn-idx -f "$I/images.idx3-ubyte"'
t_eq "idx: -f on 1-D data changes nothing" "9
0
0
3
2" 'nn-idx -f "$I/labels.idx1-ubyte"'
t_eq "idx: a 4-D file as numpy prints it" "0 1
2 3

4 5
6 7


8 9
10 11

12 13
14 15" 'nn-idx "$I/cube.idx4-ubyte"'
t_eq "idx: shape of a 4-D file" "(2, 2, 2, 2)" \
	'nn-idx "$I/cube.idx4-ubyte" | nn-shape'
t_eq "idx: -f on a 4-D file" "0 1 2 3 4 5 6 7
8 9 10 11 12 13 14 15" 'nn-idx -f "$I/cube.idx4-ubyte"'
t_eq "idx: signed bytes (0x09)" "-128
-1
0
1
127" 'nn-idx "$I/byte.idx1"'
t_eq "idx: big-endian shorts (0x0b)" "-32768 -1 0
258 32767 1000" 'nn-idx "$I/short.idx2"'
t_eq "idx: big-endian ints (0x0c) rounded to float32" "-2147483600
-1
0
16909060
16777216
2147483600" 'nn-idx "$I/int.idx1"'
t_eq "idx: big-endian floats (0x0d), bit for bit" "0.1 -0 1e-45 1.5
inf -inf nan 3.4028235e+38" 'nn-idx "$I/float.idx2"'
t_eq "idx: big-endian doubles (0x0e) rounded to float32" "0.1
-0
0
0.33333334
3.4028235e+38
-inf" 'nn-idx "$I/double.idx1"'
t_file "idx: -s is numpy's (x.astype(float32) - 127.5) / 127.5, all 256" \
	"$I/scaled.txt" 'nn-idx -s "$I/bytes.idx2-ubyte"'
t_eq "idx: -s -f" "$(paste -s -d ' ' "$I/scaled.txt")" \
	'nn-idx -sf "$I/bytes.idx2-ubyte" | paste -s -d " " -'
t_eq "idx: -n takes the first items" "0 10 20 30 40 50 60 70 80 90 100 110" \
	'nn-idx -f -n 1 "$I/images.idx3-ubyte"'
t_eq "idx: -n 0 writes nothing" "" \
	'nn-idx -n 0 "$I/labels.idx1-ubyte"; echo'
t_eq "idx: -n beyond the items writes them all" "5" \
	'nn-idx -n 99 "$I/labels.idx1-ubyte" | wc -l | tr -d " "'
t_eq "idx: -n stops before a truncated item" "2" \
	'nn-idx -f -n 2 "$I/truncated.idx3-ubyte" | wc -l | tr -d " "'
t_true "idx: labels are targets for nn-accuracy" \
	'nn-idx "$I/labels.idx1-ubyte" >"$T/y" &&
	 printf "0 0 0 0 0 0 0 0 0 1\n1 0 0 0 0 0 0 0 0 0\n" >"$T/p" &&
	 printf "1 0 0 0 0 0 0 0 0 0\n0 0 0 1 0 0 0 0 0 0\n" >>"$T/p" &&
	 printf "0 0 1 0 0 0 0 0 0 0\n" >>"$T/p" &&
	 [ "$(nn-accuracy -y "$T/y" <"$T/p")" = 1.0 ]'

# errors
t_err "idx: bad magic" 1 \
	"nn-idx: $I/bad-magic.idx: bad magic 0x01 0x02: an IDX file starts 0x00 0x00" \
	'nn-idx "$I/bad-magic.idx"'
t_err "idx: a gzip file" 1 \
	"nn-idx: <stdin>: a gzip file, not an IDX file: gunzip it first (zcat file | nn-idx)" \
	'nn-idx <"$I/labels.idx1-ubyte.gz"'
t_eq "idx: zcat does the gunzip" "9 0 0 3 2" \
	'zcat <"$I/labels.idx1-ubyte.gz" | nn-idx | paste -s -d " " -'
t_err "idx: unknown type" 1 \
	"nn-idx: $I/unknown-type.idx: unknown element type 0x0a (known: 0x08 ubyte, 0x09 byte, 0x0b short, 0x0c int, 0x0d float, 0x0e double)" \
	'nn-idx "$I/unknown-type.idx"'
t_err "idx: no dimensions" 1 \
	"nn-idx: $I/no-dims.idx: the header has no dimensions" \
	'nn-idx "$I/no-dims.idx"'
t_err "idx: more than 32 dimensions" 1 \
	"nn-idx: $I/many-dims.idx: 33 dimensions, at most 32" \
	'nn-idx "$I/many-dims.idx"'
t_err "idx: an empty dimension" 1 \
	"nn-idx: $I/zero-dim.idx2: dimension 2 is 0: the items are empty" \
	'nn-idx "$I/zero-dim.idx2"'
t_err "idx: empty input" 1 \
	"nn-idx: $I/empty.idx: empty input, expected an IDX file" \
	'nn-idx "$I/empty.idx"'
t_err "idx: input ends in the magic" 1 \
	"nn-idx: <stdin>: the header ends after 1 of 4 bytes" \
	'printf "\000" | nn-idx'
t_err "idx: one bad byte" 1 \
	"nn-idx: <stdin>: bad magic 0x50: an IDX file starts 0x00 0x00" \
	'printf P | nn-idx'
t_err "idx: input ends in the dimensions" 1 \
	"nn-idx: $I/short-header.idx: the header ends after 10 of 16 bytes" \
	'nn-idx "$I/short-header.idx"'
t_err "idx: truncated data names the complete items" 1 \
	"nn-idx: <stdin>: truncated: 2 of the 3 items the header declares are complete" \
	'nn-idx -f <"$I/truncated.idx3-ubyte"'
t_eq "idx: truncated data: the complete items are written" \
	"$(nn-idx -f "$I/images.idx3-ubyte")" \
	'nn-idx -f "$I/truncated.idx3-ubyte" 2>/dev/null; :'
t_err "idx: trailing bytes" 1 \
	"nn-idx: $I/trailing.idx1-ubyte: 2 trailing bytes after the 5 items the header declares" \
	'nn-idx "$I/trailing.idx1-ubyte"'
t_err "idx: a double beyond float32" 1 \
	"nn-idx: $I/range.idx1: item 3: 1e+300 is beyond float32's range" \
	'nn-idx "$I/range.idx1"'
t_err "idx: missing file" 1 \
	"nn-idx: $T/none: No such file or directory" 'nn-idx "$T/none"'
t_err "idx: a folder" 1 "nn-idx: $I: Is a directory" 'nn-idx "$I"'
t_err "idx: full disk" 1 "nn-idx: <stdout>: No space left on device" \
	'nn-idx "$I/bytes.idx2-ubyte" >/dev/full'
t_err "idx: bad option" 2 "nn-idx: invalid option -- 'x'
$IU" 'nn-idx -x "$I/labels.idx1-ubyte"'
t_err "idx: bad count" 2 "nn-idx: count '-1' is out of range [0, 9223372036854775807]
$IU" 'nn-idx -n -1 "$I/labels.idx1-ubyte"'
t_err "idx: count not a number" 2 "nn-idx: count '1k' is not an integer
$IU" 'nn-idx -n 1k "$I/labels.idx1-ubyte"'
t_err "idx: two files" 2 "$IU" \
	'nn-idx "$I/labels.idx1-ubyte" "$I/labels.idx1-ubyte"'
t_eq "idx: -h" "$IU" 'nn-idx -h | head -n 1'
t_true "idx: --help lists each option" \
	'nn-idx --help >"$T/h" && grep -q "^  -f " "$T/h" &&
	 grep -q "^  -n count " "$T/h" && grep -q "^  -s " "$T/h"'

# the real data set, when Debian's dataset-fashion-mnist is installed
FM=/usr/share/datasets/fashion-mnist
if [ -r "$FM/t10k-labels-idx1-ubyte.gz" ] &&
    [ -r "$FM/t10k-images-idx3-ubyte.gz" ]; then
	t_eq "idx: Fashion-MNIST test labels: 10000, 1000 of each class" \
		"10000 10" \
		'zcat "$FM/t10k-labels-idx1-ubyte.gz" | nn-idx >"$T/fy" &&
		 printf "%s %s\n" "$(wc -l <"$T/fy" | tr -d " ")" \
		     "$(sort "$T/fy" | uniq -c | grep -c " 1000 ")"'
	t_eq "idx: Fashion-MNIST test images, 100 flattened" "(100, 784)" \
		'zcat "$FM/t10k-images-idx3-ubyte.gz" | nn-idx -f -n 100 |
		 nn-shape'
	t_eq "idx: Fashion-MNIST test images, 3 as blocks" "(3, 28, 28)" \
		'zcat "$FM/t10k-images-idx3-ubyte.gz" | nn-idx -s -n 3 |
		 nn-shape'
fi

# examples/fashion-mnist runs as written, on a miniature Fashion-MNIST
mkdir -p "$T/ex/fm"
cp examples/fashion-mnist/Makefile "$T/ex/fm/"
t_true "examples/fashion-mnist: convert, train, evaluate, name 3 images" \
	'cd "$T/ex/fm" && make -s NN="$top/bin" DATA="$I/fm" EPOCHS=2 \
	     BATCH=8 PREDICT=3 >../fm.out 2>&1 &&
	 grep -q "^epoch: 1, acc: 0\.[0-9]*, loss: " ../fm.out &&
	 grep -q "^test accuracy: [01]\.[0-9]*$" ../fm.out &&
	 [ "$(grep -Ec "^   [123]: [A-Z][-a-zA-Z/ ]* (right|wrong, it is .*)$" \
	     ../fm.out)" -eq 3 ] &&
	 grep -Eq "^   1: T-shirt/top  right|^   1: .* it is T-shirt/top$" \
	     ../fm.out &&
	 make -s clean && [ "$(ls)" = Makefile ]'
t_true "examples/fashion-mnist: without the data set, says what to install" \
	'cd "$T/ex/fm" && ! make -s NN="$top/bin" DATA="$T/none" \
	     >/dev/null 2>../fm.err &&
	 grep -qx "$T/none/train-images-idx3-ubyte.gz is missing: apt-get install dataset-fashion-mnist" \
	     ../fm.err && [ "$(ls)" = Makefile ]'

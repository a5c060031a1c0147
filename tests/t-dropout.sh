# nn-dropout: numpy's binomial(1, 1 - rate) masks, forward and backward
S=$R/train
OUSAGE="usage: nn-dropout -r rate [-s seed] [-j skip] [-k draws] -m maskfile
       nn-dropout -b maskfile [-r rate]"

t_true "dropout: the chapter 15 run's epoch-0 forward pass" \
	'nn-dropout -r 0.1 -j 620 -m "$T/mask" <"$S/ch10-step0.a1" >"$T/dy"'
t_file "dropout: the mask numpy drew after 300 + 128 + 192 normals" \
	"$S/dropout-epoch0.mask" 'sed 1d "$T/mask"'
t_eq "dropout: the mask file's first line holds the rate" \
	"# nn-dropout rate 0.1" 'sed 1q "$T/mask"'
# y = fl32(x * m / 0.9): 0 where m is 0, else within float32 rounding (of
# y, and of the shortest decimals awk reads)
t_true "dropout: y = x * mask / (1 - rate), rounded to float32" \
	'sed 1d "$T/mask" | paste -d " " "$S/ch10-step0.a1" - "$T/dy" |
	 awk "{ for (i = 1; i <= 64; i++) { m = \$(64 + i); y = \$(128 + i);
	   e = \$i * m / 0.9; d = y - e; if (d < 0) d = -d;
	   if ((m == 0 && y != 0) || d > 2^-22 * e) exit 1 } }"'
t_true "dropout -b: dY * mask / (1 - rate), rounded to float32" \
	'nn-dropout -b "$T/mask" <"$S/ch10-step0.da1" >"$T/dx" &&
	 sed 1d "$T/mask" | paste -d " " "$S/ch10-step0.da1" - "$T/dx" |
	 awk "{ for (i = 1; i <= 64; i++) { m = \$(64 + i); y = \$(128 + i);
	   e = \$i * m / 0.9; d = y - e; if (d < 0) d = -d;
	   if ((m == 0 && y != 0) || d > 2^-22 * (e < 0 ? -e : e)) exit 1 } }"'
t_file "dropout -b -r: numpy's own mask, without the rate line" "$T/dx" \
	'nn-dropout -b "$S/dropout-epoch0.mask" -r 0.1 <"$S/ch10-step0.da1"'
t_file "dropout -k: skip binomial draws (the first row's 64)" \
	"$T/mask-rest" \
	'sed 1,2d "$T/mask" >"$T/mask-rest";
	 sed 1d "$S/ch10-step0.a1" |
	 nn-dropout -r 0.1 -j 620 -k 64 -m "$T/mask2" >/dev/null &&
	 sed 1d "$T/mask2"'
t_file "dropout: -s 0 is the default" "$T/dy" \
	'nn-dropout -s 0 -r 0.1 -j 620 -m "$T/mask3" <"$S/ch10-step0.a1"'

# numpy: np.random.seed(s); np.random.randn(3); np.random.binomial(1,
# 1 - rate, 5); then np.random.binomial(1, 1 - rate, (2, 12))
for c in "0 0.5 0 1 1 1 1 0 0 0 1 1 1 1 1 0 1 0 1 0 1 1 0 0 1 0" \
    "3 0.7 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 1 1 0 1" \
    "1 0.2 0 1 1 1 1 1 1 0 0 1 1 0 0 1 1 1 0 1 1 0 1 1 1 1" \
    "0 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"; do
	set -- $c
	s=$1
	rt=$2
	shift 2
	t_eq "dropout -s $s -j 3 -k 5 -r $rt: numpy's draws" "$*" \
	    "printf '1 1 1 1 1 1 1 1 1 1 1 1\n%.0s' 1 2 |
	     nn-dropout -s $s -j 3 -k 5 -r $rt -m \"\$T/m\" >/dev/null &&
	     sed 1d \"\$T/m\" | paste -s -d ' ' -"
done
t_eq "dropout -r 0.3: kept values scaled by fl32(1 / 0.7)" \
	"1.4285715 0 -2.857143" \
	'echo 1 7 -2 | nn-dropout -s 5 -r 0.3 -m "$T/m"'
t_eq "dropout keeps blocks, in y and in the mask" "1.4285715 0

4.285714 0
# nn-dropout rate 0.3
1 0

1 0" 'printf "1 2\n\n3 4\n" | nn-dropout -s 5 -r 0.3 -m "$T/m" && cat "$T/m"'
t_eq "dropout -r 0: keeps everything" "1 -2 3" \
	'echo 1 -2 3 | nn-dropout -r 0 -m "$T/m"'
t_true "dropout: a mask of rate 0.3 to go back through" \
	'printf "1 2\n\n3 4\n" | nn-dropout -s 5 -r 0.3 -m "$T/m0" >/dev/null'
t_eq "dropout -b: the rate from the mask file, dY * mask / 0.7" "1.4285715 0

4.285714 0" 'printf "1 1\n\n3 4\n" | nn-dropout -b "$T/m0"'

# errors
t_err "dropout -b: numpy's mask has no rate line" 1 \
	"nn-dropout: $S/dropout-epoch0.mask: no '# nn-dropout rate' line: give -r rate" \
	'nn-dropout -b "$S/dropout-epoch0.mask" </dev/null'
t_err "dropout -b -r: disagrees with the mask file" 1 \
	"nn-dropout: $T/m0:1: the mask was drawn at rate 0.3, not 0.2" \
	'nn-dropout -b "$T/m0" -r 0.2 </dev/null'
t_file "dropout -b -r: agrees with the mask file" "$T/dm0" \
	'printf "1 1\n\n3 4\n" | nn-dropout -b "$T/m0" >"$T/dm0" &&
	 printf "1 1\n\n3 4\n" | nn-dropout -b "$T/m0" -r 0.3'
t_err "dropout -b: a mask from a pipe needs -r" 1 \
	"nn-dropout: $T/fifo: not a file, its rate cannot be read first: give -r rate" \
	'mkfifo "$T/fifo" && nn-dropout -b "$T/fifo" </dev/null'
t_eq "dropout -b -r: a mask from a pipe" "2 0" \
	'(echo 1 0 >"$T/fifo" &); echo 1 1 | nn-dropout -b "$T/fifo" -r 0.5'
t_err "dropout -b: a bad rate line" 1 \
	"nn-dropout: $T/mb:1: '1.5' is not a rate in [0, 1)" \
	'printf "# nn-dropout rate 1.5\n1 0\n" >"$T/mb";
	 nn-dropout -b "$T/mb" </dev/null'
t_err "dropout -b: a mask value not 0 or 1" 1 \
	"nn-dropout: $T/mv:2:2: mask value 0.5 is not 0 or 1" \
	'printf "1 0\n1 0.5\n" >"$T/mv"; printf "1 1\n1 1\n" |
	 nn-dropout -b "$T/mv" -r 0.5'
t_err "dropout -b: stdin has fewer rows" 1 \
	"nn-dropout: $T/m0:4: more rows than <stdin> (1)" \
	'echo 1 1 | nn-dropout -b "$T/m0"'
t_err "dropout -b: stdin has more rows" 1 \
	"nn-dropout: <stdin>:4: more rows than $T/m0 (2)" \
	'printf "1 1\n\n1 1\n1 1\n" | nn-dropout -b "$T/m0"'
t_err "dropout -b: rows of different lengths" 1 \
	"nn-dropout: <stdin>:1: row has 3 values, $T/m0:2 has 2" \
	'echo 1 1 1 | nn-dropout -b "$T/m0"'
t_err "dropout -b: blocks differ" 1 \
	"nn-dropout: <stdin>:2: blocks differ from $T/m0:4" \
	'printf "1 1\n1 1\n" | nn-dropout -b "$T/m0"'
t_err "dropout -b: unreadable mask file" 1 \
	"nn-dropout: $T/none: No such file or directory" \
	'nn-dropout -b "$T/none" </dev/null'
t_err "dropout -b: full disk" 1 \
	"nn-dropout: <stdout>: No space left on device" \
	'nn-dropout -b "$T/mask" <"$S/ch10-step0.da1" >/dev/full'
t_err "dropout: full disk" 1 "nn-dropout: <stdout>: No space left on device" \
	'mkdir "$T/md"; nn-dropout -r 0.1 -m "$T/md/m" <"$S/ch10-step0.a1" \
	    >/dev/full'
t_true "dropout: full disk leaves no mask file" '[ -z "$(ls "$T/md")" ]'
t_true "dropout: a data error leaves no mask file" \
	'printf "1 2\n3\n" | nn-dropout -r 0.1 -m "$T/md/m" >/dev/null 2>&1;
	 [ -z "$(ls "$T/md")" ]'
t_err "dropout: bad number" 1 "nn-dropout: <stdin>:2:1: 'x' is not a number" \
	'printf "1 2\nx 3\n" | nn-dropout -r 0.1 -m "$T/md/m"'
t_err "dropout: mask file in a missing folder" 1 \
	"nn-dropout: $T/none/m: No such file or directory" \
	'echo 1 | nn-dropout -r 0.1 -m "$T/none/m"'
t_err "dropout: no -m" 2 "nn-dropout: forward needs -r rate and -m maskfile
$OUSAGE" 'nn-dropout -r 0.1 </dev/null'
t_err "dropout: no -r" 2 "nn-dropout: forward needs -r rate and -m maskfile
$OUSAGE" 'nn-dropout -m "$T/m" </dev/null'
t_err "dropout: rate 1" 2 "nn-dropout: rate '1' is not a number in [0, 1)
$OUSAGE" 'nn-dropout -r 1 -m "$T/m" </dev/null'
t_err "dropout: negative rate" 2 "nn-dropout: rate '-0.1' is not a number in [0, 1)
$OUSAGE" 'nn-dropout -r -0.1 -m "$T/m" </dev/null'
t_err "dropout: rate not a number" 2 "nn-dropout: rate '0.1x' is not a number in [0, 1)
$OUSAGE" 'nn-dropout -r 0.1x -m "$T/m" </dev/null'
t_err "dropout: bad draws" 2 "nn-dropout: draws '-1' is out of range [0, 9223372036854775807]
$OUSAGE" 'nn-dropout -r 0.1 -k -1 -m "$T/m" </dev/null'
t_err "dropout: bad seed" 2 "nn-dropout: seed 'x' is not an integer in [0, 4294967295]
$OUSAGE" 'nn-dropout -r 0.1 -s x -m "$T/m" </dev/null'
t_err "dropout: mask to stdout" 2 "nn-dropout: maskfile must be a file: stdout is Y
$OUSAGE" 'nn-dropout -r 0.1 -m - </dev/null'
t_err "dropout -b: mask from stdin" 2 "nn-dropout: maskfile must be a file: stdin is dY
$OUSAGE" 'nn-dropout -b - </dev/null'
t_err "dropout -b: forward options" 2 "$OUSAGE" \
	'nn-dropout -b "$T/m0" -s 1 </dev/null'
t_err "dropout: operands" 2 "$OUSAGE" 'nn-dropout -r 0.1 -m "$T/m" x </dev/null'
t_err "dropout: bad option" 2 "nn-dropout: invalid option -- 'q'
$OUSAGE" 'nn-dropout -q </dev/null'
t_true "dropout --help prints the usage and the options" \
	'nn-dropout --help >"$T/h" && grep -q "^usage: nn-dropout -r rate" "$T/h" &&
	 grep -q "^  -k draws" "$T/h"'

# nn-loss, nn-accuracy, nn-argmax: epoch 0 of the reference runs, against numpy
y3=$R/spiral-100-3.y
p3=$R/train/ch10-step0.p
lu="usage: nn-loss [-b] [-s] [-t cce|bce|mse|mae] -y targets"
au="usage: nn-accuracy [-t categorical|binary|regression] [-p precision]"
au="$au -y targets"
awk '{ printf "%d %d %d\n", $1 == 0, $1 == 1, $1 == 2 }' "$y3" >"$T/oh3"
# the small case: 4 samples of 3, checked with numpy 1.24 in float32
printf '0.7 0.2 0.1\n0.1 0.5 0.4\n0.02 0.9 0.08\n0.3 0.3 0.4\n' >"$T/P"
printf '0\n1\n1\n0\n' >"$T/Py"
printf '0.5 0.25 0.125\n0.1 0.6 0.3\n0 1 0\n0.3 0.2 0.6\n' >"$T/PT"
printf '1 0 0\n0 1 1\n0 1 0\n1 1 0\n' >"$T/PB"

# nn-loss forward
t_file "loss: ch10 epoch 0 cce, bit for bit" "$R/train/ch10-step0.loss" \
	'nn-loss -y "$y3" <"$p3"'
t_file "loss: -t cce is the default" "$R/train/ch10-step0.loss" \
	'nn-loss -t cce -y "$y3" <"$p3"'
t_file "loss: one-hot targets give the same loss" "$R/train/ch10-step0.loss" \
	'nn-loss -y "$T/oh3" <"$p3"'
t_file "loss: class indices on one line (numpy's y, shape (300,))" \
	"$R/train/ch10-step0.loss" \
	'tr "\n" " " <"$y3" >"$T/yv"; nn-loss -y "$T/yv" <"$p3"'
t_file "loss: class indices in numpy's brackets" "$R/train/ch10-step0.loss" \
	'{ printf "["; tr "\n" " " <"$y3"; echo "]"; } >"$T/yb";
	 nn-loss -y "$T/yb" <"$p3"'
t_file "loss: bce epoch 0, bit for bit" "$R/train/bce-step0.loss" \
	'nn-loss -t bce -y "$R/train/spiral-100-2.y" <"$R/train/bce-step0.s"'
t_true "loss: mse of sine epoch 0 within a relative 1e-6 of numpy's float64" \
	'nn-loss -t mse -y "$R/train/sine.y" <"$R/train/sine-step0.out" |
	 paste -d " " - "$R/train/sine-step0.loss" |
	 awk "{ d = \$1 - \$2; if (d < 0) d = -d; if (d > 1e-6 * \$2) exit 1 }"'
t_eq "loss: cce of the small case (numpy 0.58978885)" "0.58978885" \
	'nn-loss -y "$T/Py" <"$T/P"'
t_eq "loss: mse of the small case (numpy 0.010827084)" "0.010827084" \
	'nn-loss -t mse -y "$T/PT" <"$T/P"'
t_eq "loss: mae of the small case (numpy 0.08125)" "0.08125" \
	'nn-loss -t mae -y "$T/PT" <"$T/P"'
t_eq "loss: bce of the small case (numpy 0.46064115)" "0.46064115" \
	'nn-loss -t bce -y "$T/PB" <"$T/P"'
t_eq "loss: clipped at 1e-7, as nnfs" "16.118095" \
	'printf "0\n" >"$T/y0"; echo "0 1" | nn-loss -y "$T/y0"'

# nn-loss backward
t_file "loss -b -s: ch10 epoch 0 softmax + cce gradient" \
	"$R/train/ch10-step0.dz2" 'nn-loss -b -s -y "$y3" <"$p3"'
t_file "loss -b: ch10 epoch 0 cce gradient, -0 off the class" \
	"$R/train/ch10-step0.dp" 'nn-loss -b -y "$y3" <"$p3"'
t_file "loss -b -s: one-hot targets give the same" "$R/train/ch10-step0.dz2" \
	'nn-loss -b -s -y "$T/oh3" <"$p3"'
t_file "loss -b: one-hot targets give the same" "$R/train/ch10-step0.dp" \
	'nn-loss -b -y "$T/oh3" <"$p3"'
t_file "loss -b -t bce: bce epoch 0 gradient" "$R/train/bce-step0.ds" \
	'nn-loss -b -t bce -y "$R/train/spiral-100-2.y" <"$R/train/bce-step0.s"'
t_true "loss -b -t mse: sine epoch 0 within a relative 1e-6 of numpy float64" \
	'nn-loss -b -t mse -y "$R/train/sine.y" <"$R/train/sine-step0.out" |
	 paste -d " " - "$R/train/sine-step0.dout" | awk "{ d = \$1 - \$2;
	   m = \$2 < 0 ? -\$2 : \$2; if (d < 0) d = -d;
	   if (d > 1e-6 * m) exit 1 }
	   END { if (NR != 1000) exit 1 }"'
t_eq "loss -b -t mse: the small case (numpy)" \
"0.03333333 -0.008333333 -0.0041666664
-0 -0.016666671 0.016666666
0.0033333332 -0.016666671 0.013333333
-0 0.016666668 -0.033333335" 'nn-loss -b -t mse -y "$T/PT" <"$T/P"'
t_eq "loss -b -t mae: the small case, sign(p - t), sign(0) is 0" \
"0.083333336 -0.083333336 -0.083333336
0 -0.083333336 0.083333336
0.083333336 -0.083333336 0.083333336
0 0.083333336 -0.083333336" 'nn-loss -b -t mae -y "$T/PT" <"$T/P"'
t_eq "loss -b keeps blocks" "-0.25 0.25

0.125 -0.125" \
	'printf "0\n1\n" >"$T/y01"; printf "0.5 0.5\n\n0.25 0.75\n" |
	 nn-loss -b -s -y "$T/y01"'

# nn-loss errors
t_err "loss: fewer predictions than targets" 1 \
	"nn-loss: <stdin>: 299 rows of predictions for 300 targets in $y3" \
	'head -n 299 "$p3" | nn-loss -y "$y3"'
t_err "loss -b: more predictions than targets" 1 \
	"nn-loss: <stdin>: 302 rows of predictions for 300 targets in $y3" \
	'{ cat "$p3"; echo 1 0 0; echo 0 1 0; } |
	 nn-loss -b -y "$y3" >/dev/null'
t_err "loss: class index out of range" 1 \
	"nn-loss: $T/yr:2:1: class index '3' is not in [0, 3)" \
	'printf "0\n3\n" >"$T/yr"; printf "1 0 0\n0 1 0\n" | nn-loss -y "$T/yr"'
t_err "loss: negative class index, lines counted past a comment" 1 \
	"nn-loss: $T/yr:2:1: class index '-1' is not in [0, 3)" \
	'printf "# y\n-1\n" >"$T/yr"; echo 1 0 0 | nn-loss -y "$T/yr"'
t_err "loss: class index not an integer" 1 \
	"nn-loss: $T/yr:2:1: class index '1.5' is not an integer" \
	'printf "0\n1.5\n" >"$T/yr";
	 printf "1 0 0\n0 1 0\n" | nn-loss -y "$T/yr"'
t_err "loss: a bad index on one line names its field" 1 \
	"nn-loss: $T/yr:1:3: class index '5' is not in [0, 3)" \
	'echo 0 1 5 >"$T/yr";
	 printf "1 0 0\n0 1 0\n1 0 0\n" | nn-loss -y "$T/yr"'
t_err "loss: one-hot rows narrower than the predictions" 1 \
	"nn-loss: <stdin>:1: row has 3 values, the targets in $T/yw have 2" \
	'printf "1 0\n0 1\n" >"$T/yw";
	 printf "1 0 0\n0 1 0\n" | nn-loss -y "$T/yw"'
t_err "loss: mse targets of another width" 1 \
	"nn-loss: <stdin>:2: row has 3 values, the targets in $T/yw have 2" \
	'printf "1 0\n0 1\n" >"$T/yw"; printf "# p\n1 0 0\n0 1 0\n" |
	 nn-loss -t mse -y "$T/yw"'
t_err "loss: a bad number in the predictions" 1 \
	"nn-loss: <stdin>:2:3: 'x' is not a number" \
	'printf "1 0 0\n0 1 x\n" | nn-loss -y "$T/y01"'
t_err "loss: a bad number in the targets" 1 \
	"nn-loss: $T/yx:2:1: 'one' is not a number" \
	'printf "0\none\n" >"$T/yx"; nn-loss -y "$T/yx" </dev/null'
t_err "loss: empty targets" 1 "nn-loss: /dev/null: no targets" \
	'nn-loss -y /dev/null </dev/null'
t_err "loss: missing targets" 1 \
	"nn-loss: $T/none: No such file or directory" \
	'nn-loss -y "$T/none" </dev/null'
t_err "loss: -s without -b" 2 "nn-loss: -s needs -b
$lu" 'nn-loss -s -y "$y3" <"$p3"'
t_err "loss: -s with mse" 2 "nn-loss: -s needs -t cce
$lu" 'nn-loss -b -s -t mse -y "$y3" <"$p3"'
t_err "loss: unknown -t" 2 "nn-loss: unknown loss 'hinge'
$lu" 'nn-loss -t hinge -y "$y3" <"$p3"'
t_err "loss: missing -y" 2 "$lu" 'nn-loss <"$p3"'
t_err "loss: an operand" 2 "$lu" 'nn-loss -y "$y3" extra <"$p3"'
t_err "loss: targets on stdin" 2 \
	"nn-loss: the targets cannot be stdin, which holds the predictions
$lu" 'nn-loss -y - <"$p3"'
t_err "loss: bad option" 2 "nn-loss: invalid option -- 'q'
$lu" 'nn-loss -q -y "$y3" <"$p3"'
t_err "loss: full disk" 1 "nn-loss: <stdout>: No space left on device" \
	'nn-loss -y "$y3" <"$p3" >/dev/full'
t_err "loss -b: full disk" 1 "nn-loss: <stdout>: No space left on device" \
	'nn-loss -b -s -y "$y3" <"$p3" >/dev/full'
t_true "loss -h prints the usage and options to stdout" \
	'nn-loss -h >"$T/h" && grep -qxF "$lu" "$T/h" && grep -q "^  -s" "$T/h"'
t_true "loss --help exits 0" 'nn-loss --help | grep -q "^  -b"'

# nn-accuracy
t_eq "accuracy: ch10 epoch 0 is 0.36, as ch10-adam.log" \
	"$(sed -n "1s/.*acc: \([^,]*\),.*/\1/p" "$R/train/ch10-adam.log")" \
	'nn-accuracy -y "$y3" <"$p3"'
t_eq "accuracy: one-hot targets give the same" "0.36" \
	'nn-accuracy -t categorical -y "$T/oh3" <"$p3"'
t_eq "accuracy: binary of bce epoch 0 is 0.5, as bce.log" \
	"$(sed -n "1s/.*acc: \([^,]*\),.*/\1/p" "$R/train/bce.log")" \
	'nn-accuracy -t binary -y "$R/train/spiral-100-2.y" \
	     <"$R/train/bce-step0.s"'
t_eq "accuracy: regression of sine epoch 0 is 0.003, as sine.log" \
	"$(sed -n "1s/.*acc: \([^,]*\),.*/\1/p" "$R/train/sine.log")" \
	'nn-accuracy -t regression -y "$R/train/sine.y" \
	     <"$R/train/sine-step0.out"'
t_eq "accuracy: the small case (numpy)" "0.75
0.6666666666666666
0.16666666666666666
0.8333333333333334" 'nn-accuracy -y "$T/Py" <"$T/P";
	 nn-accuracy -t binary -y "$T/PB" <"$T/P";
	 nn-accuracy -t regression -y "$T/PT" <"$T/P";
	 nn-accuracy -t regression -p 0.15 -y "$T/PT" <"$T/P"'
t_eq "accuracy: 29 of 30 prints as Python does" "0.9666666666666667" \
	'awk "BEGIN { for (i = 0; i < 30; i++) print (i ? 0 : 1) }" >"$T/y30";
	 awk "BEGIN { for (i = 0; i < 30; i++) print \"0.6 0.4\" }" |
	 nn-accuracy -y "$T/y30"'
t_eq "accuracy: all right is 1.0, first index on ties" "1.0" \
	'printf "0\n1\n" >"$T/yt";
	 printf "1 1\n0 nan\n" | nn-accuracy -y "$T/yt"'
t_err "accuracy: fewer predictions than targets" 1 \
	"nn-accuracy: <stdin>: 2 rows of predictions for 4 targets in $T/Py" \
	'head -n 2 "$T/P" | nn-accuracy -y "$T/Py"'
t_err "accuracy: class index out of range" 1 \
	"nn-accuracy: $T/yr:1:1: class index '3' is not in [0, 3)" \
	'echo 3 >"$T/yr"; echo 1 0 0 | nn-accuracy -y "$T/yr"'
t_err "accuracy: binary targets of another width" 1 \
	"nn-accuracy: <stdin>:1: row has 2 values, the targets in $T/PB have 3" \
	'printf "1 0\n" | nn-accuracy -t binary -y "$T/PB"'
t_err "accuracy: -p without regression" 2 "nn-accuracy: -p needs -t regression
$au" 'nn-accuracy -p 0.1 -y "$T/Py" <"$T/P"'
t_err "accuracy: negative precision" 2 "nn-accuracy: precision '-1' is negative
$au" 'nn-accuracy -t regression -p -1 -y "$T/PT" <"$T/P"'
t_err "accuracy: precision not a number" 2 \
	"nn-accuracy: precision 'x' is not a finite number
$au" 'nn-accuracy -t regression -p x -y "$T/PT" <"$T/P"'
t_err "accuracy: unknown -t" 2 "nn-accuracy: unknown kind 'sparse'
$au" 'nn-accuracy -t sparse -y "$T/Py" <"$T/P"'
t_err "accuracy: missing -y" 2 "$au" 'nn-accuracy <"$T/P"'
t_err "accuracy: targets on stdin" 2 \
	"nn-accuracy: the targets cannot be stdin, which holds the predictions
$au" 'nn-accuracy -y - <"$T/P"'
t_err "accuracy: bad option" 2 "nn-accuracy: invalid option -- 'b'
$au" 'nn-accuracy -b -y "$T/Py" <"$T/P"'
t_err "accuracy: full disk" 1 "nn-accuracy: <stdout>: No space left on device" \
	'nn-accuracy -y "$T/Py" <"$T/P" >/dev/full'
t_true "accuracy -h prints the usage and options to stdout" \
	'nn-accuracy -h >"$T/h" && grep -qxF "$au" "$T/h" &&
	 grep -q "^  -p" "$T/h"'

# nn-argmax
t_eq "argmax: first on ties, nan is the largest, -0 ties 0" "1
2
0
1" 'printf "1 3 3\n-inf -inf 0\n-0 0 -1\n1 nan 9\n" | nn-argmax'
t_eq "argmax: a vector, then a 3-D tensor in brackets, blocks kept" "2
1
0

1
0" 'echo "1 2 3" | nn-argmax;
	 echo "[[[1, 2], [3, 1]], [[0, 5], [2, 2]]]" | nn-argmax'
t_eq "argmax: ch10 epoch 0 has a row for each of the 300 labels" "300" \
	'nn-argmax <"$p3" | wc -l | tr -d " "'
t_eq "argmax: ch10 epoch 0 agrees with 108 labels (0.36 x 300)" "108" \
	'nn-argmax <"$p3" | paste -d " " - "$y3" | awk "\$1 == \$2" | wc -l |
	 tr -d " "'
t_eq "argmax as targets: accuracy 1.0" "1.0" \
	'nn-argmax <"$p3" >"$T/am"; nn-accuracy -y "$T/am" <"$p3"'
t_err "argmax: an empty row" 1 \
	"nn-argmax: <stdin>:1: attempt to get argmax of an empty sequence" \
	'echo "[[]]" | nn-argmax'
t_err "argmax: a ragged row" 1 \
	"nn-argmax: <stdin>:2:2: ragged row: 1 values, expected 2" \
	'printf "1 2\n3\n" | nn-argmax'
t_err "argmax: takes no operands" 2 "usage: nn-argmax" 'nn-argmax x </dev/null'
t_err "argmax: bad option" 2 "nn-argmax: invalid option -- 'x'
usage: nn-argmax" 'nn-argmax -x </dev/null'
t_err "argmax: full disk" 1 "nn-argmax: <stdout>: No space left on device" \
	'nn-argmax <"$p3" >/dev/full'
t_true "argmax --help prints the usage to stdout" \
	'nn-argmax --help | grep -q "^usage: nn-argmax$"'

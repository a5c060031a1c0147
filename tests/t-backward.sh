# backward modes (-b) of nn-dense, nn-relu, nn-softmax, nn-sigmoid, nn-tanh,
# and nn-step: against numpy's epoch 0 of tests/ref/train (see its README)
S=$R/train
DUSAGE="usage: nn-dense [-s seed] [-j skip] [-w scale] [-p params] [-o file] [n_inputs] n_neurons
       nn-dense -b fwd_input -p params -g grads [-r reg]"

# chapter 10: Dense(2, 64), ReLU, Dense(64, 3), softmax + cce
t_file "ch10: dense forward of the initial params" "$S/ch10-step0.z1" \
	'nn-dense -p "$S/ch10-step0.p1" <"$R/spiral-100-3.X"'
t_file "ch10: dense2 -b gives dinputs" "$S/ch10-step0.da1" \
	'nn-dense -b "$S/ch10-step0.a1" -p "$S/ch10-step0.p2" -g "$T/g2" \
	    <"$S/ch10-step0.dz2"'
t_file "ch10: dense2 -b gives [dweights; dbiases]" "$S/ch10-step0.g2" \
	'cat "$T/g2"'
t_file "ch10: relu -b" "$S/ch10-step0.dz1" \
	'nn-relu -b "$S/ch10-step0.z1" <"$S/ch10-step0.da1"'
t_file "ch10: dense1 -b gives [dweights; dbiases]" "$S/ch10-step0.g1" \
	'nn-dense -b "$R/spiral-100-3.X" -p "$S/ch10-step0.p1" -g "$T/g1" \
	    <"$S/ch10-step0.dz1" >/dev/null && cat "$T/g1"'
t_file "ch10: the whole backward pipeline" "$S/ch10-step0.g1" \
	'nn-dense -b "$S/ch10-step0.a1" -p "$S/ch10-step0.p2" -g "$T/g2" \
	    <"$S/ch10-step0.dz2" | nn-relu -b "$S/ch10-step0.z1" |
	 nn-dense -b "$R/spiral-100-3.X" -p "$S/ch10-step0.p1" -g "$T/g1" \
	    >/dev/null && cat "$T/g1"'
t_file "softmax -b: the book's per-sample Jacobian" "$S/softmax-back.out" \
	'nn-softmax -b "$S/ch10-step0.p" <"$S/ch10-step0.dp"'

# chapter 16: Dense(2, 64, l2 5e-4), ReLU, Dense(64, 1), sigmoid, bce
t_true "bce: the initial params after spiral_data(100, 2)" \
	'nn-dense -j 200 -w 0.01 -o "$T/b1" 2 64 </dev/null &&
	 nn-dense -j 328 -w 0.01 -o "$T/b2" 64 1 </dev/null &&
	 nn-dense -p "$T/b1" <"$S/spiral-100-2.X" >"$T/bz1" &&
	 nn-relu <"$T/bz1" >"$T/ba1"'
t_file "bce: the forward pass gives the sigmoid output" "$S/bce-step0.s" \
	'nn-dense -p "$T/b2" <"$T/ba1" | nn-sigmoid'
t_file "bce: sigmoid -b" "$S/bce-step0.dz2" \
	'nn-sigmoid -b "$S/bce-step0.s" <"$S/bce-step0.ds"'
t_file "bce: one output, its bias gradient summed pairwise" \
	"$S/bce-step0.g2" \
	'nn-dense -b "$T/ba1" -p "$T/b2" -g "$T/bg2" <"$S/bce-step0.dz2" \
	    >"$T/bda1" && cat "$T/bg2"'
t_file "bce: dense1 -b with -r l2=5e-4" "$S/bce-step0.g1" \
	'nn-relu -b "$T/bz1" <"$T/bda1" |
	 nn-dense -b "$S/spiral-100-2.X" -p "$T/b1" -g "$T/bg1" -r l2=5e-4 \
	    >/dev/null && cat "$T/bg1"'
t_file "bce: l2w=..:l2b=.. is l2=.." "$S/bce-step0.g1" \
	'nn-relu -b "$T/bz1" <"$T/bda1" |
	 nn-dense -b "$S/spiral-100-2.X" -p "$T/b1" -g "$T/bg1" \
	    -r l2w=5e-4:l2b=5e-4 >/dev/null && cat "$T/bg1"'

# a small layer worked by hand: every value exact in binary
printf '1 -2\n0.5 0\n0.25 -1\n' >"$T/hp"
printf '1 2\n3 -1\n' >"$T/hx"
printf '1 0\n0.5 2\n' >"$T/hdz"
t_eq "dense -b: dX = dZ . W^T" "1 0.5
-3.5 0.25" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" <"$T/hdz"'
t_eq "dense -b: dW = X^T . dZ, db = sum of dZ's rows" "2.5 6
1.5 -2
1.5 2" 'cat "$T/hg"'
t_eq "dense -b -r l1=0.5: + 0.5 sign(p), sign(0) = 1" "3 5.5
2 -1.5
2 1.5" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l1=0.5 <"$T/hdz" \
	    >/dev/null && cat "$T/hg"'
t_eq "dense -b -r l2=0.25: + 2 0.25 p" "3 5
1.75 -2
1.625 1.5" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l2=0.25 <"$T/hdz" \
	    >/dev/null && cat "$T/hg"'
t_eq "dense -b -r l1w=0.5: the weights only" "3 5.5
2 -1.5
1.5 2" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l1w=0.5 <"$T/hdz" \
	    >/dev/null && cat "$T/hg"'
t_eq "dense -b -r l2b=..:l1b=..: the biases only" "2.5 6
1.5 -2
2.125 1" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l2b=0.25:l1b=0.5 \
	    <"$T/hdz" >/dev/null && cat "$T/hg"'
t_eq "dense -b keeps blocks" "1 0.5

-3.5 0.25" 'printf "1 2\n\n3 -1\n" >"$T/hx3";
	 printf "1 0\n\n0.5 2\n" | nn-dense -b "$T/hx3" -p "$T/hp" -g "$T/hg"'
t_eq "dense -b: no rows, the gradient is the reg terms only" "0.5 -1
0.25 0
0.125 -0.5" 'nn-dense -b /dev/null -p "$T/hp" -g "$T/hg" -r l2=0.25 \
	    </dev/null && cat "$T/hg"'

# dense -b: errors
t_err "dense -b: stdin has fewer rows than fwd_input" 1 \
	"nn-dense: $T/hx:2: more rows than <stdin> (1)" \
	'echo 1 0 | nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg"'
t_err "dense -b: stdin has more rows than fwd_input" 1 \
	"nn-dense: <stdin>:3: more rows than $T/hx (2)" \
	'printf "1 0\n1 1\n1 1\n" | nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg"'
t_err "dense -b: dZ row of the wrong length" 1 \
	"nn-dense: <stdin>:1: row has 3 values, expected 2 (n_neurons)" \
	'printf "1 0 1\n1 1 1\n" | nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg"'
t_err "dense -b: X row of the wrong length" 1 \
	"nn-dense: $T/hx1:1: row has 1 values, expected 2 (n_inputs)" \
	'printf "1\n2\n" >"$T/hx1";
	 nn-dense -b "$T/hx1" -p "$T/hp" -g "$T/hg" <"$T/hdz"'
t_err "dense -b: blocks differ" 1 \
	"nn-dense: <stdin>:3: blocks differ from $T/hx:2" \
	'printf "1 0\n\n0.5 2\n" | nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg"'
t_err "dense -b: bad number in dZ" 1 \
	"nn-dense: <stdin>:2:2: 'x' is not a number" \
	'printf "1 0\n1 x\n" | nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg"'
t_true "dense -b: a data error leaves no grads file" \
	'mkdir "$T/gd"; printf "1 0\n1\n" |
	 nn-dense -b "$T/hx" -p "$T/hp" -g "$T/gd/g" >/dev/null 2>&1;
	 [ -z "$(ls "$T/gd")" ]'
t_err "dense -b: unreadable fwd_input" 1 \
	"nn-dense: $T/none: No such file or directory" \
	'nn-dense -b "$T/none" -p "$T/hp" -g "$T/hg" <"$T/hdz"'
t_err "dense -b: unreadable params" 1 \
	"nn-dense: $T/none: No such file or directory" \
	'nn-dense -b "$T/hx" -p "$T/none" -g "$T/hg" <"$T/hdz"'
t_err "dense -b: grads in a missing folder, nothing written" 1 \
	"nn-dense: $T/none/g: No such file or directory" \
	'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/none/g" <"$T/hdz"'
t_err "dense -b: full disk" 1 "nn-dense: <stdout>: No space left on device" \
	'nn-dense -b "$S/ch10-step0.a1" -p "$S/ch10-step0.p2" -g "$T/gd/g" \
	    <"$S/ch10-step0.dz2" >/dev/full'
t_true "dense -b: full disk leaves no grads file" '[ -z "$(ls "$T/gd")" ]'
t_err "dense -b without -g" 2 "nn-dense: -b needs -p params and -g grads
$DUSAGE" 'nn-dense -b "$T/hx" -p "$T/hp" <"$T/hdz"'
t_err "dense -b without -p" 2 "nn-dense: -b needs -p params and -g grads
$DUSAGE" 'nn-dense -b "$T/hx" -g "$T/hg" <"$T/hdz"'
t_err "dense: -g without -b" 2 "nn-dense: -g and -r go with -b
$DUSAGE" 'nn-dense -p "$T/hp" -g "$T/hg" <"$T/hx"'
t_err "dense: -r without -b" 2 "nn-dense: -g and -r go with -b
$DUSAGE" 'nn-dense -p "$T/hp" -r l2=1 <"$T/hx"'
t_err "dense -b: operands" 2 "$DUSAGE" \
	'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" 2 2 <"$T/hdz"'
t_err "dense -b: -o" 2 "$DUSAGE" \
	'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -o "$T/o" <"$T/hdz"'
t_err "dense -b: fwd_input on stdin" 2 \
	"nn-dense: fwd_input must be a file: stdin is dZ
$DUSAGE" 'nn-dense -b - -p "$T/hp" -g "$T/hg" <"$T/hdz"'
t_err "dense -b: unknown reg word" 2 \
	"nn-dense: reg 'l3=1' is not l1, l2, l1w, l1b, l2w or l2b = a strength >= 0
$DUSAGE" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l2=1:l3=1 <"$T/hdz"'
t_err "dense -b: negative reg" 2 \
	"nn-dense: reg 'l2=-1' is not l1, l2, l1w, l1b, l2w or l2b = a strength >= 0
$DUSAGE" 'nn-dense -b "$T/hx" -p "$T/hp" -g "$T/hg" -r l2=-1 <"$T/hdz"'
t_true "dense -h shows both forms and -b" \
	'nn-dense -h >"$T/h" && grep -q "^       nn-dense -b fwd_input" "$T/h" &&
	 grep -q "^  -g grads" "$T/h"'

# the element-wise activations and softmax
t_eq "relu -b: 0 where x <= 0 (-0 too), dY elsewhere (nan too)" \
	"0 0 0 5 7" \
	'echo "-1 0 -0 2 nan" >"$T/rx"; echo 1 2 3 5 7 | nn-relu -b "$T/rx"'
t_eq "sigmoid -b: dY (1 - y) y" "0.25 -0.1875" \
	'echo 0.5 0.25 >"$T/sy"; echo 1 -1 | nn-sigmoid -b "$T/sy"'
t_eq "tanh -b: dY (1 - y^2)" "1.5 0 -0.75" \
	'echo 0.5 1 -0.5 >"$T/ty"; echo 2 3 -1 | nn-tanh -b "$T/ty"'
t_eq "softmax -b: a uniform gradient gives 0" "0 0" \
	'echo 0.5 0.5 >"$T/sm"; echo 1 1 | nn-softmax -b "$T/sm"'
t_eq "softmax -b: J . dY for s = (0.5, 0.5)" "0.25 -0.25" \
	'echo 1 0 | nn-softmax -b "$T/sm"'
t_eq "tanh: 0, -0, inf, -inf, nan" "0 -0 1 -1 nan" \
	'echo 0 -0 inf -inf nan | nn-tanh'
t_true "tanh: within 3 ulp of tanh over [-4, 4]" \
	'awk "BEGIN { for (i = -400; i <= 400; i++) print i / 100 }" |
	 nn-tanh | awk "{ x = (NR - 401) / 100; e = exp(2 * x);
	   t = (e - 1) / (e + 1); d = \$1 - t; if (d < 0) d = -d;
	   if (d > 3 * 2^-23 * (t < 0 ? -t : t)) exit 1 }"'
t_file "sigmoid: numpy's exp, 1 / (1 + exp(-x))" "$S/bce-step0.s" \
	'nn-dense -p "$T/b2" <"$T/ba1" | nn-sigmoid'
t_eq "sigmoid: 0, large, small, inf" "0.5 1 0 1 0" \
	'echo 0 100 -200 inf -inf | nn-sigmoid'
t_eq "step: 1 where x > 0, else 0" "0 0 0 1 1 0" \
	'echo -1 0 -0 0.5 inf nan | nn-step'
t_eq "step keeps blocks" "1

0" 'printf "2\n\n-2\n" | nn-step'

for c in relu sigmoid tanh softmax; do
	case $c in
	relu) w=fwd_input ;;
	*) w=fwd_output ;;
	esac
	t_err "$c -b: stdin has fewer rows" 1 \
		"nn-$c: $T/f2:2: more rows than <stdin> (1)" \
		"printf '1 2\n3 4\n' >\"\$T/f2\"; echo 1 1 | nn-$c -b \"\$T/f2\""
	t_err "$c -b: stdin has more rows" 1 \
		"nn-$c: <stdin>:3: more rows than $T/f2 (2)" \
		"printf '1 1\n1 1\n1 1\n' | nn-$c -b \"\$T/f2\""
	t_err "$c -b: rows of different lengths" 1 \
		"nn-$c: <stdin>:1: row has 3 values, $T/f2:1 has 2" \
		"printf '1 1 1\n1 1 1\n' | nn-$c -b \"\$T/f2\""
	t_err "$c -b: blocks differ" 1 \
		"nn-$c: <stdin>:3: blocks differ from $T/f2:2" \
		"printf '1 1\n\n1 1\n' | nn-$c -b \"\$T/f2\""
	t_err "$c -b: bad number in the forward file" 1 \
		"nn-$c: $T/fx:1:2: 'y' is not a number" \
		"echo 1 y >\"\$T/fx\"; echo 1 1 | nn-$c -b \"\$T/fx\""
	t_err "$c -b: unreadable forward file" 1 \
		"nn-$c: $T/none: No such file or directory" \
		"nn-$c -b \"\$T/none\" </dev/null"
	t_err "$c -b: forward file on stdin" 2 \
		"nn-$c: $w must be a file: stdin is dY
usage: nn-$c [-b $w]" "nn-$c -b - </dev/null"
	t_err "$c -b: no file" 2 "nn-$c: option requires an argument -- 'b'
usage: nn-$c [-b $w]" "nn-$c -b"
	t_err "$c: operands" 2 "usage: nn-$c [-b $w]" "nn-$c x </dev/null"
	t_err "$c: bad option" 2 "nn-$c: invalid option -- 'q'
usage: nn-$c [-b $w]" "nn-$c -q </dev/null"
	t_true "$c --help prints the usage and -b" \
		"nn-$c --help >\"\$T/h\" && grep -q '^usage: nn-$c \[-b $w\]\$' \
		    \"\$T/h\" && grep -q '^  -b $w' \"\$T/h\""
	t_err "$c -b: full disk" 1 "nn-$c: <stdout>: No space left on device" \
		"nn-$c -b \"\$S/ch10-step0.p\" <\"\$S/ch10-step0.dp\" >/dev/full"
	t_err "$c: full disk" 1 "nn-$c: <stdout>: No space left on device" \
		"nn-$c <\"\$S/ch10-step0.p\" >/dev/full"
done
t_err "step: operands" 2 "usage: nn-step" 'nn-step x </dev/null'
t_err "step: no backward mode" 2 "nn-step: invalid option -- 'b'
usage: nn-step" 'nn-step -b x </dev/null'
t_true "step -h prints the usage" 'nn-step -h | grep -q "^usage: nn-step$"'
t_err "step: full disk" 1 "nn-step: <stdout>: No space left on device" \
	'nn-step <"$S/ch10-step0.p" >/dev/full'
t_err "step: bad number" 1 "nn-step: <stdin>:1:1: 'z' is not a number" \
	'echo z | nn-step'

# DESIGN.md's epoch as a pipeline: numpy's params after the first Adam step
t_true "one epoch as a pipeline: nn-optim gives numpy's step-1 params" \
	'cp "$S/ch10-step0.p1" "$T/e1" && cp "$S/ch10-step0.p2" "$T/e2" &&
	 nn-dense -p "$T/e1" <"$R/spiral-100-3.X" | tee "$T/ez1" | nn-relu |
	 tee "$T/ea1" | nn-dense -p "$T/e2" | nn-softmax >"$T/ep" &&
	 nn-loss -b -s -y "$R/spiral-100-3.y" <"$T/ep" |
	 nn-dense -b "$T/ea1" -p "$T/e2" -g "$T/eg2" | nn-relu -b "$T/ez1" |
	 nn-dense -b "$R/spiral-100-3.X" -p "$T/e1" -g "$T/eg1" >/dev/null &&
	 nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/e1.adam" "$T/e1" "$T/eg1" &&
	 nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/e2.adam" "$T/e2" "$T/eg2" &&
	 cmp "$T/e1" "$S/ch10-step1.p1" && cmp "$T/e2" "$S/ch10-step1.p2"'

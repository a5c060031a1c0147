# nn-optim: one step of the nnfs book's optimizers, against numpy
# (tests/ref/optim/gen_optim.py made the expected files)
O=$R/optim
UO="usage: nn-optim -a sgd|adagrad|rmsprop|adam [-r rate] [-d decay] [-m momentum] [-e epsilon] [-1 beta1] [-2 beta2] [-S state] params grads"

# optim_two OPTIONS...: two steps from P, with G1 then G2, the state in $T/os
optim_two() {
	cp "$O/P" "$T/op" && rm -f "$T/os" &&
		nn-optim "$@" -S "$T/os" "$T/op" "$O/G1" &&
		nn-optim "$@" -S "$T/os" "$T/op" "$O/G2" && cat "$T/op"
}

# the first Adam step of the chapter 10 run, and a second one after it
t_file "optim: adam step 1 of chapter 10, layer 1" "$R/train/ch10-step1.p1" \
	'cp "$R/train/ch10-step0.p1" "$T/p1"; rm -f "$T/s1";
	 nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/s1" "$T/p1" \
		"$R/train/ch10-step0.g1" && cat "$T/p1"'
t_file "optim: adam step 1 of chapter 10, layer 2" "$R/train/ch10-step1.p2" \
	'cp "$R/train/ch10-step0.p2" "$T/p2"; rm -f "$T/s2";
	 nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/s2" "$T/p2" \
		"$R/train/ch10-step0.g2" && cat "$T/p2"'
t_eq "optim: the state counts one step" "# nn-optim adam step 1" \
	'head -n 1 "$T/s1" | cut -d " " -f 1-5'
t_eq "optim: adam's state is two blocks of the params' shape" "(2, 3, 64)" \
	'nn-shape "$T/s1"'
t_file "optim: a second adam step from the state, layer 1" \
	"$O/ch10-step2.p1" \
	'nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/s1" "$T/p1" \
		"$R/train/ch10-step0.g1" && cat "$T/p1"'
t_file "optim: a second adam step from the state, layer 2" \
	"$O/ch10-step2.p2" \
	'nn-optim -a adam -r 0.05 -d 5e-7 -S "$T/s2" "$T/p2" \
		"$R/train/ch10-step0.g2" && cat "$T/p2"'

# each optimizer, two steps, params and moments
t_file "optim: sgd, no state" "$O/sgd-1.p" \
	'cp "$O/P" "$T/op"; nn-optim -a sgd "$T/op" "$O/G1" && cat "$T/op"'
t_file "optim: sgd with decay" "$O/sgd-decay.p" 'optim_two -a sgd -r 0.5 -d 0.1'
t_eq "optim: sgd without momentum keeps only the step count" \
	"# nn-optim sgd step 2" 'sed 1d "$T/os"; cut -d " " -f 1-5 "$T/os"'
t_file "optim: sgd with momentum" "$O/sgd-momentum.p" \
	'optim_two -a sgd -m 0.9 -d 1e-3'
t_file "optim: sgd's momentums" "$O/sgd-momentum.s" 'sed 1d "$T/os"'
t_file "optim: adagrad" "$O/adagrad.p" 'optim_two -a adagrad -d 1e-4'
t_file "optim: adagrad's cache" "$O/adagrad.s" 'sed 1d "$T/os"'
t_file "optim: rmsprop, defaults" "$O/rmsprop.p" 'optim_two -a rmsprop'
t_file "optim: rmsprop's cache" "$O/rmsprop.s" 'sed 1d "$T/os"'
t_file "optim: rmsprop, -m is rho" "$O/rmsprop-rho.p" \
	'optim_two -a rmsprop -r 0.02 -d 1e-5 -m 0.999'
t_file "optim: rmsprop's cache with rho" "$O/rmsprop-rho.s" 'sed 1d "$T/os"'
t_file "optim: adam, defaults" "$O/adam.p" 'optim_two -a adam'
t_file "optim: adam's momentums and caches" "$O/adam.s" 'sed 1d "$T/os"'
t_file "optim: adam with every option" "$O/adam-custom.p" \
	'optim_two -a adam -r 0.01 -d 1e-2 -e 1e-5 -1 0.8 -2 0.99'
t_file "optim: params of one row (a vector)" "$O/vector-adagrad.p" \
	'cp "$O/V" "$T/ov"; rm -f "$T/os";
	 nn-optim -a adagrad -S "$T/os" "$T/ov" "$O/VG1" &&
	 nn-optim -a adagrad -S "$T/os" "$T/ov" "$O/VG2" && cat "$T/ov"'
t_file "optim: the vector's cache" "$O/vector-adagrad.s" 'sed 1d "$T/os"'
t_file "optim: params - from stdin to stdout" "$O/sgd-1.p" \
	'nn-optim -a sgd - "$O/G1" <"$O/P"'
t_file "optim: grads - from stdin" "$O/sgd-1.p" \
	'cp "$O/P" "$T/op"; nn-optim -a sgd "$T/op" - <"$O/G1" && cat "$T/op"'
t_file "optim: a state header without fingerprints is accepted" \
	"$O/adam.p" \
	'optim_two -a adam >/dev/null; cp "$O/P" "$T/op"; rm "$T/os";
	 nn-optim -a adam -S "$T/os" "$T/op" "$O/G1" &&
	 sed "1s/ params.*//" "$T/os" >"$T/os2" && mv "$T/os2" "$T/os" &&
	 nn-optim -a adam -S "$T/os" "$T/op" "$O/G2" && cat "$T/op"'
t_eq "optim: -h" "$UO" 'nn-optim -h | head -n 1'
t_true "optim: --help lists -S" 'nn-optim --help | grep -q "^  -S state"'

# a step cut off, and params that do not belong to the state
t_err "optim: a step cut off between state and params" 1 \
	"nn-optim: $T/op: params predate step 2 of $T/os: the step was cut off" \
	'optim_two -a adam >/dev/null; cp "$O/P" "$T/op"; rm "$T/os";
	 nn-optim -a adam -S "$T/os" "$T/op" "$O/G1"; cp "$T/op" "$T/old";
	 nn-optim -a adam -S "$T/os" "$T/op" "$O/G2"; cp "$T/old" "$T/op";
	 nn-optim -a adam -S "$T/os" "$T/op" "$O/G2"'
t_err "optim: params of another run" 1 \
	"nn-optim: $O/P: params are not the ones step 2 of $T/os wrote" \
	'optim_two -a adam >/dev/null; cp "$O/P" "$T/op";
	 nn-optim -a adam -S "$T/os" "$O/P" "$O/G1"'
t_err "optim: params - named <stdin> in the message" 1 \
	"nn-optim: <stdin>: params are not the ones step 2 of $T/os wrote" \
	'optim_two -a adam >/dev/null;
	 nn-optim -a adam -S "$T/os" - "$O/G1" <"$O/P"'

# data errors leave params and state as they were, and no temporary files
t_err "optim: gradient of another shape" 1 \
	"nn-optim: $O/V: gradient of shape (5,), params of shape (4, 3)" \
	'nn-optim -a sgd "$O/P" "$O/V"'
t_err "optim: state of another optimizer" 1 \
	"nn-optim: $T/os: state of adam, not rmsprop" \
	'optim_two -a adam >/dev/null;
	 nn-optim -a rmsprop -S "$T/os" "$T/op" "$O/G1"'
t_true "optim: a failed step changes nothing" \
	'cp "$T/op" "$T/op0"; cp "$T/os" "$T/os0";
	 nn-optim -a rmsprop -S "$T/os" "$T/op" "$O/G1";
	 cmp "$T/op" "$T/op0" && cmp "$T/os" "$T/os0" &&
	 [ -z "$(ls "$T" | grep "^o[ps]\.")" ]'
t_err "optim: state of another shape" 1 \
	"nn-optim: $T/s1: state does not fit adam on params of shape (4, 3)" \
	'nn-optim -a adam -S "$T/s1" "$T/op" "$O/G1"'
t_err "optim: momentums the step does not keep" 1 \
	"nn-optim: $T/os: state does not fit sgd on params of shape (4, 3)" \
	'optim_two -a sgd -m 0.5 >/dev/null;
	 nn-optim -a sgd -d 0.1 -S "$T/os" "$T/op" "$O/G1"'
t_err "optim: not a state file" 1 \
	"nn-optim: $O/G1:1: not an nn-optim state file" \
	'nn-optim -a adam -S "$O/G1" "$T/op" "$O/G1"'
t_err "optim: an empty state file" 1 \
	"nn-optim: $T/empty:1: not an nn-optim state file" \
	': >"$T/empty"; nn-optim -a adam -S "$T/empty" "$T/op" "$O/G1"'
t_err "optim: a state file that is a folder" 1 \
	"nn-optim: $T: Is a directory" \
	'nn-optim -a adam -S "$T" "$T/op" "$O/G1"'
t_err "optim: a step count at its limit" 1 \
	"nn-optim: $T/big: step count 18446744073709551615 is at its limit" \
	'echo "# nn-optim sgd step 18446744073709551615" >"$T/big";
	 nn-optim -a sgd -S "$T/big" "$T/op" "$O/G1"'
t_err "optim: a negative step count" 1 \
	"nn-optim: $T/neg:1: not an nn-optim state file" \
	'echo "# nn-optim sgd step -1" >"$T/neg";
	 nn-optim -a sgd -S "$T/neg" "$T/op" "$O/G1"'
t_err "optim: unreadable params" 1 \
	"nn-optim: $T/nope: No such file or directory" \
	'nn-optim -a sgd "$T/nope" "$O/G1"'
t_err "optim: unreadable grads" 1 \
	"nn-optim: $T/nope: No such file or directory" \
	'nn-optim -a sgd "$T/op" "$T/nope"'
t_err "optim: a word in params that is not a number" 1 \
	"nn-optim: $T/bad:1:2: 'x' is not a number" \
	'printf "1 x\n" >"$T/bad"; nn-optim -a sgd "$T/bad" "$O/G1"'
t_err "optim: empty params" 1 "nn-optim: $T/empty: params are empty" \
	'nn-optim -a sgd "$T/empty" "$T/empty"'
t_err "optim: state in a folder that does not exist" 1 \
	"nn-optim: $T/nodir/s: No such file or directory" \
	'nn-optim -a adam -S "$T/nodir/s" "$T/op" "$O/G1"'
t_err "optim: params to a full disk" 1 \
	"nn-optim: <stdout>: No space left on device" \
	'nn-optim -a sgd - "$O/G1" <"$O/P" >/dev/full'

# usage errors
t_err "optim: no -a" 2 "$UO" 'nn-optim "$T/op" "$O/G1"'
t_err "optim: one operand" 2 "$UO" 'nn-optim -a sgd "$T/op"'
t_err "optim: bad option" 2 "nn-optim: invalid option -- 'q'
$UO" 'nn-optim -q -a sgd "$T/op" "$O/G1"'
t_err "optim: unknown optimizer" 2 "nn-optim: unknown optimizer 'adamw'
$UO" 'nn-optim -a adamw "$T/op" "$O/G1"'
t_err "optim: rate not a number" 2 "nn-optim: rate 'fast' is not a finite number
$UO" 'nn-optim -a sgd -r fast "$T/op" "$O/G1"'
t_err "optim: rate 0" 2 "nn-optim: rate '0' is out of range (0, inf)
$UO" 'nn-optim -a sgd -r 0 "$T/op" "$O/G1"'
t_err "optim: rate beyond float32" 2 "nn-optim: rate '1e39' is out of float32 range
$UO" 'nn-optim -a sgd -r 1e39 "$T/op" "$O/G1"'
t_err "optim: negative decay" 2 "nn-optim: decay '-1e-3' is out of range [0, inf)
$UO" 'nn-optim -a sgd -d -1e-3 "$T/op" "$O/G1"'
t_err "optim: momentum 1" 2 "nn-optim: momentum '1' is out of range [0, 1)
$UO" 'nn-optim -a sgd -m 1 "$T/op" "$O/G1"'
t_err "optim: epsilon 0" 2 "nn-optim: epsilon '0' is out of range (0, inf)
$UO" 'nn-optim -a adam -e 0 "$T/op" "$O/G1"'
t_err "optim: beta1 1" 2 "nn-optim: beta1 '1' is out of range [0, 1)
$UO" 'nn-optim -a adam -1 1 "$T/op" "$O/G1"'
t_err "optim: beta2 inf" 2 "nn-optim: beta2 'inf' is not a finite number
$UO" 'nn-optim -a adam -2 inf "$T/op" "$O/G1"'
t_err "optim: -m with adam" 2 "nn-optim: -m applies to sgd and rmsprop only
$UO" 'nn-optim -a adam -m 0.9 -S "$T/os" "$T/op" "$O/G1"'
t_err "optim: -1 with rmsprop" 2 "nn-optim: -1 and -2 apply to adam only
$UO" 'nn-optim -a rmsprop -1 0.9 -S "$T/os" "$T/op" "$O/G1"'
t_err "optim: -e with sgd" 2 "nn-optim: -e does not apply to sgd
$UO" 'nn-optim -a sgd -e 1e-8 "$T/op" "$O/G1"'
t_err "optim: adam without -S" 2 "nn-optim: adam keeps moments: -S state is needed
$UO" 'nn-optim -a adam "$T/op" "$O/G1"'
t_err "optim: sgd with momentum without -S" 2 "nn-optim: sgd with momentum keeps moments: -S state is needed
$UO" 'nn-optim -a sgd -m 0.9 "$T/op" "$O/G1"'
t_err "optim: decay without -S" 2 "nn-optim: decay counts steps: -S state is needed
$UO" 'nn-optim -a sgd -d 0.1 "$T/op" "$O/G1"'
t_err "optim: params and grads both stdin" 2 "nn-optim: params and grads cannot both be stdin
$UO" 'nn-optim -a sgd - -'

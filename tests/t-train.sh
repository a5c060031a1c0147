# nn-train: the book's training runs, against numpy's logs and params
TR=$R/train
SP="-y $R/spiral-100-3.y"
NET="dense:64 relu dense:3 softmax"

# run NAME OPTIONS...: train with -o, log to $T/NAME.log
train() {
	name=$1
	shift
	nn-train -o "$T/$name." "$@" 2>"$T/$name.log"
}

t_file "ch10: Adam, 10001 epochs, every logged loss as numpy's" \
	"$TR/ch10-adam.log" \
	'train ch10 -s 0 -j 300 -w 0.01 -a adam -r 0.05 -d 5e-7 -e 10001 \
	    -P 100 $SP $NET <"$R/spiral-100-3.X"; cat "$T/ch10.log"'
t_file "ch10: the first layer's final params" "$TR/ch10-adam.p1" \
	'cat "$T/ch10.1"'
t_file "ch10: the second layer's final params" "$TR/ch10-adam.p2" \
	'cat "$T/ch10.2"'
t_file "ch10: predicting with the saved params" "$T/pred.exp" \
	'printf "%s\n" "$(tail -n 1 "$TR/ch10-adam.log" | sed "s/.*acc: \([^,]*\),.*/\1/")" \
	    >"$T/pred.exp";
	 nn-dense -p "$T/ch10.1" <"$R/spiral-100-3.X" | nn-relu |
	 nn-dense -p "$T/ch10.2" | nn-softmax >"$T/p";
	 awk "NR == FNR { y[NR] = \$1; next } {
	     m = 1; for (i = 2; i <= NF; i++) if (\$i > \$m) m = i;
	     n++; if (m - 1 == y[FNR]) r++ } END { printf \"%.16g\n\", r / n }" \
	     "$R/spiral-100-3.y" "$T/p"'

for run in "sgd -a sgd" "sgd-momentum -a sgd -d 1e-3 -m 0.9" \
    "adagrad -a adagrad -d 1e-4" "rmsprop -a rmsprop -r 0.02 -d 1e-5 -m 0.999" \
    "adam-l2 -a adam -r 0.02 -d 5e-7" "adam-l1 -a adam -r 0.02 -d 5e-7"; do
	set -- $run
	name=$1
	shift
	l1=dense:64
	case $name in
	adam-l2) l1=dense:64:l2=5e-4 ;;
	adam-l1) l1=dense:64:l1=5e-4 ;;
	esac
	t_file "$name: 301 epochs, log as numpy's" "$TR/$name.log" \
		"train $name -j 300 $* -e 301 -P 10 $SP $l1 relu dense:3 softmax \
		    <\"\$R/spiral-100-3.X\"; cat \"\$T/$name.log\""
	t_file "$name: final params" "$TR/$name.p1" "cat \"\$T/$name.1\""
	t_file "$name: final params, layer 2" "$TR/$name.p2" \
		"cat \"\$T/$name.2\""
done
t_file "seed 7, spiral_data(50, 3), Dense(2, 16)" "$TR/seed7-adam.log" \
	'train s7 -s 7 -j 150 -r 0.05 -d 5e-7 -e 301 -P 10 \
	    -y "$TR/spiral-50-3-seed7.y" dense:16 relu dense:3 softmax \
	    <"$TR/spiral-50-3-seed7.X"; cat "$T/s7.log"'
t_file "ch16: sigmoid + binary cross-entropy, L2, as numpy" "$TR/bce.log" \
	'train bce -j 200 -d 5e-7 -e 301 -P 10 -y "$TR/spiral-100-2.y" \
	    dense:64:l2=5e-4 relu dense:1 sigmoid <"$TR/spiral-100-2.X";
	 cat "$T/bce.log"'
t_file "ch16: final params" "$TR/bce.p2" 'cat "$T/bce.2"'

# numpy's sine data and dropout mask are float64: within rounding there
losses() {
	sed 's/.*loss: \([^ ,]*\).*/\1/' "$1"
}
t_true "ch17: sine regression, losses within 1e-5 relative for 100 epochs" \
	'train sine -w 0.1 -r 0.005 -d 1e-3 -e 101 -P 10 -y "$TR/sine.y" \
	    dense:64 relu dense:64 relu dense:1 linear <"$TR/sine.X";
	 losses "$T/sine.log" >"$T/a"; losses "$TR/sine.log" | head -n 11 >"$T/b";
	 [ "$(wc -l <"$T/a")" -eq 11 ] && paste "$T/a" "$T/b" | awk "{ d = \$1 - \$2;
	     if (d < 0) d = -d; if (d > 1e-5 * \$2) exit 1 }"'
t_true "ch15: dropout, losses within 1e-4 relative for 10 epochs" \
	'train drop -j 300 -r 0.05 -d 5e-5 -e 11 -P 10 $SP \
	    dense:64 relu dropout:0.1 dense:3 softmax <"$R/spiral-100-3.X";
	 losses "$T/drop.log" >"$T/a"; losses "$TR/dropout.log" | head -n 2 >"$T/b";
	 [ "$(wc -l <"$T/a")" -eq 2 ] && paste "$T/a" "$T/b" | awk "{ d = \$1 - \$2;
	     if (d < 0) d = -d; if (d > 1e-4 * \$2) exit 1 }"'
t_file "ch15: dropout's epoch 0 matches numpy exactly" "$T/d0" \
	'head -n 1 "$TR/dropout.log" >"$T/d0"; head -n 1 "$T/drop.log"'

t_true "validation line" \
	'nn-spiral -s 1 -y "$T/vy" 50 3 >"$T/vX";
	 nn-train -j 300 -r 0.05 -e 201 -P 0 -X "$T/vX" -Y "$T/vy" $SP $NET \
	     <"$R/spiral-100-3.X" 2>"$T/v.log";
	 tail -n 1 "$T/v.log" | grep -q "^validation, acc: 0\.[0-9]*, loss: [0-9.]*$"'
t_true "-E stops early and keeps the best params" \
	'nn-train -j 300 -r 0.05 -e 100000 -P 0 -E 20 -X "$T/vX" -Y "$T/vy" \
	     $SP $NET <"$R/spiral-100-3.X" 2>"$T/e.log";
	 grep -q "^early stop at epoch" "$T/e.log"'
t_true "-B with the whole set as one batch equals full-batch training" \
	'nn-train -o "$T/fb." -j 300 -r 0.05 -e 50 -P 0 $SP $NET \
	     <"$R/spiral-100-3.X" 2>/dev/null &&
	 nn-train -o "$T/bb." -B 300 -j 300 -r 0.05 -e 50 -P 0 $SP $NET \
	     <"$R/spiral-100-3.X" 2>/dev/null &&
	 cmp -s "$T/fb.1" "$T/bb.1" && cmp -s "$T/fb.2" "$T/bb.2"'
t_true "-B 32 and -R shuffle train and are deterministic" \
	'nn-train -o "$T/b1." -R -B 32 -j 300 -r 0.05 -e 20 -P 0 $SP $NET \
	     <"$R/spiral-100-3.X" 2>/dev/null &&
	 nn-train -o "$T/b2." -R -B 32 -j 300 -r 0.05 -e 20 -P 0 $SP $NET \
	     <"$R/spiral-100-3.X" 2>/dev/null &&
	 cmp -s "$T/b1.1" "$T/b2.1" && ! cmp -s "$T/b1.1" "$T/fb.1"'

U="usage: nn-train [-R] [-s seed] [-j skip] [-w scale] [-a optimizer] [-r rate] [-d decay] [-m momentum] [-e epochs] [-B batch] [-P every] [-l loss] [-X val_inputs -Y val_targets] [-E patience] [-o prefix] -y targets layer ..."
t_err "train: unknown layer word" 2 "nn-train: bad layer 'conv:3'
$U" 'nn-train $SP dense:3 conv:3 </dev/null'
t_err "train: no targets" 2 "$U" 'nn-train dense:3 </dev/null'
t_err "train: unknown optimizer" 2 "nn-train: unknown optimizer 'adamw'
$U" 'nn-train -a adamw $SP dense:3 </dev/null'
t_err "train: -E without validation data" 2 "nn-train: -E needs validation data, -X and -Y
$U" 'nn-train -E 5 $SP dense:3 </dev/null'
t_err "train: targets and samples differ" 1 \
	"nn-train: $R/spiral-5-2.y: 10 targets for 300 samples" \
	'nn-train -y "$R/spiral-5-2.y" dense:3 softmax <"$R/spiral-100-3.X"'
t_err "train: a class index out of range" 1 \
	"nn-train: $R/spiral-100-3.y:101:1: class index '1' is not in [0, 1)" \
	'nn-train $SP dense:1 softmax <"$R/spiral-100-3.X"'
t_err "train: a nan loss stops, naming the epoch" 1 \
	"nn-train: epoch 1: the loss is nan; the last params with a finite loss are saved" \
	'nn-train -o "$T/nan." -P 0 -a sgd -r 1e30 -j 300 $SP $NET <"$R/spiral-100-3.X"'
t_true "train: the saved params after a nan are finite" \
	'! grep -q nan "$T/nan.1" "$T/nan.2"'
t_err "train: a nan loss between logged epochs stops too (mse)" 1 \
	"epoch: 0, acc: 0.02, loss: 0.50016636, lr: 1e+30
nn-train: epoch 2: the loss is nan; stopped" \
	'nn-sine -y "$T/sy" 100 >"$T/sx" &&
	 nn-train -P 1000 -e 50 -a sgd -r 1e30 -y "$T/sy" dense:8 relu \
	     dense:1 linear <"$T/sx"'
t_err "train: negative one-hot targets give a nan loss whatever -P says" 1 \
	"nn-train: epoch 0: the loss is nan; stopped" \
	'printf "0 1\n1 0\n" >"$T/x2" && printf -- "-1 0\n0 1\n" >"$T/yn" &&
	 nn-train -P 0 -e 5 -y "$T/yn" dense:2 softmax <"$T/x2"'
t_err "train: a nan at the first step saves nothing" 1 \
	"nn-train: epoch 0: the loss is nan; no params had a finite loss, nothing is saved" \
	'nn-train -o "$T/nan0." -P 0 -e 5 -y "$T/yn" dense:2 softmax <"$T/x2"'
t_true "train: ... and leaves no file" '! test -e "$T/nan0.1"'
t_true "validation data larger than a batch (and than the training set)" \
	'nn-spiral -s 2 -y "$T/by" 1000 3 >"$T/bX" &&
	 nn-train -B 10 -e 2 -P 0 -X "$T/bX" -Y "$T/by" -E 5 -j 300 $SP \
	     dense:8 relu dense:3 softmax <"$R/spiral-100-3.X" 2>"$T/b.log" &&
	 grep -q "^validation, acc: " "$T/b.log"'

# threads: products big enough for the pool (300 x 512 x 512), B packed in
# parts, the gradient and Adam's step split over the params (265 k of
# them): the same log and params for 1, 2 and 3 threads
for t in 1 2 3; do
	NN_THREADS=$t nn-train -e 3 -B 100 -o "$T/thr$t." -y "$R/spiral-100-3.y" \
	    dense:512 relu dense:512 relu dense:3 softmax \
	    <"$R/spiral-100-3.X" >"$T/thr$t.log" 2>&1
done
t_true "nn-train: the same bits with 1, 2 and 3 threads (NN_THREADS)" \
	'for t in 2 3; do cmp "$T/thr1.log" "$T/thr$t.log" &&
	     for i in 1 2 3; do cmp "$T/thr1.$i" "$T/thr$t.$i" || exit 1; done ||
	     exit 1; done; [ -s "$T/thr1.3" ]'

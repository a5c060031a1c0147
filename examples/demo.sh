#!/bin/sh
# make demo: the study notes' network as a pipeline, stage by stage.
set -e
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
export PATH
d=$(mktemp -d "${TMPDIR:-/tmp}/nn-demo.XXXXXX")
trap 'rm -rf "$d"' EXIT INT TERM

stage() {
	printf '\n== %s\n$ %s\n' "$1" "$2"
}

stage "spiral data: 100 points of each of 3 classes (nnfs spiral_data)" \
	"nn-spiral -y y 100 3 > X"
nn-spiral -y "$d/y" 100 3 >"$d/X"
printf 'shape of X: %s, of y: %s; first rows:\n' "$(nn-shape "$d/X")" \
	"$(nn-shape "$d/y")"
head -n 3 "$d/X"

stage "dense layer, 2 inputs to 5 neurons: X . W + b, W = 0.1 randn" \
	"nn-dense -j 300 -o l1 2 5 < X > z1"
nn-dense -j 300 -o "$d/l1" 2 5 <"$d/X" >"$d/z1"
echo "the layer's params [W; b] ($(nn-shape "$d/l1")):"
cat "$d/l1"
echo "its output ($(nn-shape "$d/z1")), first rows:"
head -n 3 "$d/z1"

stage "ReLU: max(0, x), so negative outputs switch off" "nn-relu < z1 > a1"
nn-relu <"$d/z1" >"$d/a1"
head -n 3 "$d/a1"

stage "softmax: each row to probabilities that sum to 1" \
	"nn-softmax < a1 > p"
nn-softmax <"$d/a1" >"$d/p"
head -n 3 "$d/p"

stage "the same network in one pipeline, all 300 rows, last 2 shown" \
	"nn-spiral 100 3 | nn-dense -j 300 2 5 | nn-relu | nn-softmax | tail -n 2"
nn-spiral 100 3 | nn-dense -j 300 2 5 | nn-relu | nn-softmax | tail -n 2

stage "the notes' softmax example: [1, 2, 3] -> [0.09, 0.24, 0.67]" \
	"echo 1 2 3 | nn-softmax"
echo 1 2 3 | nn-softmax

stage "the notes' dot product: [1, 2, 3] . [3, 2, 1] = 10" \
	"nn-dot a b"
echo 1 2 3 >"$d/a"
echo 3 2 1 >"$d/b"
nn-dot "$d/a" "$d/b"

stage "training: the book's chapter 10 network, Adam, 10001 epochs" \
	"nn-train -j 300 -r 0.05 -d 5e-7 -P 100 -o net -y y dense:64 relu dense:3 softmax < X 2> log"
nn-train -j 300 -r 0.05 -d 5e-7 -P 100 -o "$d/net" -y "$d/y" \
	dense:64 relu dense:3 softmax <"$d/X" 2>"$d/log" ||
	{ cat "$d/log" >&2; exit 1; }
echo "the log every 2000 epochs (the picture below draws every 100):"
grep -E '^epoch: (0|[0-9]*[02468]000),' "$d/log"

stage "validation on a fresh spiral (seed 1) with the trained params" \
	"nn-dense -p net1 < vX | nn-relu | nn-dense -p net2 | nn-softmax | nn-accuracy -y vy"
nn-spiral -s 1 -y "$d/vy" 100 3 >"$d/vX"
nn-dense -p "$d/net1" <"$d/vX" | nn-relu | nn-dense -p "$d/net2" |
	nn-softmax >"$d/vp"
printf 'validation accuracy: %s, loss: %s\n' \
	"$(nn-accuracy -y "$d/vy" <"$d/vp")" "$(nn-loss -y "$d/vy" <"$d/vp")"

stage "pictures: the decision regions, and the training curve from the log" \
	"nn-plot -y y -p net dense:64 relu dense:3 softmax < X > nn-demo-spiral.svg
$ nn-plot -L log > nn-demo-training.svg"
nn-plot -t "the spiral and the trained network's decision regions" \
	-y "$d/y" -p "$d/net" dense:64 relu dense:3 softmax \
	<"$d/X" >nn-demo-spiral.svg
# the validation stage's numbers as nn-train -X -Y would log them
printf 'validation, acc: %s, loss: %s\n' \
	"$(nn-accuracy -y "$d/vy" <"$d/vp")" "$(nn-loss -y "$d/vy" <"$d/vp")" \
	>>"$d/log"
nn-plot -L -t "training: loss and accuracy, validation on a fresh spiral" \
	"$d/log" >nn-demo-training.svg
echo "open them in a web browser:"
echo "  $(pwd)/nn-demo-spiral.svg"
echo "  $(pwd)/nn-demo-training.svg"

echo
echo "Every number is what numpy prints under nnfs.init(); see nn(7)."

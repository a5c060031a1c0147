#!/bin/sh
# Train the chapter 10 network purely by pipes: one epoch a loop, every
# intermediate kept in the work folder for head, awk or gnuplot.
# usage: sh train-by-pipes.sh [epochs] [folder]   (default 100, ./pipes)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
epochs=${1:-100}
d=${2:-pipes}
mkdir -p "$d"
cd "$d"
nn-spiral -y y 100 3 >X
# the layers draw after the data's 300 normals, then after layer 1's 128
nn-dense -j 300 -w 0.01 -o l1 2 64 </dev/null
nn-dense -j 428 -w 0.01 -o l2 64 3 </dev/null
rm -f l1.adam l2.adam
e=0
while [ "$e" -lt "$epochs" ]; do
	nn-dense -p l1 <X | tee z1 | nn-relu | tee a1 | nn-dense -p l2 |
	    nn-softmax >p
	if [ $((e % 10)) -eq 0 ]; then
		printf 'epoch: %d, acc: %s, loss: %s\n' "$e" \
		    "$(nn-accuracy -y y <p)" "$(nn-loss -y y <p)"
	fi
	nn-loss -b -s -y y <p | nn-dense -b a1 -p l2 -g g2 |
	    nn-relu -b z1 | nn-dense -b X -p l1 -g g1 >/dev/null
	nn-optim -a adam -r 0.05 -d 5e-7 -S l1.adam l1 g1
	nn-optim -a adam -r 0.05 -d 5e-7 -S l2.adam l2 g2
	e=$((e + 1))
done

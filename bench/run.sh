#!/bin/sh
# make bench: nn side by side with awk, numpy (and PyTorch if installed),
# each row measured in this run.  BENCH_MB sets the text size (default 150).
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
mb=${BENCH_MB:-150}
d=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/nn-bench.XXXXXX")}
py=/usr/bin/python3
have_np=0
$py -c "import numpy" 2>/dev/null && have_np=1
blas=/usr/lib/x86_64-linux-gnu/openblas-pthread
[ -d "$blas" ] && NPENV="LD_LIBRARY_PATH=$blas" || NPENV=

# secs CMD...: wall seconds of a shell command line, best of BENCH_RUNS
secs() {
	best=
	i=0
	while [ "$i" -lt "${BENCH_RUNS:-1}" ]; do
		s=$(date +%s.%N)
		sh -c "$1" >/dev/null 2>&1
		e=$(date +%s.%N)
		t=$(echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }')
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
		i=$((i + 1))
	done
	echo "$best"
}

# torch_secs SCRIPT [ENV]: the script's own timing, best of 1 and 2 threads
torch_secs() {
	a=$(env $2 TORCH_THREADS=1 $py $1)
	b=$(env $2 TORCH_THREADS=2 $py $1)
	echo "$a $b" | awk '{ print ($1 < $2) ? $1 : $2 }'
}

# peak resident KB of a command line
peak() {
	/usr/bin/time -f %M sh -c "exec $1" 2>&1 >/dev/null | tail -n 1
}

row() {
	printf '%-34s %9s %9s %9s\n' "$@"
}

cols=64
echo "making a ${mb} MB matrix of $cols columns..."
nn-spiral -s 3 1000 1 | head -n 1 >/dev/null
rows=$((mb * 1000000 / (cols * 11)))
awk -v r="$rows" -v c="$cols" 'BEGIN { srand(1); for (i = 0; i < r; i++) {
	for (j = 0; j < c; j++) printf "%s%.7g", j ? " " : "", rand() * 2 - 1;
	printf "\n" } }' >"$d/m64"
awk -v r=$((rows / 8)) -v c=512 'BEGIN { srand(2); for (i = 0; i < r; i++) {
	for (j = 0; j < c; j++) printf "%s%.7g", j ? " " : "", rand() * 2 - 1;
	printf "\n" } }' >"$d/m512"
size=$(wc -c <"$d/m64")
size512=$(wc -c <"$d/m512")
mbs=$(echo "$size" | awk '{ printf "%.0f", $1 / 1e6 }')
echo "m64: $(nn-shape "$d/m64") $mbs MB; m512: $(nn-shape "$d/m512")"
echo
row "task" "seconds" "MB/s" "vs nn"

t_cat=$(secs "cat '$d/m64'")
t_relu=$(secs "nn-relu <'$d/m64'")
row "cat (the pipe limit)" "$t_cat" "$(echo "$size $t_cat" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" ""
row "nn-relu" "$t_relu" "$(echo "$size $t_relu" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "1"
for awk in gawk mawk; do
	command -v $awk >/dev/null || continue
	t=$(secs "$awk '{ for (i = 1; i <= NF; i++) \$i = \$i < 0 ? 0 : \$i; print }' '$d/m64'")
	row "  relu in $awk" "$t" "$(echo "$size $t" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t $t_relu" | awk '{ printf "%.1fx", $1 / $2 }')"
done
if [ $have_np = 1 ]; then
	t=$(secs "$NPENV $py '$top/bench/filter.py' relu '$d/m64'")
	row "  relu in numpy (loadtxt/savetxt)" "$t" "$(echo "$size $t" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t $t_relu" | awk '{ printf "%.1fx", $1 / $2 }')"
fi
t_sm=$(secs "nn-softmax <'$d/m64'")
row "nn-softmax" "$t_sm" "$(echo "$size $t_sm" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "1"
t=$(secs "gawk '{ m = \$1; for (i = 2; i <= NF; i++) if (\$i > m) m = \$i; s = 0; for (i = 1; i <= NF; i++) { \$i = exp(\$i - m); s += \$i } for (i = 1; i <= NF; i++) \$i /= s; print }' '$d/m64'")
row "  softmax in gawk" "$t" "$(echo "$size $t" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t $t_sm" | awk '{ printf "%.1fx", $1 / $2 }')"
if [ $have_np = 1 ]; then
	t=$(secs "$NPENV $py '$top/bench/filter.py' softmax '$d/m64'")
	row "  softmax in numpy" "$t" "$(echo "$size $t" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t $t_sm" | awk '{ printf "%.1fx", $1 / $2 }')"
fi
t_d64=$(secs "nn-dense 64 64 <'$d/m64'")
row "nn-dense 64->64" "$t_d64" "$(echo "$size $t_d64" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "1"
if [ $have_np = 1 ]; then
	t=$(secs "$NPENV $py '$top/bench/filter.py' 64 '$d/m64'")
	row "  64->64 in numpy" "$t" "$(echo "$size $t" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t $t_d64" | awk '{ printf "%.1fx", $1 / $2 }')"
fi
t_io=$(secs "nn-relu <'$d/m512'")
t_d512=$(secs "nn-dense 512 512 <'$d/m512'")
row "nn-relu 512 cols (read + print)" "$t_io" "$(echo "$size512 $t_io" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" ""
row "nn-dense 512->512" "$t_d512" "$(echo "$size512 $t_d512" | awk '{ printf "%.0f", $1 / 1e6 / $2 }')" "$(echo "$t_d512 $t_io" | awk '{ printf "%.1fx io", $1 / $2 }')"
echo
row "peak memory, KB" "" "" ""
for c in "nn-relu" "nn-softmax" "nn-dense 64 64"; do
	row "  $c" "$(peak "$c <'$d/m64'")" "" ""
done
echo
nn-spiral -y "$d/y" 100 3 >"$d/X"
t_tr=$(secs "nn-train -j 300 -r 0.05 -d 5e-7 -e 10001 -y '$d/y' dense:64 relu dense:3 softmax <'$d/X'")
row "ch10 training, 10001 epochs" "$t_tr" "" "1"
if [ $have_np = 1 ]; then
	t=$($py "$top/bench/ch10.py")
	row "  numpy, reference BLAS (exact)" "$t" "" "$(echo "$t $t_tr" | awk '{ printf "%.1fx", $1 / $2 }')"
	if [ -n "$NPENV" ]; then
		t=$(env $NPENV $py "$top/bench/ch10.py")
		row "  numpy, OpenBLAS" "$t" "" "$(echo "$t $t_tr" | awk '{ printf "%.1fx", $1 / $2 }')"
	fi
fi
have_torch=0
$py -c "import torch" 2>/dev/null && have_torch=1
if [ $have_torch = 1 ]; then
	t=$(torch_secs "$top/bench/ch10_torch.py")
	row "  PyTorch, generic BLAS" "$t" "" "$(echo "$t $t_tr" | awk '{ printf "%.1fx", $1 / $2 }')"
	if [ -n "$NPENV" ]; then
		t=$(torch_secs "$top/bench/ch10_torch.py" "$NPENV")
		row "  PyTorch, OpenBLAS" "$t" "" "$(echo "$t $t_tr" | awk '{ printf "%.1fx", $1 / $2 }')"
	fi
fi
fm=/usr/share/datasets/fashion-mnist
if [ -r "$fm/train-images-idx3-ubyte.gz" ]; then
	zcat "$fm/train-images-idx3-ubyte.gz" | nn-idx -f -s | nn-npy >"$d/fm.npy"
	zcat "$fm/train-labels-idx1-ubyte.gz" | nn-idx >"$d/fm.y"
	fmnet="-B 128 -d 1e-3 -P 0 -y '$d/fm.y' dense:128 relu dense:128 relu dense:10 softmax"
	t_fm1=$(secs "nn-train -e 1 $fmnet <'$d/fm.npy'")
	t_fm3=$(secs "nn-train -e 3 $fmnet <'$d/fm.npy'")
	# an epoch as the Python scripts time it: the loop, not the loading
	t_fm=$(echo "$t_fm1 $t_fm3" | awk '{ printf "%.3f", ($2 - $1) / 2 }')
	row "Fashion-MNIST, nn-train -e 1 (all)" "$t_fm1" "" ""
	row "Fashion-MNIST epoch, 784-128-128-10" "$t_fm" "" "1"
	if [ $have_np = 1 ]; then
		t=$($py "$top/bench/fashion.py" "$fm")
		row "  numpy, reference BLAS (exact)" "$t" "" "$(echo "$t $t_fm" | awk '{ printf "%.1fx", $1 / $2 }')"
		if [ -n "$NPENV" ]; then
			t=$(env $NPENV $py "$top/bench/fashion.py" "$fm")
			row "  numpy, OpenBLAS" "$t" "" "$(echo "$t $t_fm" | awk '{ printf "%.1fx", $1 / $2 }')"
		fi
	fi
	if [ $have_torch = 1 ]; then
		t=$(torch_secs "$top/bench/fashion_torch.py $fm")
		row "  PyTorch, generic BLAS" "$t" "" "$(echo "$t $t_fm" | awk '{ printf "%.1fx", $1 / $2 }')"
		if [ -n "$NPENV" ]; then
			t=$(torch_secs "$top/bench/fashion_torch.py $fm" "$NPENV")
			row "  PyTorch, OpenBLAS" "$t" "" "$(echo "$t $t_fm" | awk '{ printf "%.1fx", $1 / $2 }')"
		fi
	fi
fi
t1=$(secs "nn-train -j 300 -r 0.05 -d 5e-7 -e 100 -P 0 -y '$d/y' dense:64 relu dense:3 softmax <'$d/X'")
t_pipe=$(secs "sh '$top/examples/train-by-pipes.sh' 10 '$d/pipes'")
row "one epoch by pipes (DESIGN.md)" "$(echo "$t_pipe" | awk '{ printf "%.4f", $1 / 10 }')" "" ""
row "one epoch in nn-train" "$(echo "$t1" | awk '{ printf "%.5f", $1 / 100 }')" "" "$(echo "$t_pipe $t1" | awk '{ printf "%.0fx", ($1 / 10) / ($2 / 100) }')"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
[ -n "$BENCH_DIR" ] || rm -rf "$d"

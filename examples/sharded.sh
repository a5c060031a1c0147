#!/bin/sh
# Sharded inference with GNU parallel: the stream is cut into blocks of
# whole lines, each block runs through the network in its own process
# (on this machine's cores, or on others with parallel -S host1,host2),
# and -k puts the outputs back in order: the bytes are those of one stream.
# usage: sh sharded.sh [points_per_class]   (default 100000)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
n=${1:-100000}
d=$(mktemp -d "${TMPDIR:-/tmp}/nn-shard.XXXXXX")
trap 'rm -rf "$d"' EXIT
nn-spiral -y "$d/y" 100 3 >"$d/X"
nn-train -j 300 -r 0.05 -e 1001 -P 0 -o "$d/net" -y "$d/y" \
	dense:64 relu dense:3 softmax <"$d/X" 2>/dev/null
nn-spiral -s 1 "$n" 3 >"$d/big"
net="nn-dense -p $d/net1 | nn-relu | nn-dense -p $d/net2 | nn-softmax"
t0=$(date +%s.%N)
sh -c "$net" <"$d/big" >"$d/one"
t1=$(date +%s.%N)
parallel --will-cite --pipe -k --block 1M "$net" <"$d/big" >"$d/sharded"
t2=$(date +%s.%N)
cmp "$d/one" "$d/sharded"
echo "$(wc -l <"$d/big") rows: one stream $(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }') s," \
	"sharded on $(nproc) cores $(echo "$t1 $t2" | awk '{ printf "%.2f", $2 - $1 }') s, identical bytes"

# row-wise commands sharded with GNU parallel give the one-stream bytes
if command -v parallel >/dev/null 2>&1; then
	nn-spiral 20000 3 >"$T/big"
	nn-dense -j 60000 -o "$T/pl1" 2 64 </dev/null
	nn-dense -j 60128 -o "$T/pl2" 64 3 </dev/null
	nn-dense -p "$T/pl1" <"$T/big" | nn-relu | nn-dense -p "$T/pl2" |
	    nn-softmax >"$T/one"
	t_true "parallel --pipe -k: sharded inference is byte-identical" \
		'parallel --will-cite --pipe -k --block 100k \
		     "nn-dense -p $T/pl1 | nn-relu | nn-dense -p $T/pl2 | nn-softmax" \
		     <"$T/big" >"$T/sharded" && cmp "$T/one" "$T/sharded"'
	t_true "parallel -j 4 --pipe -k: the same with four jobs" \
		'parallel --will-cite -j 4 --pipe -k --block 50k nn-relu \
		     <"$T/one" | cmp - "$T/one"'
fi

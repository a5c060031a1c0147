# the DESIGN.md training pipeline equals nn-train, bit for bit
pipeline_epochs() {
	(
	cd "$T/pipe" || exit 1
	nn-dense -j 300 -w 0.01 -o l1 2 64 </dev/null &&
	nn-dense -j 428 -w 0.01 -o l2 64 3 </dev/null || exit 1
	rm -f l1.adam l2.adam
	e=0
	while [ "$e" -lt "$1" ]; do
		nn-dense -p l1 <"$R/spiral-100-3.X" | tee z1 | nn-relu | tee a1 |
		    nn-dense -p l2 | nn-softmax >p &&
		nn-loss -b -s -y "$R/spiral-100-3.y" <p |
		    nn-dense -b a1 -p l2 -g g2 | nn-relu -b z1 |
		    nn-dense -b "$R/spiral-100-3.X" -p l1 -g g1 >/dev/null &&
		nn-optim -a adam -r 0.05 -d 5e-7 -S l1.adam l1 g1 &&
		nn-optim -a adam -r 0.05 -d 5e-7 -S l2.adam l2 g2 || exit 1
		e=$((e + 1))
	done
	)
}
mkdir -p "$T/pipe"
t_true "5 epochs by pipes leave the params nn-train -e 5 -o writes" \
	'pipeline_epochs 5 &&
	 nn-train -o "$T/pipe/t" -j 300 -r 0.05 -d 5e-7 -e 5 -P 0 \
	     -y "$R/spiral-100-3.y" dense:64 relu dense:3 softmax \
	     <"$R/spiral-100-3.X" 2>/dev/null &&
	 cmp "$T/pipe/l1" "$T/pipe/t1" && cmp "$T/pipe/l2" "$T/pipe/t2"'
t_true "the pipeline's loss at epoch 5 is nn-train's" \
	'nn-train -j 300 -r 0.05 -d 5e-7 -e 6 -P 5 -y "$R/spiral-100-3.y" \
	     dense:64 relu dense:3 softmax <"$R/spiral-100-3.X" 2>&1 |
	     tail -n 1 | sed "s/.*loss: \([^,]*\),.*/\1/" >"$T/pipe/want" &&
	 cd "$T/pipe" && nn-dense -p l1 <"$R/spiral-100-3.X" | nn-relu |
	     nn-dense -p l2 | nn-softmax | nn-loss -y "$R/spiral-100-3.y" |
	     cmp - want'

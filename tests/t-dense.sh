# nn-dense: the notes' section 10 and 12 layers, against numpy
cat >"$T/X10" <<'X'
1 2 3 2.5
2.0 5.0 -1.0 2.0
-1.5 2.7 3.3 -0.8
X
t_file "sec 10: Layer_Dense(4, 5)" "$R/sec10-layer1.out" \
	'nn-dense -s 0 4 5 <"$T/X10"'
t_file "sec 10: Layer_Dense(5, 2) after it, -j 20" "$R/sec10-layer2.out" \
	'nn-dense -s 0 4 5 <"$T/X10" | nn-dense -s 0 -j 20 5 2'
t_file "sec 10: -o saves [W; b]" "$R/dense-4-5.params" \
	'nn-dense -o "$T/p1" 4 5 <"$T/X10" >/dev/null && cat "$T/p1"'
t_file "sec 10: second layer params" "$R/dense-5-2.params" \
	'nn-dense -j 20 -o "$T/p2" 5 2 </dev/null && cat "$T/p2"'
t_file "sec 10: -p reads the params back" "$R/sec10-layer2.out" \
	'nn-dense -p "$R/dense-4-5.params" <"$T/X10" |
	 nn-dense -p "$R/dense-5-2.params" 5 2'
t_file "sec 10: n_inputs taken from the first row" "$R/sec10-layer1.out" \
	'nn-dense 5 <"$T/X10"'
t_true "sec 10: float32 result within rounding of numpy's float64" \
	'nn-dense 4 5 <"$T/X10" | nn-dense -j 20 2 |
	 paste -d " " - "$R/sec10-layer2-float64.out" |
	 awk "{ for (i = 1; i <= 2; i++) { d = \$i - \$(i + 2);
	   if (d < 0) d = -d; if (d > 1e-7) exit 1 } }"'
t_file "sec 12: spiral -> Dense(2, 5)" "$R/sec12-dense.out" \
	'nn-spiral 100 3 | nn-dense -j 300 2 5'
t_file "sec 12: the params drawn after the data" "$R/sec12-dense.params" \
	'nn-dense -j 300 -o "$T/p" 2 5 </dev/null && cat "$T/p"'
t_eq "dense keeps blocks" "3
3
0
3
3" 'printf "1 0\n0 1\n\n2 0\n0 2\n" | nn-dense 2 3 | awk "{ print NF }"'
t_err "dense: wrong number of inputs" 1 \
	"nn-dense: <stdin>:1: row has 3 values, expected 4 (n_inputs)" \
	'printf "1 2 3\n1 2 3\n" | nn-dense 4 5'
t_err "dense: params disagree with n_inputs" 1 \
	"nn-dense: $R/dense-4-5.params: params have 4 inputs, expected 3" \
	'nn-dense -p "$R/dense-4-5.params" 3 5 </dev/null'
t_err "dense: unreadable params" 1 \
	"nn-dense: $T/none: No such file or directory" \
	'nn-dense -p "$T/none" </dev/null'
t_err "dense: bad params data" 1 \
	"nn-dense: $T/bad:2:2: 'x' is not a number" \
	'printf "1 2\n3 x\n" >"$T/bad"; nn-dense -p "$T/bad" </dev/null'
t_err "dense: zero neurons" 2 "nn-dense: n_neurons '0' is out of range [1, 2147483647]
usage: nn-dense [-s seed] [-j skip] [-w scale] [-p params] [-o file] [n_inputs] n_neurons
       nn-dense -b fwd_input -p params -g grads [-r reg]" \
	'nn-dense 4 0 </dev/null'
t_err "dense: bad scale" 2 "nn-dense: scale 'big' is not a finite number
usage: nn-dense [-s seed] [-j skip] [-w scale] [-p params] [-o file] [n_inputs] n_neurons
       nn-dense -b fwd_input -p params -g grads [-r reg]" \
	'nn-dense -w big 4 5 </dev/null'
t_err "dense: no operands" 2 \
	"usage: nn-dense [-s seed] [-j skip] [-w scale] [-p params] [-o file] [n_inputs] n_neurons
       nn-dense -b fwd_input -p params -g grads [-r reg]" \
	'nn-dense </dev/null'
t_err "dense: bad option" 2 "nn-dense: invalid option -- 'x'
usage: nn-dense [-s seed] [-j skip] [-w scale] [-p params] [-o file] [n_inputs] n_neurons
       nn-dense -b fwd_input -p params -g grads [-r reg]" \
	'nn-dense -x 4 5 </dev/null'
t_true "dense: -o on a bad stream keeps only the complete params" \
	'mkdir "$T/o"; printf "1 2\n1\n" | nn-dense -o "$T/o/p" 3 >/dev/null 2>&1;
	 [ "$(ls "$T/o")" = p ] && [ "$(wc -l <"$T/o/p")" -eq 3 ]'
t_true "dense: complete rows are out before a later row's error" \
	'printf "1 2\n3 4\n5\n" | nn-dense 2 3 >"$T/part" 2>/dev/null;
	 [ $? -eq 1 ] && [ "$(wc -l <"$T/part")" -eq 2 ]'
t_file "dense: batches give the rows one at a time would" "$R/sec12-dense.out" \
	'nn-spiral 100 3 | nn-dense -j 300 2 5'
t_true "dense: the same bits with 1, 2 and 3 threads (NN_THREADS)" \
	'nn-spiral 100 3 | nn-dense -s 1 2 300 >"$T/a300" &&
	 NN_THREADS=1 nn-dense -s 2 300 300 <"$T/a300" >"$T/t1" &&
	 NN_THREADS=2 nn-dense -s 2 300 300 <"$T/a300" >"$T/t2" &&
	 NN_THREADS=3 nn-dense -s 2 300 300 <"$T/a300" >"$T/t3" &&
	 cmp -s "$T/t1" "$T/t2" && cmp -s "$T/t1" "$T/t3" &&
	 test "$(nn-shape "$T/t1")" = "(300, 300)"'

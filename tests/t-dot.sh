# nn-dot: the notes' section 8
t_file "sec 8: [1, 2, 3] . [3, 2, 1] = 10" "$R/dot-ab.out" \
	'nn-dot "$R/dot-a.in" "$R/dot-b.in"'
t_file "sec 8: (3,4) weights . (4,) inputs" "$R/dot-wx.out" \
	'nn-dot "$R/dot-w.in" "$R/dot-x.in"'
t_file "sec 8: the transposed form, x . W.T" "$R/dot-xwt.out" \
	'nn-dot -t "$R/dot-x.in" "$R/dot-w.in"'
t_file "sec 8: the same through nn-transpose and stdin" "$R/dot-xwt.out" \
	'nn-transpose "$R/dot-w.in" | nn-dot "$R/dot-x.in" -'
t_file "sec 8: batch X . W.T" "$R/dot-XWt.out" \
	'nn-dot -t "$R/dot-X.in" "$R/dot-w.in"'
t_err "sec 8: misaligned, numpy's words" 1 "nn-dot: $(cat "$R/dot-misaligned.err")" \
	'nn-dot "$R/dot-x.in" "$R/dot-w.in"'
t_err "dot: misaligned matrices" 1 "nn-dot: $(cat "$R/dot-misaligned-WW.err")" \
	'nn-dot "$R/dot-w.in" "$R/dot-w.in"'
t_err "dot: misaligned vectors" 1 "nn-dot: $(cat "$R/dot-misaligned-3-4.err")" \
	'echo 1 2 3 | nn-dot - "$R/dot-x.in"'
t_err "dot: both stdin" 2 "nn-dot: A and B cannot both be stdin
usage: nn-dot [-t] A B" 'nn-dot - - </dev/null'
t_err "dot: one operand" 2 "usage: nn-dot [-t] A B" 'nn-dot a'

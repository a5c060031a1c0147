# nn-spiral: nnfs spiral_data under nnfs.init(), against numpy
t_file "spiral 100 3: X as numpy" "$R/spiral-100-3.X" 'nn-spiral 100 3'
t_file "spiral 100 3: labels to -y" "$R/spiral-100-3.y" \
	'nn-spiral -y "$T/y" 100 3 >/dev/null && cat "$T/y"'
t_file "spiral 5 2" "$R/spiral-5-2.X" 'nn-spiral -s 0 5 2'
t_file "spiral seed 7" "$R/spiral-4-3-seed7.X" 'nn-spiral -s 7 4 3'
t_file "spiral -l appends the label" "$T/lab" \
	'paste -d " " "$R/spiral-5-2.X" "$R/spiral-5-2.y" >"$T/lab";
	 nn-spiral -l 5 2'
printf '%s\n' "0.00299555692 0.00964660756" "0.0128809698 0.0155628482" \
	"-0.700584829 -0.713569164" "-0 -0" "-0.94278878 0.333390683" |
	nn-transpose | nn-transpose >"$T/vec"
t_file "spiral: NUMPY.md's vectors X[1], X[2], X[99], X[100], X[299]" \
	"$T/vec" 'nn-spiral 100 3 | sed -n "2p;3p;100p;101p;300p"'
t_eq "spiral then dense continues the stream (-j 300)" \
	"$(sed -n 1p "$R/sec12-dense.out")" \
	'nn-spiral 100 3 | nn-dense -j 300 2 5 | head -n 1'
t_true "spiral: early pipe close is quiet" \
	'nn-spiral 1000000 3 2>"$T/e" | head -n 1 >/dev/null; ! [ -s "$T/e" ]'
t_err "spiral: full disk" 1 "nn-spiral: <stdout>: No space left on device" \
	'nn-spiral 10000 3 >/dev/full'
t_err "spiral: zero samples" 2 "nn-spiral: samples '0' is out of range [1, 9223372036854775807]
usage: nn-spiral [-l] [-s seed] [-j skip] [-y file] samples classes" \
	'nn-spiral 0 3'
t_err "spiral: negative classes" 2 "nn-spiral: classes '-3' is out of range [1, 16777216]
usage: nn-spiral [-l] [-s seed] [-j skip] [-y file] samples classes" \
	'nn-spiral 10 -3'
t_err "spiral: missing operand" 2 \
	"usage: nn-spiral [-l] [-s seed] [-j skip] [-y file] samples classes" \
	'nn-spiral 10'
t_err "spiral: bad seed" 2 "nn-spiral: seed 'x' is not an integer in [0, 4294967295]
usage: nn-spiral [-l] [-s seed] [-j skip] [-y file] samples classes" \
	'nn-spiral -s x 10 3'
t_err "spiral: unwritable labels file" 1 \
	"nn-spiral: $T/nodir/y: No such file or directory" \
	'nn-spiral -y "$T/nodir/y" 10 3'

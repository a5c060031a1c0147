# nn-vertical, nn-sine and nn-split: nnfs's other data sets, and splits
UV="usage: nn-vertical [-l] [-s seed] [-j skip] [-y file] samples classes"
US="usage: nn-sine [-l] [-y file] [samples]"
UP="usage: nn-split [-s seed] [-v fraction | -k folds -i fold] [-o prefix] inputs targets"

# nn-vertical: vertical_data under nnfs.init(), against numpy
t_file "vertical 100 3: X as numpy" "$R/vertical-100-3.X" 'nn-vertical 100 3'
t_file "vertical 100 3: labels to -y" "$R/vertical-100-3.y" \
	'nn-vertical -y "$T/vy" 100 3 >/dev/null && cat "$T/vy"'
t_file "vertical -l appends the label" "$T/vl" \
	'paste -d " " "$R/vertical-100-3.X" "$R/vertical-100-3.y" >"$T/vl";
	 nn-vertical -l 100 3'
# np.random.seed(5); vertical_data(3, 4), and after np.random.randn(3) at
# seed 1, vertical_data(2, 2), both under nnfs.init()
t_eq "vertical: seed 5, 3 samples of 4 classes" "0.04412275 0.47479078
-0.033087015 0.510961
0.24307711 0.6582481
0.2424101 0.467013
0.27416968 0.38072354
0.35209367 0.47951233
0.6307838 0.4299821
0.7270138 0.6151391
0.5001878 0.6857331
0.848882 0.4143147
1.0644847 0.41281208
0.9019392 0.45774922" 'nn-vertical -s 5 3 4'
t_eq "vertical: -j skips normals" "-0.10729686 0.26984614
0.086540766 0.67448115
0.25721264 0.47506297
0.36523727 0.6462108" 'nn-vertical -s 1 -j 3 2 2'
t_eq "vertical: -h" "$UV" 'nn-vertical -h | head -n 1'
t_true "vertical: early pipe close is quiet" \
	'nn-vertical 1000000 3 2>"$T/e" | head -n 1 >/dev/null; ! [ -s "$T/e" ]'
t_err "vertical: full disk" 1 "nn-vertical: <stdout>: No space left on device" \
	'nn-vertical 10000 3 >/dev/full'
t_err "vertical: unwritable labels file" 1 \
	"nn-vertical: $T/nodir/y: No such file or directory" \
	'nn-vertical -y "$T/nodir/y" 10 3'
t_err "vertical: zero samples" 2 "nn-vertical: samples '0' is out of range [1, 9223372036854775807]
$UV" 'nn-vertical 0 3'
t_err "vertical: too many classes" 2 "nn-vertical: classes '16777217' is out of range [1, 16777216]
$UV" 'nn-vertical 10 16777217'
t_err "vertical: missing operand" 2 "$UV" 'nn-vertical 10'
t_err "vertical: bad seed" 2 "nn-vertical: seed '-1' is not an integer in [0, 4294967295]
$UV" 'nn-vertical -s -1 10 3'
t_err "vertical: bad skip" 2 "nn-vertical: skip 'x' is not an integer
$UV" 'nn-vertical -j x 10 3'
t_err "vertical: bad option" 2 "nn-vertical: invalid option -- 'q'
$UV" 'nn-vertical -q 10 3'

# nn-sine: sine_data's float64 values, rounded to float32
t_file "sine: X is numpy's, rounded to float32" "$T/sx" \
	'nn-transpose "$R/train/sine.X" >"$T/sx"; nn-sine | nn-transpose'
t_file "sine: y is numpy's, rounded to float32" "$T/sy" \
	'nn-transpose "$R/train/sine.y" >"$T/sy";
	 nn-sine -y "$T/y" >/dev/null && nn-transpose "$T/y"'
t_file "sine: -l appends y" "$T/sl" \
	'nn-sine -y "$T/y" >"$T/x" && paste -d " " "$T/x" "$T/y" >"$T/sl";
	 nn-sine -l'
t_eq "sine: 4 samples" "0 0
0.25 1
0.5 1.2246469e-16
0.75 -1" 'nn-sine -l 4'
t_eq "sine: -h" "$US" 'nn-sine -h | head -n 1'
t_err "sine: full disk" 1 "nn-sine: <stdout>: No space left on device" \
	'nn-sine 100000 >/dev/full'
t_err "sine: unwritable y file" 1 \
	"nn-sine: $T/nodir/y: No such file or directory" \
	'nn-sine -y "$T/nodir/y"'
t_err "sine: zero samples" 2 "nn-sine: samples '0' is out of range [1, 9223372036854775807]
$US" 'nn-sine 0'
t_err "sine: samples not a number" 2 "nn-sine: samples '1e3' is not an integer
$US" 'nn-sine 1e3'
t_err "sine: two operands" 2 "$US" 'nn-sine 10 20'
t_err "sine: bad option" 2 "nn-sine: invalid option -- 's'
$US" 'nn-sine -s 1 10'

# nn-split: numpy's shuffle, then the last rows or fold i for validation
seq 0 9 >"$T/n10"
seq 100 109 >"$T/m10"
# keys = np.arange(n); np.random.seed(s); np.random.shuffle(keys)
t_eq "split: numpy's order, seed 0, train then val" "2 8 4 9 1 6 7 3 0 5" \
	'cd "$T" && nn-split -v 0.3 n10 m10 &&
	 cat train.X val.X | paste -s -d " " -'
t_eq "split: the last 3 of 10 rows are val" "3 103
0 100
5 105" 'cd "$T" && paste -d " " val.X val.y'
t_eq "split: the default fraction is 0.2" "2 2" \
	'cd "$T" && nn-split -s 3 n10 m10 && echo $(wc -l <val.X) $(wc -l <val.y)'
t_eq "split: seed 3" "5 4 1 2 9 6 7 0 3 8" \
	'cd "$T" && cat train.X val.X | paste -s -d " " -'
seq 0 24 >"$T/n25"
seq 0 24 | paste -s -d " " - >"$T/v25"
t_eq "split: a vector of targets, seed 7" \
	"1 5 11 13 2 21 9 16 12 0 23 6 20 17 24 10 18 8 14 7
19 3 22 4 15" \
	'nn-split -s 7 -o "$T/s7-" "$T/n25" "$T/v25" &&
	 cat "$T/s7-train.y" "$T/s7-val.y"'
t_eq "split: round(7 * 0.5) is 4, halves to even" "0 1 5
2 4 3 6" \
	'seq 0 6 >"$T/n7"; nn-split -s 42 -v 0.5 -o "$T/h-" "$T/n7" "$T/n7" &&
	 paste -s -d " " "$T/h-train.X"; paste -s -d " " "$T/h-val.y"'
t_true "split: rows stay paired" \
	'nn-spiral -l 100 3 >"$T/sl"; nn-spiral -y "$T/sy" 100 3 >/dev/null;
	 nn-split -s 9 -v 0.25 -o "$T/p-" "$T/sl" "$T/sy" &&
	 paste -d " " "$T/p-train.X" "$T/p-train.y" "$T/p-val.X" "$T/p-val.y" |
	 awk "\$3 != \$4 { exit 1 }" &&
	 [ "$(wc -l <"$T/p-val.X")" -eq 75 ]'
t_true "split: train and val are a permutation of the input" \
	'sort "$T/sl" >"$T/a"; cat "$T/p-train.X" "$T/p-val.X" | sort >"$T/b";
	 cmp "$T/a" "$T/b"'
t_eq "split: 4 folds of 10, in numpy's order" "2 8 4
9 1 6
7 3
0 5" \
	'for i in 0 1 2 3; do
		nn-split -k 4 -i $i -o "$T/f$i-" "$T/n10" "$T/m10" &&
		paste -s -d " " "$T/f$i-val.X"; done'
t_true "split: the folds partition the data" \
	'cat "$T"/f?-val.y | sort >"$T/a"; cmp "$T/a" "$T/m10" &&
	 for i in 0 1 2 3; do
		cat "$T/f$i-train.y" "$T/f$i-val.y" | sort | cmp - "$T/m10" ||
		exit 1; done'
t_eq "split: a fold's training rows keep the shuffled order" "2 8 4 9 1 6 0 5" \
	'paste -s -d " " "$T/f2-train.X"'
t_eq "split: samples of a 3-D tensor are its slices" "(2, 2, 2)
9 10
11 12

1 2
3 4
2 0" \
	'printf "1 2\n3 4\n\n5 6\n7 8\n\n9 10\n11 12\n" >"$T/x3";
	 echo "0 1 2" >"$T/y3";
	 nn-split -k 3 -i 1 -o "$T/d-" "$T/x3" "$T/y3" &&
	 nn-shape "$T/d-train.X" && cat "$T/d-train.X" "$T/d-train.y"'
t_eq "split: -h" "$UP" 'nn-split -h | head -n 1'
t_err "split: rows do not match" 1 \
	"nn-split: $T/n25: 25 rows, $T/n10 has 10" \
	'nn-split "$T/n10" "$T/n25"'
t_err "split: more folds than rows" 1 \
	"nn-split: $T/n7: 8 folds of 7 rows leave a fold empty" \
	'nn-split -k 8 -i 0 "$T/n7" "$T/n7"'
t_err "split: no validation rows" 1 \
	"nn-split: $T/n2: 2 rows at fraction 0.2 leave no validation rows" \
	'seq 2 >"$T/n2"; nn-split "$T/n2" "$T/n2"'
t_err "split: no training rows" 1 \
	"nn-split: $T/n2: 2 rows at fraction 0.9 leave no training rows" \
	'nn-split -v 0.9 "$T/n2" "$T/n2"'
t_err "split: unreadable inputs" 1 \
	"nn-split: $T/nope: No such file or directory" \
	'nn-split "$T/nope" "$T/n10"'
t_err "split: a word in targets that is not a number" 1 \
	"nn-split: $T/bad:2:1: 'two' is not a number" \
	'printf "1\ntwo\n" >"$T/bad"; nn-split "$T/n10" "$T/bad"'
t_err "split: a prefix in a folder that does not exist" 1 \
	"nn-split: $T/nodir/train.X: No such file or directory" \
	'nn-split -o "$T/nodir/" "$T/n10" "$T/m10"'
t_err "split: fraction 1" 2 "nn-split: fraction '1' is out of range (0, 1)
$UP" 'nn-split -v 1 "$T/n10" "$T/m10"'
t_err "split: fraction 0" 2 "nn-split: fraction '0' is out of range (0, 1)
$UP" 'nn-split -v 0 "$T/n10" "$T/m10"'
t_err "split: fraction not a number" 2 "nn-split: fraction 'half' is not a finite number
$UP" 'nn-split -v half "$T/n10" "$T/m10"'
t_err "split: one fold" 2 "nn-split: folds '1' is out of range [2, 9223372036854775807]
$UP" 'nn-split -k 1 -i 0 "$T/n10" "$T/m10"'
t_err "split: fold i >= k" 2 "nn-split: fold '4' is out of range [0, 3]
$UP" 'nn-split -k 4 -i 4 "$T/n10" "$T/m10"'
t_err "split: negative fold" 2 "nn-split: fold '-1' is out of range [0, 9223372036854775807]
$UP" 'nn-split -k 4 -i -1 "$T/n10" "$T/m10"'
t_err "split: -k without -i" 2 "nn-split: -k and -i go together
$UP" 'nn-split -k 4 "$T/n10" "$T/m10"'
t_err "split: -i without -k" 2 "nn-split: -k and -i go together
$UP" 'nn-split -i 0 "$T/n10" "$T/m10"'
t_err "split: -v with -k" 2 "nn-split: -v and -k cannot be used together
$UP" 'nn-split -v 0.5 -k 4 -i 0 "$T/n10" "$T/m10"'
t_err "split: bad seed" 2 "nn-split: seed 'x' is not an integer in [0, 4294967295]
$UP" 'nn-split -s x "$T/n10" "$T/m10"'
t_err "split: missing operand" 2 "$UP" 'nn-split "$T/n10"'
t_err "split: bad option" 2 "nn-split: invalid option -- 'q'
$UP" 'nn-split -q "$T/n10" "$T/m10"'

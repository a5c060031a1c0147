# hostile input: random bytes, NUL bytes, huge lines and rows, sizes that
# overflow, bad option values, deep brackets, lying .npy headers, nan and
# inf; always a named error, exit 1 or 2, never a signal, and no output
# after the last good row
HO=$T/hostile
mkdir -p "$HO"
nn-spiral -y "$HO/y" 20 3 >"$HO/X"
nn-dense -s 1 -o "$HO/W" 2 3 <"$HO/X" | nn-softmax >"$HO/p"
head -n 2 "$HO/W" >"$HO/M"

# ho_bytes SEED N: N random bytes (awk's rand, printf's octal escapes)
ho_bytes() {
	printf "$(awk -v s="$1" -v n="$2" 'BEGIN { srand(s);
		for (i = 0; i < n; i++) printf "\\%03o", int(rand() * 256) }')"
}

# ho_err NAME WHERE 'command': exit 1, one line on stderr that starts with
# WHERE (the program and the place), nothing on stdout
ho_err() {
	(eval "$3") >"$T/hout" 2>"$T/herr"
	st=$?
	if [ $st -ne 1 ]; then
		bad "$1: exit $st, expected 1" "$(head -c 400 "$T/herr")"
	elif [ -s "$T/hout" ]; then
		bad "$1: output" "$(head -c 200 "$T/hout")"
	elif [ "$(wc -l <"$T/herr")" -ne 1 ]; then
		bad "$1: not one line on stderr" "$(head -c 400 "$T/herr")"
	else
		case $(cat "$T/herr") in
		"$2"*) ok ;;
		*) bad "$1: stderr" "expected: $2...
got:      $(head -c 300 "$T/herr")" ;;
		esac
	fi
}

# ho_stops NAME EXPECTED WHERE 'command': exit 1 with a message that starts
# with WHERE, and stdout is EXPECTED (the good rows) and nothing more
ho_stops() {
	(eval "$4") >"$T/hout" 2>"$T/herr"
	st=$?
	if [ $st -ne 1 ]; then
		bad "$1: exit $st, expected 1" "$(head -c 400 "$T/herr")"
	elif ! cmp -s "$2" "$T/hout"; then
		bad "$1: output" "$(diff "$2" "$T/hout" | head -n 5)"
	else
		case $(cat "$T/herr") in
		"$3"*) ok ;;
		*) bad "$1: stderr" "expected: $3...
got:      $(head -c 300 "$T/herr")" ;;
		esac
	fi
}

# ho_usage NAME 'command': exit 2, a usage line, no output
ho_usage() {
	(eval "$2") </dev/null >"$T/hout" 2>"$T/herr"
	st=$?
	if [ $st -ne 2 ]; then
		bad "$1: exit $st, expected 2" "$(head -c 400 "$T/herr")"
	elif [ -s "$T/hout" ]; then
		bad "$1: output" "$(head -c 200 "$T/hout")"
	elif ! grep -q "^usage: ${2%% *}" "$T/herr"; then
		bad "$1: no usage line" "$(head -c 400 "$T/herr")"
	else
		ok
	fi
}

# every command that reads a tensor on stdin, and how
ho_stdin() {
	case $1 in
	nn-accuracy) ho_args='-y "$HO/y"' ;;
	nn-dense) ho_args='2 3' ;;
	nn-dot) ho_args='- "$HO/M"' ;;
	nn-dropout) ho_args='-r 0.5 -m "$HO/mask"' ;;
	nn-loss) ho_args='-b -y "$HO/y"' ;;
	nn-optim) ho_args='-a sgd - "$HO/W"' ;;
	nn-plot) ho_args='-y "$HO/y"' ;;
	nn-split) ho_args='-o "$HO/split." - "$HO/y"' ;;
	nn-train) ho_args='-e 2 -y "$HO/y" dense:4 relu dense:3 softmax' ;;
	nn-argmax | nn-idx | nn-npy | nn-relu | nn-shape | nn-sigmoid | \
	    nn-softmax | nn-step | nn-tanh | nn-transpose) ho_args= ;;
	nn-sine | nn-spiral | nn-vertical) return 1 ;;
	*) bad "$1: no hostile input tests: add it to ho_stdin in" \
		"tests/t-hostile.sh"; return 1 ;;
	esac
}

# random bytes, and NUL bytes: a named error, no output
ho_bytes 1 4096 >"$HO/random1"
ho_bytes 2 65536 >"$HO/random2"
{ echo "1 2"; ho_bytes 3 1000; } >"$HO/random3"
printf '\0\0\0\0' >"$HO/nul"
for c in cmd/*.c; do
	c=${c#cmd/}
	c=${c%.c}
	ho_stdin "$c" || continue
	for f in random1 random2 nul; do
		ho_err "$c: $f bytes" "$c: <stdin>:" \
			"$c $ho_args <\"\$HO/$f\""
	done
done
printf '1 2\n3 4\n5\0 6\n7 8\n' >"$HO/nul2"
printf '1 2\n3 4\n' >"$HO/good2"
ho_stops "a NUL byte in a row: the rows before it, and its line" \
	"$HO/good2" "nn-relu: <stdin>:3:" 'nn-relu <"$HO/nul2"'
ho_stops "random bytes after a good row" "$HO/good1" "nn-relu: <stdin>:2:" \
	'echo "1 2" >"$HO/good1"; nn-relu <"$HO/random3"'

# no output after the last good row, for each row-wise command
printf '1 2 3\n4 5 6\n7 8\n1 1 1\n' >"$HO/ragged"
head -n 2 "$HO/ragged" >"$HO/good"
for c in nn-argmax nn-relu nn-sigmoid nn-softmax nn-step nn-tanh \
    "nn-dense 3 2" "nn-dropout -r 0.5 -m \$HO/mask"; do
	eval "$c" <"$HO/good" >"$HO/exp" 2>/dev/null
	ho_stops "${c%% *}: nothing after the last good row" "$HO/exp" \
		"${c%% *}: <stdin>:3:" "$c <\"\$HO/ragged\""
done

# a 10 MB line, a 2-million-column row, a 10 MB word
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "%s", (i ? " 0.25" : "0.25");
	print "" }' >"$HO/wide"
t_eq "a 10 MB line of 2 million values" "(2000000,)" 'nn-shape <"$HO/wide"'
t_true "... through relu and softmax unchanged in shape" \
	'nn-relu <"$HO/wide" | cmp -s - "$HO/wide" &&
	 [ "$(nn-softmax <"$HO/wide" | nn-shape)" = "(2000000,)" ]'
t_eq "... its argmax" "0" 'nn-argmax <"$HO/wide"'
t_eq "... as one input row of a dense layer" "(2,)" \
	'nn-dense 2 <"$HO/wide" | nn-shape'
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "x0"; print "" }' \
	>"$HO/word"
ho_err "a 2 MB word: a named error, the word cut short" \
	"nn-relu: <stdin>:1:1: 'x0x0x0x0" 'nn-relu <"$HO/word"'
t_true "... the message stays short" '[ "$(wc -c <"$T/herr")" -lt 200 ]'
awk 'BEGIN { printf "1"; for (i = 0; i < 100000; i++) printf "0"; print "" }' \
	>"$HO/bignum"
ho_err "a 100001-digit number is out of range" "nn-relu: <stdin>:1:1: '1000" \
	'nn-relu <"$HO/bignum"'
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf " "; print "1 2" }' \
	>"$HO/blanks"
t_eq "a million blanks before a row" "1 2" 'nn-relu <"$HO/blanks"'

# brackets nested deeper than any shape: a limit with a message
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "1" }' \
	>"$HO/deep"
ho_err "100000 nested brackets" "nn-shape: <stdin>:1: more than" \
	'nn-shape <"$HO/deep"'
awk 'BEGIN { for (i = 0; i < 100000; i++) print "["; print "1" }' \
	>"$HO/deeplines"
ho_err "100000 nested brackets, one a line" "nn-shape: <stdin>:" \
	'nn-shape <"$HO/deeplines"'
t_eq "31 nested brackets are a 31-D shape" \
	"(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2)" \
	'awk "BEGIN { for (i = 0; i < 31; i++) printf \"[\"; printf \"1 2\";
		for (i = 0; i < 31; i++) printf \"]\"; print \"\" }" | nn-shape'
awk 'BEGIN { for (i = 0; i < 40; i++) print ""; print "1" }' \
	>"$HO/blanksep"
t_eq "a row after 40 blank lines, the first row" "1" \
	'nn-relu <"$HO/blanksep"'
awk 'BEGIN { print "1"; for (i = 0; i < 40; i++) print ""; print "1" }' \
	>"$HO/blanksep2"
ho_stops "40 blank lines between rows: too many dimensions" "$HO/one" \
	"nn-relu: <stdin>:" 'echo 1 >"$HO/one"; nn-relu <"$HO/blanksep2"'

# a .npy header that claims more than follows, or an impossible shape
ho_npy() {
	printf '\223NUMPY\001\000\166\000%-117s\n' \
		"{'descr': '<f4', 'fortran_order': False, 'shape': $1, }"
}
{ ho_npy "(9, 3)"; printf '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'; } \
	>"$HO/short.npy"
printf '0 0 0\n0 0 0\n' >"$HO/zeros"
ho_stops "a .npy header that claims 27 values, 6 follow" "$HO/zeros" \
	"nn-relu: <stdin>: numpy data ends after 6 of 27 values" \
	'nn-relu <"$HO/short.npy"'
ho_err "a .npy shape whose size overflows" "nn-shape: <stdin>: numpy" \
	'{ ho_npy "(4000000000, 4000000000, 4000000000)"; printf "\0\0\0\0"; } |
	 nn-shape'
ho_err "a .npy shape of a billion values, 4 bytes of data" \
	"nn-relu: <stdin>: numpy data ends after 1 of 1000000000 values" \
	'{ ho_npy "(1000000000,)"; printf "\0\0\0\0"; } | nn-relu'

# sizes that overflow when multiplied, and sizes that are too large
ho_usage "nn-dense 4000000000 4000000000" 'nn-dense 4000000000 4000000000'
ho_err "nn-dense 2147483647 2147483647: too large, no crash" "nn-dense: " \
	'nn-dense 2147483647 2147483647 </dev/null'
ho_err "nn-dense 1000000 1000000: out of memory, no crash" \
	"nn-dense: out of memory" 'nn-dense 1000000 1000000 </dev/null'
ho_err "nn-train dense:1000000 dense:1000000: out of memory" \
	"nn-train: out of memory" \
	'nn-train -e 1 -y "$HO/y" dense:1000000 dense:1000000 softmax \
		<"$HO/X"'

# negative, zero and bad sizes and option values: a usage error
for u in \
    'nn-dense 0 3' 'nn-dense 2 0' 'nn-dense -- -5 3' 'nn-dense 2 x' \
    'nn-dense 2 3.5' 'nn-dense -w nan 2 3' 'nn-dense -w inf 2 3' \
    'nn-dense -w 1e39 2 3' 'nn-dense -w "" 2 3' 'nn-dense -j -5 2 3' \
    'nn-dense -j x 2 3' 'nn-dense -j 99999999999999999999 2 3' \
    'nn-dense -s 4294967296 2 3' 'nn-dense -s -1 2 3' 'nn-dense -s 1.5 2 3' \
    'nn-dense -s " 1" 2 3' \
    'nn-spiral 0 3' 'nn-spiral 10 0' 'nn-spiral -- -10 3' 'nn-spiral 10 x' \
    'nn-spiral 10 16777217' 'nn-spiral -j -5 10 3' \
    'nn-spiral -s 4294967296 10 3' 'nn-spiral -s 18446744073709551616 10 3' \
    'nn-vertical 0 3' 'nn-vertical -j -5 10 3' \
    'nn-vertical -s 4294967296 10 3' \
    'nn-sine 0' 'nn-sine -- -5' 'nn-sine x' \
    'nn-dropout -r nan -m m' 'nn-dropout -r 1 -m m' 'nn-dropout -r -0.5 -m m' \
    'nn-dropout -r 0.5 -j -5 -m m' 'nn-dropout -r 0.5 -k -1 -m m' \
    'nn-dropout -r 0.5 -s 4294967296 -m m' \
    'nn-optim -a adam -r nan P G' 'nn-optim -a adam -r 0 P G' \
    'nn-optim -a adam -r -1 P G' 'nn-optim -a adam -d inf P G' \
    'nn-optim -a sgd -m 1 P G' 'nn-optim -a adam -e 0 P G' \
    'nn-optim -a adam -1 1 P G' 'nn-optim -a adam -2 nan P G' \
    'nn-optim -a nope P G' \
    'nn-train -w nan -y y dense:3' 'nn-train -j -5 -y y dense:3' \
    'nn-train -s 4294967296 -y y dense:3' 'nn-train -e -1 -y y dense:3' \
    'nn-train -B 0 -y y dense:3' 'nn-train -r nan -y y dense:3' \
    'nn-train -r 0 -y y dense:3' 'nn-train -d -1 -y y dense:3' \
    'nn-train -m 1 -y y dense:3' 'nn-train -P x -y y dense:3' \
    'nn-train -y y dense:0' 'nn-train -y y dense:-1' 'nn-train -y y dense:x' \
    'nn-train -y y dense:2147483648' 'nn-train -y y dropout:1' \
    'nn-train -y y dropout:nan' 'nn-train -y y dense:3:l2=nan' \
    'nn-train -y y dense:3:l2=-1' \
    'nn-accuracy -p nan -y y' 'nn-accuracy -t nope -y y' \
    'nn-loss -t nope -y y' \
    'nn-split -s 4294967296 X y' 'nn-split -v nan X y' 'nn-split -v 1.5 X y' \
    'nn-split -k 1 -i 0 X y' 'nn-split -k x -i 0 X y' \
    'nn-split -k 5 -i -1 X y' \
    'nn-plot -W 0 X' 'nn-plot -H x X' 'nn-plot -g 0 X' 'nn-plot -g nan X' \
    'nn-idx -n -1' 'nn-idx -n x' \
    'nn-npy -d f2'; do
	ho_usage "$u: a usage error" "$u"
done

# nan and inf as numpy 1.24 has them (float32): relu(nan) is nan,
# softmax of a row with inf is nan where inf - inf is
printf '1 inf\n-inf 1\nnan 1\n-inf -inf\ninf inf\ninf -inf\n0 -inf\n' \
	>"$HO/naninf"
t_eq "nan and inf: relu" "1 inf
0 1
nan 1
0 0
inf inf
inf 0
0 0" 'nn-relu <"$HO/naninf"'
t_eq "nan and inf: softmax" "nan nan
0 1
nan nan
nan nan
nan nan
nan nan
1 0" 'nn-softmax <"$HO/naninf"'
t_eq "nan and inf: sigmoid" "0.7310586 1
0 0.7310586
nan 0.7310586
0 0
1 1
1 0
0.5 0" 'nn-sigmoid <"$HO/naninf"'
t_eq "nan and inf: tanh" "0.7615942 1
-1 0.7615942
nan 0.7615942
-1 -1
1 1
1 -1
0 -1" 'nn-tanh <"$HO/naninf"'
t_eq "nan and inf: step (nan > 0 is false)" "1 1
0 1
0 1
0 0
1 1
1 0
0 0" 'nn-step <"$HO/naninf"'
t_eq "nan and inf: argmax (the first nan, the first of equals)" "1
1
0
0
0
0
0" 'nn-argmax <"$HO/naninf"'

# the inputs a fuzzer crashed on (fuzz/crashes, NAME-what), each through
# the command that reads it: exit 0, or 1 with one line that names the
# file; never a signal
ho_clean() {
	(eval "$2") </dev/null >/dev/null 2>"$T/herr"
	st=$?
	if [ $st -gt 1 ]; then
		bad "$1: exit $st" "$(head -c 400 "$T/herr")"
	elif [ $st -eq 1 ] && { [ "$(wc -l <"$T/herr")" -ne 1 ] ||
	    ! grep -q "^${2%% *}: $3:" "$T/herr"; }; then
		bad "$1: not a named error" "$(head -c 400 "$T/herr")"
	else
		ok
	fi
}
for f in fuzz/crashes/*; do
	[ -f "$f" ] || continue
	case ${f##*/} in
	idx-*) ho_clean "fuzz/crashes: $f" 'nn-idx "$f"' "$f" ;;
	read-* | params-*)
		ho_clean "fuzz/crashes: $f" 'nn-shape "$f"' "$f"
		ho_clean "fuzz/crashes: $f from stdin" 'nn-relu <"$f"' \
			"<stdin>" ;;
	*) bad "fuzz/crashes: $f: no test for it in tests/t-hostile.sh" ;;
	esac
done
ho_err "idx: a header that declares more than the file holds" \
	"nn-idx: <stdin>: truncated: 0 of the 2576967675 items" \
	'nn-idx <fuzz/crashes/idx-huge-item'
ho_err "idx: no items, but items of 580 million billion bytes" \
	"nn-idx: <stdin>: 12 trailing bytes after the 0 items" \
	'nn-idx <fuzz/crashes/idx-no-items-huge-item'
ho_err "idx: items whose size overflows size_t" \
	"nn-idx: <stdin>: items of more than" \
	'printf "\0\0\010\003\0\0\0\001\377\377\377\377\377\377\377\377" |
	 nn-idx'

# the text tensor reader and number printer, through nn-relu
t_eq "numbers print shortest and round-trip" "0.1 3 1e-07 -0 0.002995557 1e+16 123456790 1e-04" \
	'echo "0.1 3.0 1e-7 -0.0 0.00299555692 1e16 123456789 0.0001" | nn-relu'
t_eq "nan and inf in any case" "nan inf -inf nan" \
	'echo "NaN INF -Infinity nan" | nn-transpose'
t_eq "hex floats, as strtod reads them" "0.125" 'echo "0x1p-3" | nn-relu'
t_eq "underflow reads as strtof does" "1e-45 0" 'echo "1e-45 1e-50" | nn-relu'
t_err "ragged row: file, line and both lengths" 1 \
	"nn-relu: <stdin>:3:3: ragged row: 2 values, expected 3" \
	'printf "1 2 3\n4 5 6\n7 8\n9 1 2\n" | nn-relu'
printf "1 2 3\n4 5 6\n" >"$T/complete"
t_file "ragged row: output stops at the last complete row" "$T/complete" \
	'printf "1 2 3\n4 5 6\n7 8\n" | nn-relu 2>/dev/null; true'
t_err "not a number: file:line:field" 1 \
	"nn-relu: <stdin>:2:2: 'abc' is not a number" \
	'printf "1 2\n3 abc\n" | nn-relu'
t_err "not a number in a named file" 1 \
	"nn-transpose: $T/f:1:3: '1.2.3' is not a number" \
	'echo "1 2 1.2.3" >"$T/f"; nn-transpose "$T/f"'
t_err "out of float32 range" 1 \
	"nn-relu: <stdin>:1:2: '1e39' is out of float32 range" \
	'echo "1 1e39" | nn-relu'
t_err "bracket that does not close" 1 "nn-shape: <stdin>:2: '[' is not closed" \
	'printf "[[1, 2],\n [3, 4]\n" | nn-shape'
t_err "unmatched closing bracket" 1 "nn-shape: <stdin>:1: text after the closing bracket" \
	'echo "[1, 2]]" | nn-shape'
t_err "bracket in plain text" 1 "nn-relu: <stdin>:2:1: unexpected '[' in a row of plain text" \
	'printf "1 2\n[3 4]\n" | nn-relu'
t_err "ragged brackets" 1 "nn-shape: <stdin>:1:2: ragged row: 1 values, expected 2" \
	'echo "[[1, 2], [3]]" | nn-shape'
t_err "number at the wrong depth" 1 "nn-shape: <stdin>:1: a number at bracket depth 1, expected 2" \
	'echo "[[1, 2], 3]" | nn-shape'
t_err "empty field" 1 "nn-relu: <stdin>:1:2: empty field" \
	'echo "1,,2" | nn-relu'
t_true "a value passes any number of pipes unchanged" \
	'nn-relu <"$R/sec12-relu.out" | nn-relu | nn-relu | cmp -s - "$R/sec12-relu.out"'

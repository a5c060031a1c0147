# nn-relu and nn-softmax: the notes' section 12, against numpy
t_file "sec 12: ReLU of the dense output" "$R/sec12-relu.out" \
	'nn-relu <"$R/sec12-dense.out"'
t_file "sec 12: softmax of the ReLU output" "$R/sec12-softmax.out" \
	'nn-softmax <"$R/sec12-relu.out"'
t_file "sec 12: the whole pipeline" "$R/sec12-softmax.out" \
	'nn-spiral 100 3 | nn-dense -j 300 2 5 | nn-relu | nn-softmax'
t_file "sec 12: softmax of the dense output" "$R/sec12-softmax-dense.out" \
	'nn-softmax <"$R/sec12-dense.out"'
t_eq "relu: -0 and nan pass, negatives become 0" "-0 nan 0 2 0 inf" \
	'echo "-0 nan -1 2 -inf inf" | nn-relu'
t_eq "relu keeps blocks and comments out" "0 1

2 0" 'printf "# c\n-1 1 # x\n\n2 -2\n" | nn-relu'
t_file "softmax [1, 2, 3] in full" "$R/softmax-123.out" \
	'echo "[[1, 2, 3]]" | nn-softmax'
t_eq "softmax [1, 2, 3] to 2 digits: [0.09, 0.24, 0.67]" "0.09 0.24 0.67" \
	'echo "1 2 3" | nn-softmax | awk "{ printf \"%.2f %.2f %.2f\n\", \$1, \$2, \$3 }"'
t_file "softmax [3, 1, 0.2]" "$R/softmax-3-1-02.out" \
	'echo "3 1 0.2" | nn-softmax'
t_file "softmax: very large inputs do not overflow" "$R/softmax-large.out" \
	'nn-softmax <"$R/softmax-large.in"'
t_true "softmax: rows sum to 1 within float32 rounding" \
	'nn-softmax <"$R/sec12-dense.out" | awk "{ s = 0; for (i = 1; i <= NF; i++) s += \$i;
	 if (s < 0.9999995 || s > 1.0000005) exit 1 }"'
t_err "relu: takes no operands" 2 "usage: nn-relu [-b fwd_input]" 'nn-relu x </dev/null'
t_err "softmax: bad option" 2 "nn-softmax: invalid option -- 'q'
usage: nn-softmax [-b fwd_output]" 'nn-softmax -q </dev/null'
t_true "relu -h prints the usage to stdout" \
	'nn-relu -h | grep -q "^usage: nn-relu"'
t_true "softmax --help prints the usage to stdout" \
	'nn-softmax --help | grep -q "^usage: nn-softmax"'
t_err "relu: full disk" 1 "nn-relu: <stdout>: No space left on device" \
	'nn-relu <"$R/sec12-dense.out" >/dev/full'

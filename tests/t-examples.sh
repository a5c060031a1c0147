# the examples run as written
mkdir -p "$T/ex/spiral" "$T/ex/sweep"
cp examples/spiral/Makefile "$T/ex/spiral/"
cp examples/sweep/Makefile "$T/ex/sweep/"
t_true "examples/spiral: train, validate, predict" \
	'cd "$T/ex/spiral" && make -s NN="$NN_BIN" EPOCHS=101 >out 2>&1 &&
	 grep -q "^validation accuracy: 0\.[0-9]*$" out &&
	 grep -q "^epoch: 100, acc: " out'
t_true "examples/sweep: make -j2 ends in a table of 6 runs" \
	'cd "$T/ex/sweep" && make -s -j2 NN="$NN_BIN" EPOCHS=51 >out 2>&1 &&
	 [ "$(grep -c "^0\.[0-9]* *[0-9]* *[0-9.]* " out)" -eq 6 ]'
t_true "examples/train-by-pipes.sh: 11 epochs by pipes" \
	'sh examples/train-by-pipes.sh 11 "$T/ex/pipes" >"$T/ex/pipes.out" &&
	 tail -n 1 "$T/ex/pipes.out" | grep -q "^epoch: 10, acc: 0\.[0-9]*, loss: "'

# latency: a row-wise command whose input waits (a pipe from a slow writer)
# sends out what it has made of the rows so far, instead of holding them
# until its buffers fill or the input ends
LA=$T/latency
mkdir -p "$LA"
mkfifo "$LA/in" "$LA/out"
printf '1 -2\n' >"$LA/x"
printf '0\n' >"$LA/y"
nn-dense -s 1 -o "$LA/p" 2 3 </dev/null
nn-dense -s 2 -o "$LA/p2" 2 2 </dev/null

# la_first 'CMD': its first output line for the row "1 -2" while its input
# is a pipe that stays open; nothing if none comes within 10 seconds
la_first() {
	eval "$1" <"$LA/in" >"$LA/out" 2>/dev/null &
	la_pid=$!
	exec 3>"$LA/in" 4<"$LA/out"
	cat "$LA/x" >&3
	la_line=$(timeout 10 head -n 1 <&4)
	exec 3>&- 4<&-
	wait "$la_pid"
	printf '%s\n' "$la_line"
}

# la_row NAME 'CMD': la_first gives the first line the command writes for
# the same row from a file
la_row() {
	la_cmd=$2
	la_want=$(eval "$2" <"$LA/x" 2>/dev/null | head -n 1)
	if [ -z "$la_want" ]; then
		bad "$1: no output from a file"
		return
	fi
	t_eq "$1" "$la_want" 'la_first "$la_cmd"'
}
la_row "nn-relu prints a row while its input stays open" 'nn-relu'
la_row "nn-softmax prints a row while its input stays open" 'nn-softmax'
la_row "nn-argmax prints a row while its input stays open" 'nn-argmax'
la_row "nn-dense prints a row while its input stays open" \
    'nn-dense -p "$LA/p"'
la_row "nn-dense -b prints a row while its input stays open" \
    'nn-dense -b "$LA/x" -p "$LA/p2" -g "$LA/g"'
la_row "nn-relu -b prints a row while its input stays open" \
    'nn-relu -b "$LA/x"'
la_row "nn-loss -b prints a row while its input stays open" \
    'nn-loss -t mse -b -y "$LA/x"'
la_row "nn-dropout prints a row while its input stays open" \
    'nn-dropout -r 0.5 -m "$LA/m"'

# faults: full output, closed and odd descriptors, missing files, a full
# disk, and kills at any moment during nn-optim and nn-train -o
FA=$T/faults
mkdir -p "$FA"
nn-spiral -y "$FA/y" 2000 3 >"$FA/X"
nn-dense -s 1 -o "$FA/W" 2 3 <"$FA/X" | nn-softmax >"$FA/p"
head -n 2 "$FA/W" >"$FA/M"
printf '\0\0\010\001\0\0\0\003\001\002\003' >"$FA/idx"

# fa_cmd CMD: sets fa_args (eval'd after CMD) and fa_in (the file it reads
# on stdin, empty for none), as a run that writes to stdout; 1: no entry
fa_cmd() {
	fa_in=X
	case $1 in
	nn-accuracy) fa_args='-y "$FA/y"' fa_in=p ;;
	nn-argmax) fa_args= fa_in=p ;;
	nn-dense) fa_args='2 3' ;;
	nn-dot) fa_args='- "$FA/M"' ;;
	nn-dropout) fa_args='-r 0.5 -m "$FA/mask"' ;;
	nn-idx) fa_args= fa_in=idx ;;
	nn-loss) fa_args='-b -y "$FA/y"' fa_in=p ;;
	nn-npy) fa_args= ;;
	nn-optim) fa_args='-a sgd - "$FA/W"' fa_in=W ;;
	nn-plot) fa_args='-y "$FA/y"' ;;
	nn-relu | nn-shape | nn-sigmoid | nn-softmax | nn-step | nn-tanh | \
	    nn-transpose) fa_args= ;;
	nn-sine) fa_args=100 fa_in= fa_big=20000 ;;
	nn-spiral | nn-vertical) fa_args='100 3' fa_in= fa_big='10000 3' ;;
	nn-split) fa_args='-o "$FA/split." "$FA/X" -' fa_in=y ;;
	nn-train) fa_args='-e 2 -P 1 -y "$FA/y" dense:4 relu dense:3 softmax' ;;
	*) return 1 ;;
	esac
}

# fa_quiet CMD ARGS IN: its output read a byte, the pipe closed: no message,
# and exit 0, 1 (EPIPE with SIGPIPE ignored) or killed by SIGPIPE
fa_quiet() {
	{
		eval "$1 $2" <"$FA/$3" 2>"$T/qerr"
		echo $? >"$T/qst"
	} | head -c 1 >/dev/null
	st=$(cat "$T/qst")
	cat "$T/qerr"
	[ ! -s "$T/qerr" ] && { [ "$st" -le 1 ] || [ "$st" -eq 141 ]; }
}

for c in cmd/*.c; do
	c=${c#cmd/}
	c=${c%.c}
	if ! fa_cmd "$c"; then
		bad "$c: no fault tests: add it to fa_cmd in tests/t-faults.sh"
		continue
	fi
	fa_run="$c $fa_args"
	[ -n "$fa_in" ] && fa_run="$fa_run <\"\$FA/$fa_in\""
	case $c in
	nn-split)
		;;	# no stdout: its files fill up in the full disk tests
	nn-train)
		t_err "$c: its log to /dev/full: exit 1" 1 "" \
			"$fa_run 2>/dev/full" ;;
	*)
		t_err "$c: output to /dev/full: exit 1 and a message" 1 \
			"$c: <stdout>: No space left on device" \
			"$fa_run >/dev/full" ;;
	esac
	if [ -n "$fa_in" ]; then
		t_err "$c: stdin closed" 1 "$c: <stdin>: Bad file descriptor" \
			"$c $fa_args <&-"
		t_err "$c: stdin a directory" 1 "$c: <stdin>: Is a directory" \
			"$c $fa_args <\"\$FA\""
		case $c in
		nn-split | nn-train) ;;	# nothing on stdout
		*)
			t_true "$c: a reader that closes the pipe early" \
				"fa_quiet '$c' '$fa_args' $fa_in"
			t_true "$c: ... with SIGPIPE ignored" \
				"(trap '' PIPE; fa_quiet '$c' '$fa_args' $fa_in)"
		esac
	else
		eval "$fa_run" >"$T/fa.out" 2>&1
		t_file "$c: a closed stdin is not read" "$T/fa.out" \
			"$fa_run <&-"
		t_true "$c: a reader that closes the pipe early" \
			"fa_quiet '$c' '$fa_big' y"
	fi
done

# a closed descriptor is not taken by a file opened later
t_err "closed stdin: params are not read as stdin" 1 \
	"nn-dense: <stdin>: Bad file descriptor" 'nn-dense -p "$FA/W" <&-'
t_err "closed stdout: Y does not go into the mask file" 1 \
	"nn-dropout: <stdout>: Bad file descriptor" \
	'rm -f "$FA/m"; nn-dropout -r 0.5 -m "$FA/m" <"$FA/X" >&-'
t_true "... and there is no mask file" '[ ! -e "$FA/m" ] &&
	 [ -z "$(ls "$FA" | grep "^m\.")" ]'
t_true "closed stderr: a failed step still exits 1, params unchanged" \
	'cp "$FA/W" "$FA/w2"; nn-optim -a sgd "$FA/w2" "$FA/X" 2>&-;
	 [ $? -eq 1 ] && cmp "$FA/W" "$FA/w2"'

# missing, vanished and unreadable params
t_err "params that do not exist" 1 \
	"nn-dense: $FA/none: No such file or directory" \
	'nn-dense -p "$FA/none" <"$FA/X"'
t_err "params that vanished (a dangling link)" 1 \
	"nn-dense: $FA/gone: No such file or directory" \
	'cp "$FA/W" "$FA/was"; ln -s "$FA/was" "$FA/gone"; rm "$FA/was";
	 nn-dense -p "$FA/gone" <"$FA/X"'
t_err "params that are a folder" 1 "nn-dense: $FA: Is a directory" \
	'nn-dense -p "$FA" <"$FA/X"'
t_err "nn-optim: params that do not exist are not made" 1 \
	"nn-optim: $FA/none: No such file or directory" \
	'nn-optim -a adam -S "$FA/none.s" "$FA/none" "$FA/W"; st=$?;
	 [ ! -e "$FA/none" ] && [ ! -e "$FA/none.s" ] && exit $st'
t_err "nn-dense -b: missing params, no gradient file" 1 \
	"nn-dense: $FA/none: No such file or directory" \
	'nn-dense -b "$FA/X" -p "$FA/none" -g "$FA/g" <"$FA/p"; st=$?;
	 [ ! -e "$FA/g" ] && exit $st'
t_err "nn-train: validation inputs that do not exist" 1 \
	"nn-train: $FA/none: No such file or directory" \
	'nn-train -e 1 -X "$FA/none" -Y "$FA/y" -y "$FA/y" dense:3 softmax \
		<"$FA/X"'
if [ "$(id -u)" != 0 ]; then
	t_err "params that cannot be read" 1 \
		"nn-dense: $FA/locked: Permission denied" \
		'cp "$FA/W" "$FA/locked"; chmod 0 "$FA/locked";
		 nn-dense -p "$FA/locked" <"$FA/X"'
fi

# a full disk, as a file size limit (SIGXFSZ ignored: writes fail EFBIG):
# the command exits 1 naming the file, the old file stays, no temporaries
nn-dense -s 3 -o "$FA/P" 60 60 </dev/null
nn-dense -s 4 -o "$FA/G" 60 60 </dev/null

# fa_limited BLOCKS 'command': run with files limited to BLOCKS of 512 bytes
fa_limited() {
	(trap '' XFSZ; ulimit -f "$1" && eval "$2")
}

# fa_intact FILE...: each equals its FILE.old, and no FILE.XXXXXX is left
fa_intact() {
	for f; do
		cmp "$f.old" "$f" || return 1
		ls "$(dirname "$f")" | grep -v '\.old$' |
			grep "^$(basename "$f")\.......$" && return 1
	done
	return 0
}

fa_keep() {
	for f; do cp "$f" "$f.old"; done
}

mkdir -p "$FA/d"
cp "$FA/P" "$FA/d/p"
nn-optim -a adam -S "$FA/d/s" "$FA/d/p" "$FA/G"
fa_keep "$FA/d/p" "$FA/d/s"
fa_adam='nn-optim -a adam -S "$FA/d/s" "$FA/d/p" "$FA/G"'
fa_sgd='nn-optim -a sgd -d 0.1 -S "$FA/d/s" "$FA/d/p" "$FA/G"'
t_err "full disk: nn-optim adam" 1 "nn-optim: $FA/d/p: File too large" \
	'fa_limited 8 "$fa_adam"'
t_true "... params and state as they were" 'fa_intact "$FA/d/p" "$FA/d/s"'
t_err "full disk: adam's state (params fit)" 1 \
	"nn-optim: $FA/d/s: File too large" \
	'fa_limited 100 "$fa_adam"'
t_true "... params and state as they were" 'fa_intact "$FA/d/p" "$FA/d/s"'
rm -f "$FA/d/s"
eval "$fa_sgd"
fa_keep "$FA/d/p" "$FA/d/s"
t_err "full disk: sgd's small state fits, params do not" 1 \
	"nn-optim: $FA/d/p: File too large" \
	'fa_limited 8 "$fa_sgd"'
t_true "... the state is not a step ahead of the params" \
	'fa_intact "$FA/d/p" "$FA/d/s" &&
	 eval "$fa_sgd"'

cp "$FA/W" "$FA/d/w"
fa_keep "$FA/d/w"
t_err "full disk: nn-dense -o" 1 "nn-dense: $FA/d/w: File too large" \
	'fa_limited 1 "nn-dense -s 9 -o \"\$FA/d/w\" 60 60 </dev/null"'
t_true "... the old params stay" 'fa_intact "$FA/d/w"'
cp "$FA/G" "$FA/d/g"
fa_keep "$FA/d/g"
t_err "full disk: nn-dense -b -g" 1 "nn-dense: $FA/d/g: File too large" \
	'nn-dense -p "$FA/P" <"$FA/P" >"$FA/z60";
	 fa_limited 8 "nn-dense -b \"\$FA/P\" -p \"\$FA/P\" -g \"\$FA/d/g\" \
		<\"\$FA/z60\" >/dev/null"'
t_true "... the old gradient stays" 'fa_intact "$FA/d/g"'
nn-dropout -r 0.5 -m "$FA/d/mask" <"$FA/X" >/dev/null
fa_keep "$FA/d/mask"
t_err "full disk: nn-dropout -m" 1 "nn-dropout: $FA/d/mask: File too large" \
	'fa_limited 8 "nn-dropout -r 0.2 -m \"\$FA/d/mask\" <\"\$FA/X\" \
		>/dev/null"'
t_true "... the old mask stays" 'fa_intact "$FA/d/mask"'
nn-spiral -y "$FA/d/labels" 1000 3 >/dev/null
fa_keep "$FA/d/labels"
t_err "full disk: nn-spiral -y" 1 "nn-spiral: $FA/d/labels: File too large" \
	'fa_limited 2 "nn-spiral -y \"\$FA/d/labels\" 1000 2 >/dev/null"'
t_true "... the old labels stay" 'fa_intact "$FA/d/labels"'
nn-train -e 1 -P 0 -o "$FA/d/t" -y "$FA/y" dense:64 relu dense:3 softmax \
	<"$FA/X" 2>/dev/null
fa_keep "$FA/d/t1" "$FA/d/t2"
t_true "full disk: nn-train -o: exit 1 and a message" \
	'fa_limited 2 "nn-train -e 1 -P 0 -s 3 -o \"\$FA/d/t\" -y \"\$FA/y\" \
		dense:64 relu dense:3 softmax <\"\$FA/X\"" 2>"$T/terr";
	 [ $? -eq 1 ] &&
	 [ "$(tail -n 1 "$T/terr")" = "nn-train: $FA/d/t1: File too large" ]'
t_true "... the old params stay" 'fa_intact "$FA/d/t1" "$FA/d/t2"'
nn-split -o "$FA/d/" "$FA/X" "$FA/y"
fa_keep "$FA/d/train.X" "$FA/d/val.X"
t_err "full disk: nn-split -o" 1 "nn-split: $FA/d/train.X: File too large" \
	'fa_limited 8 "nn-split -s 5 -o \"\$FA/d/\" \"\$FA/X\" \"\$FA/y\""'
t_true "... the old sets stay" 'fa_intact "$FA/d/train.X" "$FA/d/val.X"'

# a real full disk, where a small tmpfs can be mounted (root)
if [ "$(id -u)" = 0 ] && mkdir -p "$FA/full" &&
    mount -t tmpfs -o size=512k nn-test "$FA/full" 2>/dev/null; then
	cp "$FA/d/p" "$FA/full/p"
	nn-optim -a adam -S "$FA/full/s" "$FA/full/p" "$FA/G"
	fa_keep "$FA/full/p" "$FA/full/s"
	# leave less room than the params take, then less than params + state
	for fa_room in 16:p 80:s; do
		fa_free=$(df -P -k "$FA/full" | awk 'NR == 2 { print $4 }')
		dd if=/dev/zero of="$FA/full/fill" bs=1024 \
			count=$((fa_free - ${fa_room%:*})) 2>/dev/null
		t_err "full tmpfs, ${fa_room%:*}k free: nn-optim adam" 1 \
			"nn-optim: $FA/full/${fa_room#*:}: No space left on device" \
			'nn-optim -a adam -S "$FA/full/s" "$FA/full/p" "$FA/G"'
		t_true "... params and state as they were" \
			'fa_intact "$FA/full/p" "$FA/full/s"'
		rm -f "$FA/full/fill"
	done
	umount "$FA/full"
fi

# fa_ms 'command': its run time in milliseconds (100 without date +%N)
fa_ms() {
	fa_t0=$(date +%s%N)
	eval "$1" >/dev/null 2>&1
	fa_t1=$(date +%s%N)
	case $fa_t0$fa_t1 in
	*[!0-9]*) echo 100 ;;
	*) echo $(((fa_t1 - fa_t0) / 1000000 + 1)) ;;
	esac
}

# fa_kill 'command' MS I: run it, kill -9 it after a random 0 to 1.2 MS ms
fa_kill() {
	(eval "exec $1") >/dev/null 2>&1 &
	fa_pid=$!
	sleep "$(awk -v s="$3" -v m="$2" \
		'BEGIN { srand(s); printf "%.4f", rand() * m * 1.2 / 1000 }')"
	kill -9 $fa_pid 2>/dev/null
	wait $fa_pid 2>/dev/null
}

# fa_which FILE: old or new, as it equals FILE.old or FILE.new, else torn
fa_which() {
	if cmp -s "$1" "$1.old"; then
		echo old
	elif cmp -s "$1" "$1.new"; then
		echo new
	else
		echo torn
	fi
}

# kill -9 nn-optim at random moments, 50 times: params and state are each
# old or new; the state may be a step ahead (a step cut off between the
# two renames), which the next step finds and names; never the params
fa_kill_optim() {
	k=$FA/k
	mkdir -p "$k"
	cp "$FA/P" "$k/p"
	rm -f "$k/s"
	nn-optim -a adam -S "$k/s" "$k/p" "$FA/G" &&
		fa_keep "$k/p" "$k/s" &&
		nn-optim -a adam -S "$k/s" "$k/p" "$FA/G" || return 1
	cp "$k/p" "$k/p.new"
	cp "$k/s" "$k/s.new"
	fa_line='nn-optim -a adam -S "$k/s" "$k/p" "$FA/G"'
	ms=$(cp "$k/p.old" "$k/p"; cp "$k/s.old" "$k/s"; fa_ms "$fa_line")
	i=0
	seen=
	while [ $i -lt 50 ]; do
		cp "$k/p.old" "$k/p"
		cp "$k/s.old" "$k/s"
		fa_kill "$fa_line" "$ms" $i
		rm -f "$k"/?.??????
		w=$(fa_which "$k/p")$(fa_which "$k/s")
		case $w in
		oldold | newnew) ;;
		oldnew)
			nn-optim -a adam -S "$k/s" "$k/p" "$FA/G" \
				2>"$T/kerr" &&
				{ echo "kill $i: a cut-off step not found"; return 1; }
			m="nn-optim: $k/p: params predate step 2 of $k/s"
			[ "$(cat "$T/kerr")" = "$m: the step was cut off" ] ||
				{ cat "$T/kerr"; return 1; } ;;
		*)
			echo "kill $i after ${ms} ms: params $w"
			return 1 ;;
		esac
		seen="$seen $w"
		i=$((i + 1))
	done
	echo "$seen" | tr ' ' '\n' | sort | uniq -c >"$T/kill-optim"
}
t_true "kill -9 during nn-optim, 50 times: never torn files, a cut-off \
step named" fa_kill_optim

# kill -9 nn-train -o at random moments, 50 times: each params file is the
# old or the new one
fa_kill_train() {
	k=$FA/kt
	mkdir -p "$k"
	nn-spiral -y "$k/y" 100 3 >"$k/X"
	fa_line='nn-train -s $fa_seed -e 2 -P 0 -o "$k/t" -y "$k/y" \
		dense:256 relu dense:256 relu dense:3 softmax <"$k/X"'
	fa_seed=7
	eval "$fa_line" 2>/dev/null || return 1
	for f in t1 t2 t3; do mv "$k/$f" "$k/$f.old"; done
	fa_seed=0
	eval "$fa_line" 2>/dev/null || return 1
	for f in t1 t2 t3; do mv "$k/$f" "$k/$f.new"; done
	ms=$(fa_ms "$fa_line")
	i=0
	while [ $i -lt 50 ]; do
		for f in t1 t2 t3; do cp "$k/$f.old" "$k/$f"; done
		fa_kill "$fa_line" "$ms" $((i + 100))
		rm -f "$k"/t?.??????
		for f in t1 t2 t3; do
			w=$(fa_which "$k/$f")
			[ "$w" = torn ] && { echo "kill $i: $f torn"; return 1; }
		done
		i=$((i + 1))
	done
}
t_true "kill -9 during nn-train -o, 50 times: each params file whole" \
	fa_kill_train

# a signal that ends a command removes its temporary files
t_true "kill -TERM: no temporary file left" \
	'rm -f "$FA/fifo"; mkfifo "$FA/fifo";
	 nn-dropout -r 0.5 -m "$FA/tm" <"$FA/fifo" >/dev/null & pid=$!;
	 exec 3>"$FA/fifo"; echo "1 2" >&3; i=0;
	 while [ -z "$(ls "$FA" | grep "^tm\.")" ] && [ $i -lt 1000 ]; do
		sleep 0.01; i=$((i + 1)); done;
	 kill -TERM $pid; wait $pid; st=$?; exec 3>&-;
	 [ $st -eq 143 ] && [ $i -lt 1000 ] && [ ! -e "$FA/tm" ] &&
	 [ -z "$(ls "$FA" | grep "^tm\.")" ]'

# more files than were ever pending at once: each one saved
t_eq "nn-train -o: 18 dense layers, 18 params files" "18" \
	'nn-train -e 1 -P 0 -o "$FA/deep" -y "$FA/y" dense:2 dense:2 dense:2 \
		dense:2 dense:2 dense:2 dense:2 dense:2 dense:2 dense:2 dense:2 \
		dense:2 dense:2 dense:2 dense:2 dense:2 dense:2 dense:3 softmax \
		<"$FA/X" 2>/dev/null && ls "$FA" | grep -c "^deep[0-9]*$"'

# two threads failing at once: the reader on bad input while the printing
# thread waits on a slow reader that then closes the pipe.  The data error
# is the message; the printer's EPIPE is quiet, and it must not end the
# process before the message (it did: exit 1 with nothing said).  Rows of
# 16 numbers, so that the 128 KB of stdio and pipe buffers fill within the
# first block of 1024 rows and the reader, a block ahead, reaches row 1501
nn-spiral 1000 3 | nn-dense -s 1 2 16 | nn-sigmoid >"$FA/w16"
{ head -n 1500 "$FA/w16"; echo "1 x"; tail -n 1000 "$FA/w16"; } >"$FA/mid"
for c in nn-relu "nn-dense -s 1 16 16"; do
	t_true "${c%% *}: a data error while the printer waits on a closing pipe" \
		"(trap '' PIPE; { $c <\"\$FA/mid\" 2>\"\$T/err2\"; echo \$? >\"\$T/st2\"; } |
		  (sleep 1; head -c 1 >/dev/null));
		 [ \"\$(cat \"\$T/st2\")\" = 1 ] &&
		 [ \"\$(cat \"\$T/err2\")\" = \"${c%% *}: <stdin>:1501:2: 'x' is not a number\" ]"
	t_true "${c%% *}: a data error and a full disk at once: one message, exit 1" \
		"$c <\"\$FA/mid\" >/dev/full 2>\"\$T/err2\"; [ \$? = 1 ] &&
		 [ \$(wc -l <\"\$T/err2\") = 1 ]"
done

# make install and uninstall, with DESTDIR and PREFIX; the progress bar
t_true "make install puts every command in bin and its page in man1, nn.7 in man7" \
	'make -s install DESTDIR="$T/inst" PREFIX=/usr >/dev/null &&
	 for c in cmd/*.c; do c=${c#cmd/}; c=${c%.c};
	     [ -x "$T/inst/usr/bin/$c" ] && [ -f "$T/inst/usr/share/man/man1/$c.1" ] || exit 1;
	 done && [ -f "$T/inst/usr/share/man/man7/nn.7" ]'
if command -v mandoc >/dev/null 2>&1; then
	t_true "the installed page renders: mandoc nn-dense.1 and nn.7" \
		'mandoc "$T/inst/usr/share/man/man1/nn-dense.1" | grep -q "dense layer" &&
		 mandoc "$T/inst/usr/share/man/man7/nn.7" | grep -q "nn-spiral"'
fi
t_true "make uninstall removes them" \
	'make -s uninstall DESTDIR="$T/inst" PREFIX=/usr >/dev/null &&
	 [ -z "$(find "$T/inst" -type f)" ]'
if command -v script >/dev/null 2>&1; then
	t_true "nn-train draws a progress line on a terminal, never in a file" \
		'script -qc "nn-train -j 300 -e 300 -P 0 -y $R/spiral-100-3.y dense:8 relu dense:3 softmax <$R/spiral-100-3.X" /dev/null >"$T/tty" &&
		 grep -q "epoch 300/300  loss " "$T/tty" &&
		 nn-train -j 300 -e 300 -P 0 -y "$R/spiral-100-3.y" dense:8 relu dense:3 softmax \
		     <"$R/spiral-100-3.X" 2>"$T/file" && ! grep -q "left" "$T/file"'
fi

# every command has a man page, and mandoc's lint is silent on them
for c in cmd/*.c; do
	c=${c#cmd/}
	c=${c%.c}
	t_true "$c has a man page with its usage as SYNOPSIS" \
		"[ -f man/$c.1 ] && grep -q '^\\.Nm $c\$' man/$c.1"
done
if command -v mandoc >/dev/null 2>&1; then
	t_true "mandoc -T lint -W warning is silent" \
		'out=$(mandoc -T lint -W warning man/*.1 man/*.7 2>&1);
		 printf "%s" "$out"; [ -z "$out" ]'
fi

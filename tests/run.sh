#!/bin/sh
# Runs every tests/t-*.sh and unit test; the last line is "N passed, N failed".
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
# NN_BIN: the commands under test (default bin/), the unit tests in ../tests
NN_BIN=${NN_BIN:-$top/bin}
PATH=$NN_BIN:$PATH
export NN_BIN PATH
R=$top/tests/ref
D=$top/tests/data
T=$(mktemp -d "${TMPDIR:-/tmp}/nn-test.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

ok() {
	pass=$((pass + 1))
}

bad() {
	fail=$((fail + 1))
	printf 'FAIL: %s\n' "$1"
	[ -n "$2" ] && printf '%s\n' "$2" | head -n 15 | sed 's/^/    /'
	return 0
}

# t_file NAME EXPECTED_FILE 'shell command': its stdout equals the file
t_file() {
	if (eval "$3") >"$T/out" 2>"$T/err"; then
		if cmp -s "$2" "$T/out"; then
			ok
		else
			bad "$1" "$(diff "$2" "$T/out" | head -n 10)"
		fi
	else
		bad "$1: exit $?" "$(cat "$T/err")"
	fi
}

# t_eq NAME 'expected text' 'shell command': its stdout equals the text
t_eq() {
	printf '%s\n' "$2" >"$T/exp"
	t_file "$1" "$T/exp" "$3"
}

# t_err NAME STATUS 'expected stderr' 'shell command': fails just so
t_err() {
	(eval "$4") >"$T/out" 2>"$T/err"
	st=$?
	if [ "$st" -ne "$2" ]; then
		bad "$1: exit $st, expected $2" "$(cat "$T/err")"
	elif [ "$(cat "$T/err")" != "$3" ]; then
		bad "$1: stderr" "expected: $3
got:      $(cat "$T/err")"
	else
		ok
	fi
}

# t_true NAME 'shell command': exits 0
t_true() {
	if (eval "$2") >"$T/out" 2>"$T/err"; then
		ok
	else
		bad "$1: exit $?" "$(cat "$T/out" "$T/err")"
	fi
}

# TESTS: only these shell tests (say TESTS=tests/t-faults.sh), no unit tests
for t in ${TESTS:-tests/t-*.sh}; do
	. "./$t"
done
[ -n "$TESTS" ] || for u in tests/unit/test-*.c; do
	u=${u%.c}
	if "$NN_BIN/../$u" >"$T/out" 2>"$T/err"; then
		ok
	else
		bad "$u" "$(cat "$T/out" "$T/err")"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

# nn-shape and nn-transpose: the notes' section 7 shapes
t_eq "sec 7: [0, 1, 2] is (3,)" "(3,)" 'echo "[0, 1, 2]" | nn-shape'
t_eq "sec 7: the 3-D example is (2, 2, 2)" "(2, 2, 2)" 'nn-shape "$R/3d.in"'
t_file "sec 7: numpy's print of rand(2, 3, 4, 5)" "$R/rand4d.shape" \
	'nn-shape "$R/rand4d.in"'
t_file "sec 7: the same tensor in blank-line layout" "$R/rand4d.shape" \
	'nn-shape "$R/rand4d.txt"'
t_file "sec 7: brackets read as numpy printed them" "$R/rand4d.txt" \
	'nn-relu <"$R/rand4d.in"'
t_file "3-D in brackets to blank-line layout" "$R/3d.txt" \
	'nn-relu <"$R/3d.in"'
t_eq "shape of a matrix, a vector, several files" "(3, 4)
(4,)
(300, 2)" 'nn-shape "$R/dot-w.in" "$R/dot-x.in" - <"$R/spiral-100-3.X"'
t_eq "shape: one line is a vector, [[..]] a 1-row matrix" "(3,)
(1, 3)" 'echo 1 2 3 | nn-shape; echo "[[1 2 3]]" | nn-shape'
t_eq "shape: comma-separated (savetxt delimiter=\",\") and CRLF" "(2, 3)" \
	'printf "1,2,3\r\n4, 5, 6\r\n" | nn-shape'
t_eq "shape: numpy rows wrapped over lines" "(2, 3)" \
	'printf "[[1 2\n  3]\n [4 5 6]]\n" | nn-shape'
t_eq "shape: tolist() form" "(2, 2)" 'echo "[[1.0, 2.0], [3.0, 4.0]]" | nn-shape'
t_eq "shape: empty input" "(0,)" 'nn-shape </dev/null'
t_err "shape: ragged block" 1 "nn-shape: <stdin>:4: ragged tensor: slice has 1 rows, expected 2" \
	'printf "1 2\n3 4\n\n5 6\n" | nn-shape'
t_err "shape: missing file" 1 "nn-shape: $T/none: No such file or directory" \
	'nn-shape "$T/none"'
t_file "transpose of the (3, 4) weights" "$R/transpose-W.out" \
	'nn-transpose "$R/dot-w.in"'
t_file "transpose twice is the identity" "$R/dot-w.in" \
	'nn-transpose <"$R/dot-w.in" | nn-transpose'
t_file "transpose of a vector is the vector" "$R/dot-x.in" \
	'nn-transpose "$R/dot-x.in"'
t_eq "transpose of 3-D reverses the axes" "(5, 4, 3, 2)" \
	'nn-transpose "$R/rand4d.txt" | nn-shape'
t_err "transpose: two files" 2 "usage: nn-transpose [file]" 'nn-transpose a b'

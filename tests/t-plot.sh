# nn-plot: SVG pictures, exact for a tiny data set, structural for a network
PU="usage: nn-plot [-r] [-W width] [-H height] [-t title] [-g grid] [-c pred] [-y labels] [file]
       nn-plot [-r] [-W width] [-H height] [-t title] [-g grid] [-y labels] -p prefix layer ...
       nn-plot -G [-r] [-g grid] [file]
       nn-plot -L [-W width] [-H height] [-t title] [file]"
printf '%s\n' "0 0" "1 1" "2 0.5" >"$T/p3"
printf '%s\n' 0 1 1 >"$T/y3"
cat >"$T/p3.svg" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="300" height="200" viewBox="0 0 300 200" font-family="sans-serif" font-size="12">
<rect width="300" height="200" fill="#ffffff"/>
<g id="axes" fill="none" stroke="#000000">
<path d="M50.00 40.00H200.00V160.00H50.00Z"/>
<path d="M56.82 160.00v5"/>
<text x="56.82" y="179.00" stroke="none" fill="#000000" text-anchor="middle">0</text>
<path d="M125.00 160.00v5"/>
<text x="125.00" y="179.00" stroke="none" fill="#000000" text-anchor="middle">1</text>
<path d="M193.18 160.00v5"/>
<text x="193.18" y="179.00" stroke="none" fill="#000000" text-anchor="middle">2</text>
<path d="M45.00 154.55h5"/>
<text x="42.00" y="158.55" stroke="none" fill="#000000" text-anchor="end">0.0</text>
<path d="M45.00 100.00h5"/>
<text x="42.00" y="104.00" stroke="none" fill="#000000" text-anchor="end">0.5</text>
<path d="M45.00 45.45h5"/>
<text x="42.00" y="49.45" stroke="none" fill="#000000" text-anchor="end">1.0</text>
</g>
<g id="points" stroke="#333333" stroke-width="0.5">
<g fill="#0072b2">
<circle cx="56.82" cy="154.55" r="3"/>
</g>
<g fill="#e69f00">
<circle cx="125.00" cy="45.45" r="3"/>
<circle cx="193.18" cy="100.00" r="3"/>
</g>
</g>
<g id="legend">
<rect x="216.00" y="44.00" width="12" height="12" fill="#0072b2" stroke="#333333" stroke-width="0.5"/>
<text x="234.00" y="54.00">class 0</text>
<rect x="216.00" y="64.00" width="12" height="12" fill="#e69f00" stroke="#333333" stroke-width="0.5"/>
<text x="234.00" y="74.00">class 1</text>
</g>
</svg>
EOF
t_file "plot: 3 points of 2 classes, exactly" "$T/p3.svg" \
	'nn-plot -W 300 -H 200 -y "$T/y3" "$T/p3"'
t_file "plot: the label as a third column, on stdin" "$T/p3.svg" \
	'paste -d " " "$T/p3" "$T/y3" | nn-plot -W 300 -H 200'
t_file "plot: one-hot labels" "$T/p3.svg" \
	'printf "%s\n" "1 0" "0 1" "0 1" >"$T/oh";
	 nn-plot -W 300 -H 200 -y "$T/oh" "$T/p3"'
t_eq "plot -G: the centres of a 2 by 2 grid, row by row from the top left" \
	"0.45 0.775
1.55 0.775
0.45 0.225
1.55 0.225" 'nn-plot -G -g 2 "$T/p3"'
t_eq "plot -c: a row of equal cells is one rect, in the light colour" \
	'<g id="regions" shape-rendering="crispEdges">
<rect x="50.00" y="40.00" width="150.00" height="60.00" fill="#b2d4e7"/>
<rect x="50.00" y="100.00" width="75.00" height="60.00" fill="#f7e2b2"/>
<rect x="125.00" y="100.00" width="75.00" height="60.00" fill="#b2d4e7"/>
</g>' \
	'printf "%s\n" 0 0 1 0 >"$T/c4";
	 nn-plot -W 300 -H 200 -g 2 -c "$T/c4" -y "$T/y3" "$T/p3" |
	     sed -n "/id=\"regions\"/,/<\/g>/p"'
t_true "plot -c: scores, indices and probabilities paint the same" \
	'printf "%s\n" "0.9 0.1" "0.6 0.4" "0.2 0.8" "1 0" >"$T/s4";
	 printf "%s\n" 0.1 0.4 0.8 0 >"$T/b4";
	 nn-plot -g 2 -c "$T/c4" -y "$T/y3" "$T/p3" >"$T/a.svg";
	 nn-plot -g 2 -c "$T/s4" -y "$T/y3" "$T/p3" | cmp - "$T/a.svg" &&
	 nn-plot -g 2 -c "$T/b4" -y "$T/y3" "$T/p3" | cmp - "$T/a.svg"'
t_eq "plot -t: the title is escaped, in <title> and on the page" \
	'<title>a &lt;b&gt; &amp; "c"</title>
<text x="300.00" y="26" font-size="16" text-anchor="middle">a &lt;b&gt; &amp; "c"</text>' \
	'nn-plot -t "a <b> & \"c\"" -y "$T/y3" "$T/p3" | grep "title\|font-size=\"16\""'
t_eq "plot: the legend lists the classes present" \
	"class 3
class 12" \
	'printf "%s\n" "0 0 3" "1 1 12" | nn-plot |
	 sed -n "s/.*>\(class [0-9]*\)<.*/\1/p"'

# the spiral with a network of a few epochs
nn-spiral -y "$T/sy" 100 3 >"$T/sX"
NET="dense:16 relu dense:3 softmax"
nn-train -j 300 -r 0.05 -e 20 -P 0 -o "$T/net" -y "$T/sy" $NET \
    <"$T/sX" 2>/dev/null
t_true "plot -p: the spiral and its regions" \
	'nn-plot -t spiral -y "$T/sy" -p "$T/net" $NET <"$T/sX" >"$T/s.svg"'
t_eq "plot -p: one circle a point" 300 'grep -c "<circle" "$T/s.svg"'
t_true "plot -p: regions, one rect a run of equal cells" \
	'n=$(sed -n "/id=\"regions\"/,/<\/g>/p" "$T/s.svg" | grep -c "<rect");
	 [ "$n" -ge 100 ] && [ "$n" -lt 10000 ]'
t_true "plot -p: the three classes in the regions and the legend" \
	'[ $(sed -n "/id=\"regions\"/,/<\/g>/p" "$T/s.svg" |
	     sed -n "s/.*fill=\"\(#[0-9a-f]*\)\".*/\1/p" | sort -u | wc -l) -eq 3 ] &&
	 [ $(grep -c ">class [012]<" "$T/s.svg") -eq 3 ]'
t_true "plot -p: a standalone SVG 1.1 document with a viewBox" \
	'head -n 2 "$T/s.svg" | grep -q "^<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"650\" height=\"580\" viewBox=\"0 0 650 580\"" &&
	 [ "$(tail -n 1 "$T/s.svg")" = "</svg>" ]'
if command -v xmllint >/dev/null 2>&1; then
	t_true "plot -p: the document is well-formed XML" \
		'xmllint --noout "$T/s.svg"'
fi
t_file "plot: -G, a pipeline and -c paint what -p paints" "$T/s.svg" \
	'nn-plot -G "$T/sX" >"$T/grid";
	 nn-dense -p "$T/net1" <"$T/grid" | nn-relu | nn-dense -p "$T/net2" |
	     nn-softmax >"$T/pred";
	 nn-plot -t spiral -y "$T/sy" -c "$T/pred" "$T/sX"'
t_file "plot: class indices from nn-argmax paint the same" "$T/s.svg" \
	'nn-argmax <"$T/pred" | nn-plot -t spiral -y "$T/sy" -c - "$T/sX"'
t_eq "plot -G -g 7: 49 points" 49 'nn-plot -G -g 7 "$T/sX" | wc -l'
t_true "plot -p: a sigmoid output of two classes" \
	'nn-spiral -y "$T/by" 20 2 >"$T/bX";
	 nn-train -e 5 -P 0 -o "$T/bin" -y "$T/by" dense:4 relu dense:1 sigmoid \
	     <"$T/bX" 2>/dev/null &&
	 nn-plot -g 10 -y "$T/by" -p "$T/bin" dense:4 relu dense:1 sigmoid \
	     <"$T/bX" | grep -q "id=\"regions\""'

# curves
nn-sine -y "$T/cy" 50 >"$T/cx"
t_eq "plot: one-column data with -y is a curve" 1 \
	'nn-plot -y "$T/cy" "$T/cx" | grep -c "<polyline"'
t_file "plot -r: rows x y are the same curve" "$T/c.svg" \
	'nn-plot -y "$T/cy" "$T/cx" >"$T/c.svg";
	 paste -d " " "$T/cx" "$T/cy" | nn-plot -r'
t_file "plot: a curve is drawn in the order of x" "$T/c.svg" \
	'paste -d " " "$T/cx" "$T/cy" | sort -r | nn-plot -r'
t_eq "plot -G on a curve: its x values" "0
0.5
1" 'printf "%s\n" 1 0 0.5 | nn-plot -G -g 3'
nn-train -e 10 -P 0 -o "$T/sine" -y "$T/cy" dense:8 relu dense:1 linear \
    <"$T/cx" 2>/dev/null
t_true "plot -p on a curve: data and prediction, two lines, two names" \
	'nn-plot -y "$T/cy" -p "$T/sine" dense:8 relu dense:1 linear \
	     <"$T/cx" >"$T/cp.svg" &&
	 [ $(grep -c "<polyline" "$T/cp.svg") -eq 2 ] &&
	 grep -q ">prediction<" "$T/cp.svg"'
t_file "plot -c on a curve paints what -p paints" "$T/cp.svg" \
	'nn-plot -G "$T/cx" | nn-dense -p "$T/sine1" | nn-relu |
	     nn-dense -p "$T/sine2" >"$T/cpred";
	 nn-plot -y "$T/cy" -c "$T/cpred" "$T/cx"'

# errors
t_err "plot: labels count differs from points" 1 \
	"nn-plot: $T/y3: 3 labels for 300 points" \
	'nn-plot -y "$T/y3" "$T/sX"'
t_err "plot: a point row that is not 2 values" 1 \
	"nn-plot: <stdin>:1: row has 4 values, expected 2 (x y) with -y labels" \
	'echo "1 2 3 4" | nn-plot -y "$T/y3"'
t_err "plot: rows without a label column" 1 \
	"nn-plot: $T/p3:1: row has 2 values, expected 3 (x y label), or x y with -y labels" \
	'nn-plot "$T/p3"'
t_err "plot: a ragged row" 1 "nn-plot: <stdin>:2:3: ragged row: 2 values, expected 3" \
	'printf "%s\n" "1 2 0" "3 4" | nn-plot'
t_err "plot: a label that is not an integer" 1 \
	"nn-plot: <stdin>:2:3: class index '0.5' is not an integer" \
	'printf "%s\n" "1 2 0" "3 4 0.5" | nn-plot'
t_err "plot: a negative label in -y" 1 \
	"nn-plot: $T/neg:2:1: class index '-1' is not in [0, 16777216)" \
	'printf "%s\n" 0 -1 1 >"$T/neg"; nn-plot -y "$T/neg" "$T/p3"'
t_err "plot: a point that is not finite" 1 \
	"nn-plot: <stdin>:1:2: 'inf' is not a finite number" \
	'echo "1 inf 0" | nn-plot'
t_err "plot: no points" 1 "nn-plot: <stdin>: no points" \
	'nn-plot -y "$T/y3" </dev/null'
t_err "plot: a 3-D tensor" 1 "nn-plot: <stdin>: the points must be a matrix, not 3-D" \
	'printf "%s\n" "1 2 0" "" "3 4 1" | nn-plot'
t_err "plot: x alone needs -y" 1 \
	"nn-plot: $T/cx:1: a row of one value, x, needs -y with the y values" \
	'nn-plot "$T/cx"'
t_err "plot -r: -y and a y column" 1 \
	"nn-plot: $T/p3:1: row has 2 values, x y, and -y gives y again" \
	'nn-plot -r -y "$T/y3" "$T/p3"'
t_err "plot: params that do not fit the layer words (neurons)" 1 \
	"nn-plot: $T/net1: params have 16 neurons, expected 64" \
	'nn-plot -y "$T/sy" -p "$T/net" dense:64 relu dense:3 softmax <"$T/sX"'
t_err "plot: params that do not fit the layer words (inputs)" 1 \
	"nn-plot: $T/m1: params have 16 inputs, expected 2" \
	'cp "$T/net2" "$T/m1"; nn-plot -y "$T/sy" -p "$T/m" dense:3 <"$T/sX"'
t_err "plot: params of a points network for a curve" 1 \
	"nn-plot: $T/net1: params have 2 inputs, expected 1" \
	'nn-plot -y "$T/cy" -p "$T/net" $NET <"$T/cx"'
t_err "plot: a layer word more than the params files" 1 \
	"nn-plot: $T/net3: No such file or directory" \
	'nn-plot -y "$T/sy" -p "$T/net" $NET dense:2 <"$T/sX"'
t_err "plot: params that are not a matrix" 1 \
	"nn-plot: $T/v1: params must be a matrix of n_inputs + 1 rows" \
	'echo "1 2 3" >"$T/v1"; nn-plot -y "$T/sy" -p "$T/v" dense:3 <"$T/sX"'
t_err "plot: a curve needs a network of one output" 1 \
	"nn-plot: $T/w: the network has 3 outputs, a curve needs 1" \
	'printf "%s\n" "1 2 3" "0 0 0" >"$T/w1";
	 nn-plot -y "$T/cy" -p "$T/w" dense:3 <"$T/cx"'
t_err "plot -c: predictions for another grid" 1 \
	"nn-plot: $T/pred: 10000 predictions, the grid has 2500 points" \
	'nn-plot -g 50 -y "$T/sy" -c "$T/pred" "$T/sX"'
t_err "plot -c: a value that is no class" 1 \
	"nn-plot: $T/bad:2:1: '1.5' is not a class index or a probability" \
	'printf "%s\n" 0 1.5 1 0 >"$T/bad";
	 nn-plot -g 2 -y "$T/y3" -c "$T/bad" "$T/p3"'
t_err "plot: full disk" 1 "nn-plot: <stdout>: No space left on device" \
	'nn-plot -y "$T/sy" -p "$T/net" $NET <"$T/sX" >/dev/full'
t_err "plot: bad layer" 2 "nn-plot: bad layer 'dense:x'
$PU" 'nn-plot -y "$T/sy" -p "$T/net" dense:x <"$T/sX"'
t_err "plot: no dense layer" 2 "nn-plot: the network has no dense layer
$PU" 'nn-plot -y "$T/sy" -p "$T/net" relu <"$T/sX"'
t_err "plot: -p without layer words" 2 "nn-plot: -p needs the network's layer words
$PU" 'nn-plot -y "$T/sy" -p "$T/net" <"$T/sX"'
t_err "plot: -c and -p" 2 "nn-plot: -c and -p both give the regions
$PU" 'nn-plot -c "$T/pred" -p "$T/net" $NET <"$T/sX"'
t_err "plot: -G with picture options" 2 "nn-plot: -G takes only -r, -g and a file
$PU" 'nn-plot -G -W 300 "$T/sX"'
t_err "plot: two files on stdin" 2 "nn-plot: only one file can be stdin
$PU" 'nn-plot -y - <"$T/sX"'
t_err "plot: too small" 2 "nn-plot: width '100' is out of range [240, 100000]
$PU" 'nn-plot -W 100 "$T/p3"'
t_err "plot: bad grid" 2 "nn-plot: grid '1x' is not an integer
$PU" 'nn-plot -g 1x "$T/p3"'
t_err "plot: a title that is not text" 2 "nn-plot: the title is not UTF-8 text
$PU" 'nn-plot -t "$(printf "a\\001b")" "$T/p3"'
t_err "plot: two files" 2 "$PU" 'nn-plot "$T/p3" "$T/p3"'
t_err "plot: bad option" 2 "nn-plot: invalid option -- 'q'
$PU" 'nn-plot -q "$T/p3"'

# training curves from nn-train's log
printf '%s\n' "epoch: 0, acc: 0.25, loss: 1.5, lr: 0.1" \
    "epoch: 1, acc: 0.5, loss: 1, lr: 0.1" \
    "epoch: 2, acc: 0.75, loss: 0.5, lr: 0.1" >"$T/log3"
cat >"$T/log3.svg" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="300" height="240" viewBox="0 0 300 240" font-family="sans-serif" font-size="12">
<rect width="300" height="240" fill="#ffffff"/>
<g id="loss">
<g fill="none" stroke="#000000">
<path d="M66.00 40.00H200.00V95.00H66.00Z"/>
<path d="M72.09 95.00v5"/>
<text x="72.09" y="114.00" stroke="none" fill="#000000" text-anchor="middle">0</text>
<path d="M133.00 95.00v5"/>
<text x="133.00" y="114.00" stroke="none" fill="#000000" text-anchor="middle">1</text>
<path d="M193.91 95.00v5"/>
<text x="193.91" y="114.00" stroke="none" fill="#000000" text-anchor="middle">2</text>
<path d="M61.00 92.50h5"/>
<text x="58.00" y="96.50" stroke="none" fill="#000000" text-anchor="end">0</text>
<path d="M61.00 59.17h5"/>
<text x="58.00" y="63.17" stroke="none" fill="#000000" text-anchor="end">1</text>
</g>
<text x="22.00" y="67.50" transform="rotate(-90 22.00 67.50)" text-anchor="middle">loss</text>
<polyline fill="none" stroke="#0072b2" stroke-width="2.0" stroke-linejoin="round" points="72.09,42.50 133.00,59.17 193.91,75.83"/>
</g>
<g id="accuracy">
<g fill="none" stroke="#000000">
<path d="M66.00 135.00H200.00V190.00H66.00Z"/>
<path d="M72.09 190.00v5"/>
<text x="72.09" y="209.00" stroke="none" fill="#000000" text-anchor="middle">0</text>
<path d="M133.00 190.00v5"/>
<text x="133.00" y="209.00" stroke="none" fill="#000000" text-anchor="middle">1</text>
<path d="M193.91 190.00v5"/>
<text x="193.91" y="209.00" stroke="none" fill="#000000" text-anchor="middle">2</text>
<path d="M61.00 187.50h5"/>
<text x="58.00" y="191.50" stroke="none" fill="#000000" text-anchor="end">0.0</text>
<path d="M61.00 162.50h5"/>
<text x="58.00" y="166.50" stroke="none" fill="#000000" text-anchor="end">0.5</text>
<path d="M61.00 137.50h5"/>
<text x="58.00" y="141.50" stroke="none" fill="#000000" text-anchor="end">1.0</text>
</g>
<text x="22.00" y="162.50" transform="rotate(-90 22.00 162.50)" text-anchor="middle">accuracy</text>
<polyline fill="none" stroke="#0072b2" stroke-width="2.0" stroke-linejoin="round" points="72.09,175.00 133.00,162.50 193.91,150.00"/>
<text x="133.00" y="226.00" text-anchor="middle">epoch</text>
</g>
<g id="legend">
<path d="M215.00 50.00h14" stroke="#0072b2" stroke-width="2.0"/>
<text x="234.00" y="54.00">training</text>
</g>
</svg>
EOF
t_file "plot -L: a log of 3 lines, exactly" "$T/log3.svg" \
	'nn-plot -L -W 300 -H 240 "$T/log3"'
t_file "plot -L: other lines skipped, CRLF and a progress bar's erasing" \
	"$T/log3.svg" \
	'{ echo "starting"; sed -n 1p "$T/log3";
	   printf "\r\033[Kepoch 2/3  loss 1  acc 0.5  0s left\r\033[K";
	   sed -n 2p "$T/log3"; sed -n 3p "$T/log3" | sed "s/$/\r/";
	   echo "early stop at epoch 2, the best validation loss at epoch x"; } |
	 nn-plot -L -W 300 -H 240'
t_eq "plot -L: the validation line, a diamond in each panel" \
	'<path d="M193.91 59.83l6 6l-6 6l-6 -6Z" fill="#e69f00" stroke="#333333"/>
<path d="M193.91 151.50l6 6l-6 6l-6 -6Z" fill="#e69f00" stroke="#333333"/>
<path d="M222.00 64.00l6 6l-6 6l-6 -6Z" fill="#e69f00" stroke="#333333"/>
<text x="234.00" y="74.00">validation</text>' \
	'{ cat "$T/log3"; echo "validation, acc: 0.6, loss: 0.8"; } |
	 nn-plot -L -W 300 -H 240 | grep "l6 6\|>validation<"'

nn-train -j 300 -r 0.05 -e 1001 -P 100 -y "$T/sy" \
    dense:64 relu dense:3 softmax <"$T/sX" 2>"$T/log"
t_true "plot -L: the spiral's log" \
	'nn-plot -L -t "spiral training" "$T/log" >"$T/l.svg"'
t_true "plot -L: a standalone SVG 1.1 document, the title" \
	'head -n 2 "$T/l.svg" | grep -q "^<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"650\" height=\"580\" viewBox=\"0 0 650 580\"" &&
	 grep -q "^<title>spiral training</title>$" "$T/l.svg" &&
	 [ "$(tail -n 1 "$T/l.svg")" = "</svg>" ]'
if command -v xmllint >/dev/null 2>&1; then
	t_true "plot -L: the document is well-formed XML" \
		'xmllint --noout "$T/l.svg"'
fi
t_eq "plot -L: two panels, loss over accuracy, and the legend" \
	'<g id="loss">
<g id="accuracy">
<g id="legend">' 'grep "^<g id=" "$T/l.svg"'
t_eq "plot -L: the axis names" 'loss
accuracy
epoch' 'sed -n "s/^<text.*\">\([a-z]*\)<\/text>$/\1/p" "$T/l.svg" |
	     grep -v training'
t_eq "plot -L: a line of the 11 log lines in each panel" "11
11" 'awk "/^<polyline/ { n = 0; p = 1 }
	     p { n += gsub(/[0-9.]+,[0-9.]+/, \"\") }
	     p && /\/>\$/ { print n; p = 0 }" "$T/l.svg"' 
t_eq "plot -L: epoch ticks 0 to 1000 in each panel" \
	"0 200 400 600 800 1000 0 200 400 600 800 1000" \
	'grep "text-anchor=\"middle\">[0-9]*</text>" "$T/l.svg" |
	 sed "s/.*>\([0-9]*\)<.*/\1/" | paste -s -d " " -'
t_eq "plot -L: accuracy ticks from 0.0 to 1.0" "0.0 0.2 0.4 0.6 0.8 1.0" \
	'sed -n "/id=\"accuracy\"/,\$p" "$T/l.svg" |
	 sed -n "s/.*text-anchor=\"end\">\(.*\)<.*/\1/p" | paste -s -d " " -'
t_eq "plot -L: no validation, no diamond; the legend says training" \
	"0
training" 'grep -c "l6 6" "$T/l.svg";
	 sed -n "/id=\"legend\"/,/<\/g>/s/.*>\([a-z ]*\)<\/text>/\1/p" \
	     "$T/l.svg"'
nn-spiral -s 1 -y "$T/vy" 100 3 >"$T/vX"
nn-train -j 300 -r 0.05 -e 3001 -P 100 -X "$T/vX" -Y "$T/vy" -E 100 \
    -y "$T/sy" dense:64:l2=5e-4 relu dense:3 softmax <"$T/sX" 2>"$T/log2"
t_true "plot -L: a log with L2, early stopping and validation" \
	'grep -q "^early stop" "$T/log2" && grep -q "^validation" "$T/log2" &&
	 nn-plot -L "$T/log2" >"$T/l2.svg"'
t_eq "plot -L: the data loss dashed; the legend has it and validation" \
	"1
training
data loss
validation" 'sed -n "/id=\"loss\"/,/id=\"accuracy\"/p" "$T/l2.svg" |
	     grep -c "^<polyline.*stroke-dasharray";
	 sed -n "/id=\"legend\"/,/<\/g>/s/.*>\([a-z ]*\)<\/text>/\1/p" \
	     "$T/l2.svg"'
t_true "plot -L: the validation at the best epoch, in both panels" \
	'b=$(sed -n "s/^early stop.*at epoch \([0-9]*\)$/\1/p" "$T/log2");
	 last=$(grep "^epoch" "$T/log2" | tail -n 1 | sed "s/epoch: \([0-9]*\),.*/\1/");
	 [ "$b" -lt "$last" ] &&
	 [ $(sed -n "/id=\"legend\"/q;/l6 6/p" "$T/l2.svg" | wc -l) -eq 2 ] &&
	 x=$(grep -m1 "l6 6" "$T/l2.svg" | sed "s/.*d=\"M\([0-9.]*\) .*/\1/");
	 echo "$x $b $last" | awk "{ x0 = 66 + (550 - 66) * 0.05 / 1.1;
	     x1 = 550 - (550 - 66) * 0.05 / 1.1;
	     exit !((\$1 - x0) / (x1 - x0) * \$3 - \$2 < 0.5 &&
	         \$2 - (\$1 - x0) / (x1 - x0) * \$3 < 0.5) }"'
t_true "demo: its pictures in the current folder, named in its output" \
	'mkdir "$T/demo" && cd "$T/demo" && sh "$top/examples/demo.sh" >out &&
	 grep -q "^  $(pwd)/nn-demo-spiral.svg\$" out &&
	 grep -q "^  $(pwd)/nn-demo-training.svg\$" out &&
	 grep -q "id=\"regions\"" nn-demo-spiral.svg &&
	 [ $(grep -c "<circle" nn-demo-spiral.svg) -eq 300 ] &&
	 [ $(grep -c "l6 6" nn-demo-training.svg) -eq 3 ]'
t_err "plot -L: no log line" 1 \
	"nn-plot: <stdin>: no log line 'epoch: E, acc: A, loss: L, lr: R' of nn-train" \
	'nn-plot -L <"$T/p3"'
t_err "plot -L: an empty file" 1 \
	"nn-plot: $T/empty: no log line 'epoch: E, acc: A, loss: L, lr: R' of nn-train" \
	': >"$T/empty"; nn-plot -L "$T/empty"'
t_err "plot -L: no such file" 1 \
	"nn-plot: $T/nolog: No such file or directory" 'nn-plot -L "$T/nolog"'
t_err "plot -L: an epoch that is not a whole number" 1 \
	"nn-plot: <stdin>:1:1: epoch '1.5' is not a whole number" \
	'echo "epoch: 1.5, acc: 0.5, loss: 1, lr: 0.1" | nn-plot -L'
t_err "plot -L: an epoch out of range" 1 \
	"nn-plot: <stdin>:1:1: epoch '99999999999999999999' is out of range" \
	'echo "epoch: 99999999999999999999, acc: 0.5, loss: 1, lr: 0.1" | nn-plot -L'
t_err "plot -L: epochs that go back" 1 \
	"nn-plot: <stdin>:4:1: epoch 0 is not after epoch 2" \
	'cat "$T/log3" "$T/log3" | nn-plot -L'
t_err "plot -L: a loss that is not a number" 1 \
	"nn-plot: <stdin>:2:3: 'abc' is not a number" \
	'{ sed -n 1p "$T/log3"; echo "epoch: 1, acc: 0.5, loss: abc, lr: 0.1"; } |
	 nn-plot -L'
t_err "plot -L: a loss that is not finite" 1 \
	"nn-plot: <stdin>:1:3: 'inf' is not a finite number" \
	'echo "epoch: 1, acc: 0.5, loss: inf, lr: 0.1" | nn-plot -L'
t_err "plot -L: an accuracy out of [0, 1]" 1 \
	"nn-plot: <stdin>:1:2: accuracy '1.50' is not in [0, 1]" \
	'echo "epoch: 1, acc: 1.50, loss: 1, lr: 0.1" | nn-plot -L'
t_err "plot -L: a field missing" 1 \
	"nn-plot: <stdin>:1:4: expected ', lr: '" \
	'echo "epoch: 1, acc: 0.5, loss: 1" | nn-plot -L'
t_err "plot -L: a regularisation part cut short" 1 \
	"nn-plot: <stdin>:1:5: expected ', reg_loss: '" \
	'echo "epoch: 1, acc: 0.5, loss: 1 (data_loss: 0.9), lr: 0.1" | nn-plot -L'
t_err "plot -L: more after the log line" 1 \
	"nn-plot: <stdin>:1: ', x: 1' after the log line" \
	'echo "epoch: 1, acc: 0.5, loss: 1, lr: 0.1, x: 1" | nn-plot -L'
t_err "plot -L: a validation line without its loss" 1 \
	"nn-plot: <stdin>:4:2: expected ', loss: '" \
	'{ cat "$T/log3"; echo "validation, acc: 0.5"; } | nn-plot -L'
t_err "plot -L: two validation lines" 1 \
	"nn-plot: <stdin>:5: a second validation line" \
	'{ cat "$T/log3"; echo "validation, acc: 0.5, loss: 1";
	   echo "validation, acc: 0.5, loss: 1"; } | nn-plot -L'
t_err "plot -L: with options for points" 2 \
	"nn-plot: -L takes only -W, -H, -t and a file
$PU" 'nn-plot -L -y "$T/y3" "$T/log3"'
t_err "plot -L: two files" 2 "$PU" 'nn-plot -L "$T/log3" "$T/log3"'
t_true "plot -h: usage and options on stdout" \
	'nn-plot -h | head -n 1 | grep -q "^usage: nn-plot "'

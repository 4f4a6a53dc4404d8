#!/usr/bin/env bash
# Box labels: 1,000 labels into one PDF on Avery L7160 as a whole process,
# against a shell loop of the qrencode tool making the same 1,000 codes as PNGs.
set -euo pipefail
db=$BENCH_DIR/labels.sqlite
rm -f "$db"*
export DARMARKA_DB=$db
"$DARMARKA" init >/dev/null
"$DARMARKA" centre add --code PRE --name "Соседский центр «Преображенский»" >/dev/null
for i in $(seq 1 1000); do "$DARMARKA" box add --centre PRE --name "Бокс №$i: одежда и обувь" >/dev/null; done
codes=$BENCH_DIR/codes.txt
"$DARMARKA" box list --centre PRE --format csv | tail -n +2 | cut -d, -f1 > "$codes"
count=$(wc -l < "$codes")

# The plain way: one qrencode process per code, as a user would script it.
mkdir -p "$BENCH_DIR/qrencode"
cat > "$BENCH_DIR/qrencode-loop.sh" <<SH
while read -r code; do qrencode -o "$BENCH_DIR/qrencode/\$code.png" "\$code"; done < "$codes"
SH

pdf=$BENCH_DIR/boxes.pdf
load=$(cut -d' ' -f1 /proc/loadavg)
hyperfine -N --warmup 2 --runs 20 --export-json "$BENCH_DIR/labels.json" \
    -n "darmarka labels boxes" "$DARMARKA labels boxes --centre PRE --template L7160 --output $pdf --force" \
    -n "qrencode loop" "bash $BENCH_DIR/qrencode-loop.sh" >&2
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
ours=$(median "$BENCH_DIR/labels.json" 0)
loop=$(median "$BENCH_DIR/labels.json" 1)
# cpu NAME.json INDEX: mean user + system time in milliseconds, which other
# jobs on a shared machine disturb less than wall time.
cpu() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.0f' % ((r['user']+r['system'])*1000))" "$1" "$2"; }
rate() { awk -v n="$count" -v ms="$1" 'BEGIN { printf "%d", n / (ms / 1000) }'; }
ahead=$(awk -v a="$loop" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')

cat <<MD
## Labels: $count box labels <!-- labels -->

| command | median | labels/s | CPU time | goal |
|---|---|---|---|---|
| \`darmarka labels boxes --centre PRE --template L7160 --output boxes.pdf --force\` ($count labels, $pages pages) | $ours ms | $(rate "$ours") | $(cpu "$BENCH_DIR/labels.json" 0) ms | ≥ 2,000 labels/s |
| \`while read -r code; do qrencode -o "\$code.png" "\$code"; done\` ($count PNG files) | $loop ms | $(rate "$loop") | $(cpu "$BENCH_DIR/labels.json" 1) ms | |

\`darmarka\` is ${ahead}× ahead of the \`qrencode\` loop by the medians (goal: ≥ 5×), and its
labels carry the code and the centre's and box's names in Cyrillic, laid out on the
sheet. The whole process is timed: opening the database, reading the template,
encoding each code with libqrencode, and cairo writing one PDF with embedded fonts,
each symbol a 1-bit stencil mask. The load average was $load when the timing began.

MD

#!/usr/bin/env bash
# The foundation's benchmark: one-shot commands on a database of 1,000,000
# ledger lines, against sqlite3 doing the plain SQL on the same file.
set -euo pipefail
db=$BENCH_DIR/ledger.sqlite
bash scripts/lib/bench-ledger-db.sh "$db"
export DARMARKA_DB=$db
box=$("$DARMARKA" box list --centre PRE --format csv | sed -n 2p | cut -d, -f1)
lines=$(sqlite3 "$db" "SELECT COUNT(*) FROM movement_line")

hyperfine -N --warmup 3 --runs 40 --export-json "$BENCH_DIR/intake.json" \
    -n "darmarka intake" "$DARMARKA intake --box $box --category shoes --quantity 1" \
    -n "sqlite3 INSERT" "sqlite3 $db \"BEGIN; INSERT INTO movement(kind, occurred_on, recorded_at, to_box_id, seal) VALUES ('intake', '2026-11-25', '2026-11-25T00:00:00Z', 1, zeroblob(32)); INSERT INTO movement_line(movement_id, line, category_id, quantity) VALUES (last_insert_rowid(), 1, 6, 1); COMMIT;\"" >&2
hyperfine -N --warmup 3 --runs 30 --export-json "$BENCH_DIR/stock.json" \
    -n "darmarka stock --centre" "$DARMARKA stock --centre PRE" \
    -n "sqlite3 SUM over the ledger" "sqlite3 $db \"SELECT b.code, l.category_id, SUM(CASE WHEN m.to_box_id = b.id THEN l.quantity ELSE -l.quantity END) FROM movement m JOIN movement_line l ON l.movement_id = m.id JOIN box b ON b.id IN (m.to_box_id, m.from_box_id) JOIN centre c ON c.id = b.centre_id WHERE c.code = 'PRE' GROUP BY 1, 2\"" >&2

cat <<MD
## Ledger: one-shot commands on $lines ledger lines <!-- ledger -->

| command | median | goal |
|---|---|---|
| \`darmarka intake --box $box --category shoes --quantity 1\` | $(median "$BENCH_DIR/intake.json" 0) ms | under 30 ms |
| \`sqlite3 DB "BEGIN; INSERT INTO movement …; INSERT INTO movement_line …; COMMIT;"\` | $(median "$BENCH_DIR/intake.json" 1) ms | |
| \`darmarka stock --centre PRE\` | $(median "$BENCH_DIR/stock.json" 0) ms | under 50 ms |
| \`sqlite3 DB "SELECT … SUM(quantity) … GROUP BY box, category"\` over the whole ledger | $(median "$BENCH_DIR/stock.json" 1) ms | |

The intake runs the whole check (box, category, stock on every later day) and
updates the per-box balances in the same transaction, with \`synchronous = FULL\`
in WAL mode. \`stock\` reads those balances instead of summing history.

MD

#!/usr/bin/env bash
# Makes the ledger benchmarks' database at $1: two centres of ten boxes
# each through `darmarka`, then 1,000,000 one-line intakes over three years
# written straight into the ledger and the derived balances rebuilt from it
# as the store keeps them. Used by scripts/bench.d/10-ledger.sh and 50-web.sh.
set -euo pipefail
db=$1
rm -f "$db" "$db-wal" "$db-shm"
export DARMARKA_DB=$db
"$DARMARKA" init >/dev/null
"$DARMARKA" centre add --code PRE --name "Преображенский" >/dev/null
"$DARMARKA" centre add --code MAT --name "Матмасы" >/dev/null
for i in $(seq 1 10); do "$DARMARKA" box add --centre PRE >/dev/null; "$DARMARKA" box add --centre MAT >/dev/null; done

sqlite3 "$db" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO movement(id, kind, occurred_on, recorded_at, to_box_id, seal)
SELECT i, 'intake', date('2023-11-25', '+' || (i * 1096 / 1000000) || ' days'), '2026-11-25T00:00:00.000Z', 1 + i % 20, zeroblob(32) FROM n;
INSERT INTO movement_line(movement_id, line, category_id, quantity, grams)
SELECT id, 1, 1 + id % 20, 1 + id % 5, (id % 7) * 250 FROM movement;
INSERT INTO balance_day(box_id, category_id, day, quantity, grams)
SELECT m.to_box_id, l.category_id, m.occurred_on, SUM(l.quantity), SUM(COALESCE(l.grams, 0))
FROM movement m JOIN movement_line l ON l.movement_id = m.id GROUP BY 1, 2, 3;
INSERT INTO balance(box_id, category_id, quantity, grams)
SELECT box_id, category_id, SUM(quantity), SUM(grams) FROM balance_day GROUP BY 1, 2;
COMMIT;
SQL

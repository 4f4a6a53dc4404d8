#!/usr/bin/env bash
# The grant report's benchmark: ten years of fifty centres, 5,000,000 ledger
# lines; `darmarka report monthly --format json` as a whole process against
# sqlite3 computing the same core figures with plain SQL on the same file.
set -euo pipefail
db=$BENCH_DIR/report.sqlite
if [ ! -f "$db.done" ]; then
rm -f "$db"*
export DARMARKA_DB=$db
"$DARMARKA" init --organisation "Бенчмарк" >/dev/null
# 50 centres, 20,000 recipients and 10 events a month written straight in,
# 250 boxes (5 a centre) through `box add`; then 5,000,000 one-line movements
# over 2016-12-01 … 2026-11-30:
# 60 % intakes, 35 % handouts (most to a recipient), 5 % transfers and write-offs.
sqlite3 "$db" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO centre(id, code, name, created_at) SELECT i, 'C' || i, 'Соседский центр ' || i, '2016-11-01' FROM n;
COMMIT;
SQL
# Real box codes, with their check symbols, as `box add` issues them: box
# ids 1 … 250, five a centre in order.
for c in $(seq 1 50); do for b in 1 2 3 4 5; do "$DARMARKA" box add --centre "C$c" >/dev/null; done; done
sqlite3 "$db" >/dev/null <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
-- `code_key` is the code folded (RecipientCodes.key): R1 … R20000 are their own keys.
INSERT INTO recipient(id, code, code_key, group_id, household_size, registered_on) SELECT i, 'R' || i, 'R' || i, 1 + i % 7, 1 + i % 5, '2016-12-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
INSERT INTO event(id, name, held_on, centre_id, participants) SELECT i, 'Дармарка ' || i, date('2016-12-01', '+' || (i * 3652 / 1200) || ' days'), 1 + i % 50, 20 + i % 40 FROM n;
INSERT INTO volunteer(id, name) VALUES (1, 'Анна'), (2, 'Олег'), (3, 'Мария');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000)
INSERT INTO movement(id, kind, occurred_on, recorded_at, from_box_id, to_box_id, recipient_id, volunteer_id, seal)
SELECT i,
       CASE WHEN i % 20 < 12 THEN 'intake' WHEN i % 20 < 19 THEN 'handout' WHEN i % 40 = 19 THEN 'transfer' ELSE 'writeoff' END,
       date('2016-12-01', '+' || (i * 3652 / 5000000) || ' days'), '2026-11-30T00:00:00.000Z',
       CASE WHEN i % 20 < 12 THEN NULL ELSE 1 + i % 250 END,
       CASE WHEN i % 20 < 12 THEN 1 + i % 250 WHEN i % 40 = 19 THEN 1 + (i + 7) % 250 ELSE NULL END,
       CASE WHEN i % 20 BETWEEN 12 AND 18 AND i % 10 <> 3 THEN 1 + (i * 7919) % 20000 ELSE NULL END,
       1 + i % 3,
       -- Synthetic rows carry a placeholder seal: the report reads no seal but the last.
       zeroblob(32)
FROM n;
INSERT INTO movement_line(movement_id, line, category_id, quantity, grams, condition)
SELECT id, 1, 1 + (id / 7) % 20, CASE WHEN kind = 'intake' THEN 3 ELSE 1 END,
       CASE WHEN id % 4 = 0 THEN NULL ELSE 400 + id % 900 END,
       CASE id % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'good' WHEN 2 THEN 'good' WHEN 3 THEN 'repair' ELSE NULL END
FROM movement;
COMMIT;
SQL
# The tables the store keeps beside the ledger, made the way `check` recomputes them.
sqlite3 "$db" >/dev/null <<SQL
BEGIN;
INSERT INTO balance_day(box_id, category_id, day, quantity, grams)
SELECT box_id, category_id, day, SUM(q), SUM(g) FROM (
  SELECT m.to_box_id AS box_id, l.category_id, m.occurred_on AS day, l.quantity AS q, COALESCE(l.grams, 0) AS g
  FROM movement m JOIN movement_line l ON l.movement_id = m.id WHERE m.to_box_id IS NOT NULL
  UNION ALL
  SELECT m.from_box_id, l.category_id, m.occurred_on, -l.quantity, -COALESCE(l.grams, 0)
  FROM movement m JOIN movement_line l ON l.movement_id = m.id WHERE m.from_box_id IS NOT NULL)
GROUP BY 1, 2, 3;
INSERT INTO balance(box_id, category_id, quantity, grams)
SELECT box_id, category_id, SUM(quantity), SUM(grams) FROM balance_day GROUP BY 1, 2;
INSERT INTO flow_month SELECT s.month, s.kind, s.f, s.t, l.category_id, COALESCE(l.condition, ''), s.ev, s.rc,
       SUM(l.quantity), SUM(COALESCE(l.grams, 0)), SUM(CASE WHEN l.grams IS NULL THEN 0 ELSE l.quantity END), COUNT(*), 0
FROM (SELECT id, kind, substr(occurred_on, 1, 7) AS month, COALESCE(from_box_id, 0) AS f, COALESCE(to_box_id, 0) AS t,
             event_id IS NOT NULL AS ev, recipient_id IS NOT NULL AS rc FROM movement) s
JOIN movement_line l ON l.movement_id = s.id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO recipient_visit(recipient_id, day, handouts)
SELECT recipient_id, occurred_on, COUNT(*) FROM movement WHERE kind = 'handout' AND recipient_id IS NOT NULL GROUP BY 1, 2;
INSERT INTO recipient_month(month, recipient_id, visits) SELECT substr(day, 1, 7), recipient_id, COUNT(*) FROM recipient_visit GROUP BY 1, 2;
INSERT INTO recipient_first(recipient_id, first_day) SELECT recipient_id, MIN(day) FROM recipient_visit GROUP BY 1;
INSERT INTO volunteer_month(month, volunteer_id, movements)
SELECT substr(occurred_on, 1, 7), volunteer_id, COUNT(*) FROM movement WHERE volunteer_id IS NOT NULL GROUP BY 1, 2;
INSERT INTO target(metric, period_from, period_to, value, set_at) VALUES
  ('items-handed-out', '2026-01-01', '2026-12-31', 250000, 'x'), ('unique-recipients', '2026-01-01', '2026-12-31', 20000, 'x');
COMMIT;
ANALYZE;
SQL
touch "$db.done"
fi
# The file's pages on disk before timing: the kernel's writeback of a fresh
# 900 MB database would otherwise run during the first timings.
sync
lines=$(sqlite3 "$db" "SELECT COUNT(*) FROM movement_line")
flows=$(sqlite3 "$db" "SELECT COUNT(*) FROM flow_month WHERE month BETWEEN '2026-01' AND '2026-11'")

# The same core figures in plain SQL over the ledger: received and handed out
# in the month, stock at its end by centre (all history), unique recipients.
plain="SELECT m.kind, SUM(l.quantity), SUM(l.grams) FROM movement m JOIN movement_line l ON l.movement_id = m.id WHERE m.occurred_on BETWEEN '2026-11-01' AND '2026-11-30' AND m.kind IN ('intake', 'handout') GROUP BY m.kind;
SELECT c.code, SUM(CASE WHEN m.to_box_id = b.id THEN l.quantity ELSE -l.quantity END) FROM movement m JOIN movement_line l ON l.movement_id = m.id JOIN box b ON b.id IN (m.to_box_id, m.from_box_id) JOIN centre c ON c.id = b.centre_id WHERE m.occurred_on <= '2026-11-30' GROUP BY c.code;
SELECT COUNT(DISTINCT recipient_id) FROM movement WHERE kind = 'handout' AND occurred_on BETWEEN '2026-11-01' AND '2026-11-30';"

# Thirty runs of the short commands: this machine's timings spread by ±10 ms.
hyperfine -N --warmup 5 --runs 30 --export-json "$BENCH_DIR/report.json" \
    -n "darmarka report monthly --format json" "$DARMARKA report monthly --db $db --month 2026-11 --format json" \
    -n "darmarka report range --format json" "$DARMARKA report range --db $db --from 2026-03-01 --to 2026-11-17 --format json" >&2
hyperfine -N --warmup 1 --runs 5 --export-json "$BENCH_DIR/report-plain.json" \
    -n "sqlite3 plain SQL" "sqlite3 $db \"$plain\"" >&2

cat <<MD
## Report: \`report monthly\` on $lines ledger lines, 50 centres, 10 years <!-- report -->

| command | median | goal |
|---|---|---|
| \`darmarka report monthly --month 2026-11 --format json\` (month, previous month, year to date, targets, 12-month trend) | $(median "$BENCH_DIR/report.json" 0) ms | under 100 ms |
| \`sqlite3 DB "…"\`: received and handed out in the month, stock by centre at its end, unique recipients | $(median "$BENCH_DIR/report-plain.json" 0) ms | |
| \`darmarka report range --from 2026-03-01 --to 2026-11-17 --format json\` (with the targets' progress) | $(median "$BENCH_DIR/report.json" 1) ms | |

The report reads \`flow_month\` ($flows rows for January–November 2026),
\`recipient_month\`, \`recipient_first\`, \`volunteer_month\` and \`balance\`, which the store keeps up to date in the
same transaction as each movement; the plain SQL sums the ledger itself, most
of it all history for the stock. A period that is not whole months, like the
range above, reads its whole months from the same tables and only the days at
either end from the ledger. The data set is synthetic (\`scripts/bench.d/40-report.sh\`).

MD

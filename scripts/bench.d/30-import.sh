#!/usr/bin/env bash
# The importer's benchmark: a journal of 1,000,000 rows, imported whole into
# a database with boxes and nothing else, against sqlite3 importing the same
# CSV file into a plain table.
set -euo pipefail
source scripts/lib/packages.sh
ensure_packages time gcc
dir=$BENCH_DIR/import
mkdir -p "$dir"
pristine=$dir/pristine.sqlite db=$dir/import.sqlite plain=$dir/plain.sqlite
ledger=$dir/ledger.sqlite journal=$dir/journal.csv
rm -f "$pristine"* "$db"* "$plain"* "$ledger"*
export DARMARKA_DB=$pristine
"$DARMARKA" init >/dev/null
"$DARMARKA" centre add --code PRE --name "Преображенский" >/dev/null
"$DARMARKA" centre add --code MAT --name "Матмасы" >/dev/null
for i in $(seq 1 10); do "$DARMARKA" box add --centre PRE >/dev/null; "$DARMARKA" box add --centre MAT >/dev/null; done
unset DARMARKA_DB

# A year of intakes and handouts (with transfers and write-offs) across the
# 20 boxes, never taking more than a box holds: every row is valid.
python3 scripts/lib/bench-journal.py 1000000 $("$DARMARKA" box list --db "$pristine" --format csv | tail -n +2 | cut -d, -f1) > "$journal"
rows=$(($(wc -l < "$journal") - 1))
mb=$(( $(stat -c %s "$journal") / 1000000 ))
reset="cp $pristine $db && rm -f $db-wal $db-shm $plain"
sync

hyperfine --warmup 1 --runs 5 --export-json "$BENCH_DIR/import.json" --prepare "$reset" \
    -n "darmarka import" "$DARMARKA import $journal --db $db" \
    -n "sqlite3 .import" "sqlite3 $plain '.mode csv' '.import $journal t'" >&2

# What SQLite itself needs to write the same movements and lines into the
# ledger's tables, every id already known: the floor under any importer.
# Foreign keys off and the same page cache, as the importer writes; the
# WHERE clauses keep SQLite from copying whole records page by page (its
# transfer optimisation), which no importer reading a CSV file can do.
bash -c "$reset"
"$DARMARKA" import "$journal" --db "$db" >/dev/null
cat > "$dir/copy.sql" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -8192;
PRAGMA temp_store = MEMORY;
ATTACH '$db' AS src;
BEGIN;
INSERT INTO import_batch SELECT * FROM src.import_batch;
INSERT INTO recipient SELECT * FROM src.recipient;
INSERT INTO event SELECT * FROM src.event;
INSERT INTO volunteer SELECT * FROM src.volunteer;
INSERT INTO movement SELECT * FROM src.movement WHERE id > 0;
INSERT INTO movement_line SELECT * FROM src.movement_line WHERE movement_id > 0;
COMMIT;
SQL
hyperfine --warmup 1 --runs 5 --export-json "$BENCH_DIR/import-floor.json" \
    --prepare "cp $pristine $ledger && rm -f $ledger-wal $ledger-shm" \
    -n "sqlite3 copy" "sqlite3 $ledger -init $dir/copy.sql .quit" >&2

# Below that: a C program that holds every row the import wrote, in every
# table (ledger, balances, flows, visits, fingerprints), already in memory,
# and only binds them into prepared statements and commits, as an importer
# must on the thread that owns the connection. Its writing part is timed by
# the program itself: reading the rows in first is no importer's cost.
gcc -O2 -o "$dir/bind-floor" scripts/lib/bind-floor.c -lsqlite3
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
binds=()
for i in 1 2 3 4 5 6 7; do
    cp "$pristine" "$ledger" && rm -f "$ledger-wal" "$ledger-shm" && sync
    binds+=("$("$dir/bind-floor" "$ledger" "$db" import_batch recipient event volunteer movement movement_line \
        movement_note import_fingerprint import_fingerprint_person balance balance_day flow_month recipient_visit recipient_month recipient_first volunteer_month line_valuation)")
done
t_bind=$(printf '%s\n' "${binds[@]}" | sort -n | sed -n 4p)
echo "bind floor, 7 runs (ms): ${binds[*]}" >&2

# Peak memory of whole processes, as the kernel counts it.
peak() { bash -c "$reset" && /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
rss=$(peak "$DARMARKA" import "$journal" --db "$db")
rss_sqlite=$(peak sqlite3 "$plain" '.mode csv' ".import $journal t")

rate() { python3 -c "print(f'{round($rows / ($1 / 1000)):,}'.replace(',', ' '))"; }
t_import=$(median "$BENCH_DIR/import.json" 0) t_sqlite=$(median "$BENCH_DIR/import.json" 1) t_floor=$(median "$BENCH_DIR/import-floor.json" 0)
budget=$(python3 -c "print('%.1f' % (2 * $t_sqlite))")
share=$(python3 -c "print(round(100 * $t_floor / (2 * $t_sqlite)))")
bind_share=$(python3 -c "print(round(100 * $t_bind / (2 * $t_sqlite)))")
left=$(python3 -c "
left = round(2 * $t_sqlite - $t_bind)
print(f'leaving {left} ms for reading, parsing and checking a million rows' if left > 0
      else f'{-left} ms more than the whole budget before a single row is read')")
verdict=$(python3 -c "print('The goal is out of reach for any importer of this schema on this machine' if $t_bind >= 0.9 * 2 * $t_sqlite
      else 'An importer would have to read and check on other cores, keeping the writing thread to binding alone')")
met=$(python3 -c "print('met' if $t_import <= 2 * $t_sqlite else 'missed')")
cat <<MD
## Import: a journal of $rows rows ($mb MB) <!-- import -->

| command | median | rows/s | peak memory | goal |
|---|---|---|---|---|
| \`darmarka import journal.csv\`: every row checked, ledger, balances, flows and visits written | $t_import ms | $(rate "$t_import") | $((rss / 1024)) MB | ≥ half of sqlite3's rows/s ($budget ms): **$met**; under 64 MB |
| \`sqlite3 DB '.mode csv' '.import journal.csv t'\` into a plain table | $t_sqlite ms | $(rate "$t_sqlite") | $((rss_sqlite / 1024)) MB | |
| \`sqlite3\` copying the same movements and lines, ids known, into the ledger's tables | $t_floor ms | $(rate "$t_floor") | | |
| C, binding every row the import writes, all of it final and in memory, into the same tables (\`scripts/lib/bind-floor.c\`) | $t_bind ms | $(rate "$t_bind") | | |

The journal is UTF-8 with commas: a year of intakes and handouts across 20
boxes at two centres, with transfers and write-offs, 3000 recipients, events
and volunteers, never taking more than a box holds (\`scripts/lib/bench-journal.py\`).
Each run starts from a database with the boxes and nothing else; times are
whole processes, the commit and its checkpoint included.

The ledger is not a plain table: each movement goes into \`movement\`, its
date index and one of two partial box indexes, each line into
\`movement_line\` (keyed by movement and number, schema v5), all through the
write-ahead log and then into the file; beside them the import keeps
\`balance\`, \`balance_day\`, \`flow_month\`, the visit tables and the
fingerprints that make a second import of the file add nothing.

The last two rows are floors. The third is SQLite alone copying the
movements and lines, ids known, with \`INSERT … SELECT\` from a database
that already holds them. The fourth is what every importer of this schema
must do at the least: a C program holding every row \`darmarka import\`
wrote, in every table, final and in memory, binds them into prepared
statements of up to 1024 rows and commits, in one transaction, on the one
thread that owns the connection, foreign keys off as the importer writes
them. Nothing is read, parsed, looked up or checked, and still it takes
**$bind_share %** of the time the goal allows, $left. $verdict; \`darmarka import\` reads and
checks the file on one core while SQLite writes on the other, and its time
above the fourth row is the work of the writing thread besides binding:
names, sums per box, day and month, and the check of stock.

MD

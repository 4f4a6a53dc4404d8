/*
 * The floor under any CSV importer of Darmarka's schema, for scripts/bench.
 *
 *   bind-floor TARGET.sqlite SOURCE.sqlite TABLE...
 *
 * Reads every row of the TABLEs from SOURCE (a database `darmarka import`
 * filled) into memory first, untimed. Then, timed: opens TARGET as the
 * importer does (no mutex, foreign keys off, the same 8 MiB page cache),
 * and in one transaction binds those rows, value by value, into prepared
 * multi-row INSERTs of the same tables, and commits. It prints the
 * milliseconds of that second part alone.
 *
 * Nothing is read from a file, parsed, looked up or checked: every value is
 * final and in memory, texts bound without a copy. An importer that reads a
 * CSV file must at least do this much on the thread that owns the
 * connection, so this time is what no importer of this schema can beat.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { int type; int length; long long value; } Cell; /* value: an integer, or an offset in `arena` */
typedef struct { const char *name; int columns; long rows; Cell *cells; } Table;

static char *arena;
static size_t arena_used, arena_size;

static void *grow(void *p, size_t size) {
    void *q = realloc(p, size);
    if (!q) { fprintf(stderr, "bind-floor: out of memory\n"); exit(1); }
    return q;
}

static long long keep(const void *bytes, int length) {
    if (arena_used + length + 1 > arena_size) {
        arena_size = arena_size ? arena_size : 1 << 20;
        while (arena_used + length + 1 > arena_size) arena_size *= 2;
        arena = grow(arena, arena_size);
    }
    memcpy(arena + arena_used, bytes, length);
    arena[arena_used + length] = 0;
    arena_used += length + 1;
    return (long long)(arena_used - length - 1);
}

static void load(sqlite3 *source, Table *t) {
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t->name);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(source, sql, -1, &s, 0) != SQLITE_OK) {
        fprintf(stderr, "bind-floor: %s\n", sqlite3_errmsg(source));
        exit(1);
    }
    t->columns = sqlite3_column_count(s);
    long capacity = 1024;
    t->cells = grow(0, sizeof(Cell) * capacity * t->columns);
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (t->rows == capacity) t->cells = grow(t->cells, sizeof(Cell) * (capacity *= 2) * t->columns);
        for (int c = 0; c < t->columns; c++) {
            Cell *x = &t->cells[t->rows * t->columns + c];
            x->type = sqlite3_column_type(s, c);
            if (x->type == SQLITE_INTEGER) {
                x->value = sqlite3_column_int64(s, c);
            } else if (x->type == SQLITE_TEXT || x->type == SQLITE_BLOB) {
                const void *p = x->type == SQLITE_TEXT ? (const void *)sqlite3_column_text(s, c) : sqlite3_column_blob(s, c);
                x->length = sqlite3_column_bytes(s, c);
                x->value = keep(p, x->length);
            }
        }
        t->rows++;
    }
    sqlite3_finalize(s);
}

/* INSERT INTO table VALUES (?, …), … for `rows` rows. */
static sqlite3_stmt *prepare(sqlite3 *db, const Table *t, int rows) {
    size_t size = 64 + strlen(t->name) + (size_t)rows * (4 + 2 * t->columns);
    char *sql = grow(0, size);
    int p = snprintf(sql, size, "INSERT INTO \"%s\" VALUES ", t->name);
    for (int r = 0; r < rows; r++) {
        p += snprintf(sql + p, size - p, r ? ",(?" : "(?");
        for (int c = 1; c < t->columns; c++) p += snprintf(sql + p, size - p, ",?");
        p += snprintf(sql + p, size - p, ")");
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, 0) != SQLITE_OK) {
        fprintf(stderr, "bind-floor: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
    free(sql);
    return s;
}

static void write_table(sqlite3 *db, const Table *t) {
    /* As the importer does: up to 1024 rows a statement, within SQLite's 32766 parameters. */
    int per = 32766 / t->columns;
    if (per > 1024) per = 1024;
    sqlite3_stmt *full = 0, *rest = 0;
    for (long r = 0; r < t->rows;) {
        int rows = t->rows - r >= per ? per : (int)(t->rows - r);
        sqlite3_stmt *s = rows == per ? (full ? full : (full = prepare(db, t, rows))) : (rest = prepare(db, t, rows));
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < t->columns; c++) {
                const Cell *x = &t->cells[(r + i) * t->columns + c];
                int p = i * t->columns + c + 1;
                switch (x->type) {
                case SQLITE_INTEGER: sqlite3_bind_int64(s, p, x->value); break;
                case SQLITE_TEXT: sqlite3_bind_text(s, p, arena + x->value, x->length, SQLITE_STATIC); break;
                case SQLITE_BLOB: sqlite3_bind_blob(s, p, arena + x->value, x->length, SQLITE_STATIC); break;
                default: sqlite3_bind_null(s, p);
                }
            }
        }
        if (sqlite3_step(s) != SQLITE_DONE) {
            fprintf(stderr, "bind-floor: %s: %s\n", t->name, sqlite3_errmsg(db));
            exit(1);
        }
        sqlite3_reset(s);
        r += rows;
    }
    sqlite3_finalize(full);
    sqlite3_finalize(rest);
}

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: bind-floor TARGET.sqlite SOURCE.sqlite TABLE...\n");
        return 2;
    }
    sqlite3 *source;
    if (sqlite3_open_v2(argv[2], &source, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) {
        fprintf(stderr, "bind-floor: %s\n", sqlite3_errmsg(source));
        return 1;
    }
    int count = argc - 3;
    Table *tables = calloc(count, sizeof(Table));
    for (int i = 0; i < count; i++) {
        tables[i].name = argv[i + 3];
        load(source, &tables[i]);
    }
    sqlite3_close(source);

    double start = seconds();
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, 0) != SQLITE_OK
        || sqlite3_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -8192; BEGIN IMMEDIATE", 0, 0, 0) != SQLITE_OK) {
        fprintf(stderr, "bind-floor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    for (int i = 0; i < count; i++) write_table(db, &tables[i]);
    if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) {
        fprintf(stderr, "bind-floor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_close(db);
    printf("%.1f\n", (seconds() - start) * 1000);
    return 0;
}

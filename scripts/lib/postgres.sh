# A throwaway PostgreSQL cluster for the tests (issue 15). Sourced by
# scripts/test; usable by hand:
#   source scripts/lib/postgres.sh
#   postgres_start        # sets and exports DARMARKA_TEST_POSTGRES, PGPASSWORD
#   …
#   postgres_stop         # stops the server and removes its folder
#
# The cluster lives in a temporary folder, listens on a free loopback port
# and on a Unix socket in that folder, and takes passwords (scram-sha-256)
# over TCP, so that the tests go through the same login as a real server.
# initdb refuses to run as root: as root, the server runs as `postgres`.

POSTGRES_DIR=""

# The newest installed server's programs (Debian keeps them out of PATH).
postgres_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ]; then
        dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
    fi
    [ -x "$dir/initdb" ] || { echo "postgres.sh: no PostgreSQL server installed (Debian: postgresql)." >&2; return 1; }
    echo "$dir"
}

# Runs a server program as the user that owns the cluster.
postgres_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A port nothing listens on now, from the kernel's own choice.
postgres_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

postgres_start() {
    local bin port password superpass
    bin=$(postgres_bindir) || return 1
    POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/darmarka-pg.XXXXXX")
    chmod 700 "$POSTGRES_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_DIR"
    port=$(postgres_free_port)
    # Random passwords: nothing here is meant to be guessed or reused.
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    superpass=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$superpass" > "$POSTGRES_DIR/superpass"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_DIR/superpass"
    chmod 600 "$POSTGRES_DIR/superpass"
    postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres --pwfile="$POSTGRES_DIR/superpass" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 \
        || { cat "$POSTGRES_DIR/initdb.log" >&2; echo "postgres.sh: initdb failed." >&2; return 1; }
    # fsync off: a crash of a throwaway cluster loses nothing of value, and
    # the tests create and drop many databases. Autovacuum off: its workers
    # in a database the tests are dropping only slow the drop.
    postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$POSTGRES_DIR -c fsync=off -c autovacuum=off -c max_connections=100" \
        start >/dev/null \
        || { cat "$POSTGRES_DIR/server.log" >&2; echo "postgres.sh: the server did not start." >&2; return 1; }
    # The tests' own role: it creates a fresh database for each test.
    PGPASSWORD=$superpass psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE darmarka_test LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE darmarka_test OWNER darmarka_test" >/dev/null \
        || { echo "postgres.sh: could not create the test role." >&2; return 1; }
    export DARMARKA_TEST_POSTGRES="postgres://darmarka_test@127.0.0.1:$port/darmarka_test"
    export DARMARKA_TEST_POSTGRES_SOCKET="$POSTGRES_DIR"
    export PGPASSWORD=$password
    echo "postgres.sh: a throwaway cluster at $DARMARKA_TEST_POSTGRES (folder $POSTGRES_DIR)" >&2
}

postgres_stop() {
    [ -n "$POSTGRES_DIR" ] && [ -d "$POSTGRES_DIR" ] || return 0
    local bin
    bin=$(postgres_bindir) || true
    if [ -n "$bin" ] && [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
        postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$POSTGRES_DIR"
    POSTGRES_DIR=""
}

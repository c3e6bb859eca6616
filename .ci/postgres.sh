#!/usr/bin/env bash
# Throwaway PostgreSQL server for the test suite.
#
#   .ci/postgres.sh          start a fresh server on 127.0.0.1:54329 and print its URL
#                            (last line of stdout):
#                              postgres://wallet:wallet@127.0.0.1:54329/wallet_test
#   .ci/postgres.sh stop     stop the server started by this script and delete its files
#
# The server lives entirely in a temp dir under /tmp/wallet-ci-pg/ (data directory, unix
# socket, log); /tmp/wallet-ci-pg/current records which one. Running the script again
# stops the previous server and starts a new, empty one, so every call gives a clean
# database at the same URL. Nothing is registered system-wide except, if missing, the
# `postgres` OS user (initdb refuses to run as root) and, if the server binaries are
# missing, Debian's `postgresql` package.
#
# Progress and diagnostics go to stderr; stdout carries only the URL.
# Set WALLET_CI_PG_BINDIR to force a directory holding initdb, pg_ctl and postgres.
set -euo pipefail

readonly PORT=54329
readonly HOST=127.0.0.1
readonly DB_USER=wallet
readonly DB_PASSWORD=wallet
readonly DB_NAME=wallet_test
readonly STATE_DIR=/tmp/wallet-ci-pg
readonly STATE_FILE="$STATE_DIR/current"
readonly OS_USER=postgres
readonly URL="postgres://$DB_USER:$DB_PASSWORD@$HOST:$PORT/$DB_NAME"

# libpq/pg_ctl settings inherited from the caller (PGHOST, PGSSLMODE, PGDATA, ...) must
# not redirect or alter our connections.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^PG' || true)
export LC_ALL=C.UTF-8 LANG=C.UTF-8

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- locating / installing the server binaries -------------------------------------------

has_server_binaries() { [[ -x "$1/initdb" && -x "$1/pg_ctl" && -x "$1/postgres" ]]; }

find_bindir() {
    local dir initdb
    if [[ -n "${WALLET_CI_PG_BINDIR:-}" ]]; then
        has_server_binaries "$WALLET_CI_PG_BINDIR" && { echo "$WALLET_CI_PG_BINDIR"; return 0; }
        return 1
    fi
    # On PATH (this may be symlinks, e.g. /usr/local/bin -> /usr/lib/postgresql/15/bin):
    # use the real directory so initdb, pg_ctl and postgres come from the same version.
    if initdb=$(command -v initdb 2>/dev/null); then
        dir=$(dirname "$(readlink -f "$initdb")")
        has_server_binaries "$dir" && { echo "$dir"; return 0; }
    fi
    # Debian/Ubuntu keep them off PATH, one directory per major version; newest first.
    while read -r dir; do
        [[ -n "$dir" ]] && has_server_binaries "$dir" && { echo "$dir"; return 0; }
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
    return 1
}

install_postgresql() {
    [[ $EUID -eq 0 ]] || die "PostgreSQL server binaries not found and not root: install 'postgresql' (apt) or set WALLET_CI_PG_BINDIR"
    command -v apt-get >/dev/null || die "PostgreSQL server binaries not found and no apt-get to install them"
    log "PostgreSQL server binaries not found; installing Debian's postgresql package (apt-get)"
    local aptlog
    aptlog=$(mktemp)
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } </dev/null >"$aptlog" 2>&1; then
        tail -n 40 "$aptlog" >&2
        rm -f "$aptlog"
        die "apt-get install postgresql failed"
    fi
    rm -f "$aptlog"
}

# --- running things as the postgres OS user ----------------------------------------------

ensure_os_user() {
    [[ $EUID -eq 0 ]] || return 0
    id -u "$OS_USER" >/dev/null 2>&1 && return 0
    # Same shape as the user Debian's postgresql-common creates, so a later package
    # install adopts it without complaint.
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/bash --comment "PostgreSQL administrator" "$OS_USER" \
        || die "could not create the '$OS_USER' OS user"
}

# as_pg DIR CMD...: run CMD from DIR as the postgres OS user (as ourselves when not root).
as_pg() {
    local dir=$1; shift
    if [[ $EUID -ne 0 ]]; then
        (cd "$dir" && "$@")
    elif command -v runuser >/dev/null; then
        (cd "$dir" && runuser -u "$OS_USER" -- "$@")
    else
        (cd "$dir" && su -s /bin/sh "$OS_USER" -c "$(printf '%q ' "$@")")
    fi
}

# --- stopping previous servers -----------------------------------------------------------

# stop_cluster BINDIR TMPDIR: stop the server whose files live in TMPDIR, delete TMPDIR.
stop_cluster() {
    local bindir=$1 tmp=$2
    [[ -d "$tmp" ]] || return 0
    if [[ -f "$tmp/data/postmaster.pid" && -n "$bindir" ]]; then
        as_pg / "$bindir/pg_ctl" stop -D "$tmp/data" -m fast -w -t 60 >/dev/null 2>&1 \
            || as_pg / "$bindir/pg_ctl" stop -D "$tmp/data" -m immediate -w -t 30 >/dev/null 2>&1 \
            || true
        if [[ -f "$tmp/data/postmaster.pid" ]]; then
            # pg_ctl could not do it (e.g. the binaries went away): signal the postmaster.
            local pid
            pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null || true)
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                kill -QUIT "$pid" 2>/dev/null || true
                for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            fi
        fi
    fi
    rm -rf -- "$tmp"
}

# Stop every server this script started (normally at most one) and remove its files.
stop_all() {
    local bindir=${1:-} tmp
    [[ -d "$STATE_DIR" ]] || return 0
    [[ -L "$STATE_DIR" ]] && die "$STATE_DIR is a symlink; refusing to use it"
    if [[ -z "$bindir" ]]; then bindir=$(find_bindir 2>/dev/null || true); fi
    for tmp in "$STATE_DIR"/cluster.*; do
        [[ -d "$tmp" ]] && stop_cluster "$bindir" "$tmp"
    done
    rm -f -- "$STATE_FILE"
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

# --- main --------------------------------------------------------------------------------

psql_admin() {
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U postgres -d postgres "$@"
}

start() {
    local bindir tmp
    if [[ -n "${WALLET_CI_PG_BINDIR:-}" ]] && ! has_server_binaries "$WALLET_CI_PG_BINDIR"; then
        die "WALLET_CI_PG_BINDIR=$WALLET_CI_PG_BINDIR lacks initdb/pg_ctl/postgres"
    fi
    bindir=$(find_bindir) || { install_postgresql; bindir=$(find_bindir) || die "postgresql installed but initdb/pg_ctl/postgres still not found"; }
    PSQL="$bindir/psql"; [[ -x "$PSQL" ]] || PSQL=$(command -v psql) || die "psql not found"
    ensure_os_user

    stop_all "$bindir"
    port_in_use && die "port $PORT on $HOST is already in use by something this script did not start"

    mkdir -p "$STATE_DIR"
    chmod 755 "$STATE_DIR"
    tmp=$(mktemp -d "$STATE_DIR/cluster.XXXXXX")
    chmod 755 "$tmp"   # socket reachable by any local user; data/ itself stays 0700
    if [[ $EUID -eq 0 ]]; then chown "$OS_USER:" "$tmp"; fi
    printf '%s\n' "$tmp" >"$STATE_FILE"

    local initlog="$tmp/initdb.log"
    if ! as_pg "$tmp" "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$initlog" 2>&1; then
        cat "$initlog" >&2
        die "initdb failed"
    fi
    # Trust authentication for the local socket and loopback only (initdb's default
    # pg_hba.conf has no other lines); settings for a disposable test server.
    cat >>"$tmp/data/postgresql.conf" <<EOF

# --- .ci/postgres.sh ---
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$tmp'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF

    if ! as_pg "$tmp" "$bindir/pg_ctl" start -D "$tmp/data" -l "$tmp/postgres.log" -w -t 60 >/dev/null 2>&1; then
        cat "$tmp/postgres.log" >&2 2>/dev/null || true
        die "pg_ctl start failed"
    fi

    local ready=0
    for _ in $(seq 120); do
        if [[ -x "$bindir/pg_isready" ]]; then
            "$bindir/pg_isready" -q -h "$HOST" -p "$PORT" -d postgres -U postgres && { ready=1; break; }
        else
            psql_admin -c 'select 1' >/dev/null 2>&1 && { ready=1; break; }
        fi
        sleep 0.5
    done
    [[ $ready -eq 1 ]] || { cat "$tmp/postgres.log" >&2; die "server did not become ready on $HOST:$PORT"; }

    psql_admin >/dev/null <<SQL || die "could not create role/database"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB SUPERUSER PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
    printf '%s\n' "$URL"
}

case "${1:-start}" in
    start) start ;;
    stop) stop_all ;;
    url) printf '%s\n' "$URL" ;;
    *) echo "usage: $0 [start|stop|url]" >&2; exit 2 ;;
esac

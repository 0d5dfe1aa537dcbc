# Shared helpers for scripts/demo and scripts/test.  Sourced, not executed.
# Environment knobs (all optional):
#   HRCR_PGHOST / HRCR_PGPORT / HRCR_PGUSER / HRCR_PGPASSWORD
#       use this PostgreSQL server instead of the private cluster under .local/pg
#   HRCR_PG_PORT   port of the private cluster (default 54329)
set -o pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$REPO/.local"
PY="${PYTHON:-python3}"

die() { echo "ERROR: $*" >&2; exit 2; }
info() { echo "==> $*" >&2; }

# Odoo must be importable from the python3 on PATH, and be 18.0.  Prints the
# problem and returns 1 otherwise (callers decide whether that is fatal).
odoo_check() {
    local ver
    if ! ver=$("$PY" -c "import odoo.release as r; print(r.serie)" 2>/dev/null); then
        ODOO_PROBLEM="python3 ($(command -v "$PY")) cannot import odoo: install Odoo 18.0 into this interpreter (see README, 'Requirements')"
        return 1
    fi
    if [ "$ver" != "18.0" ]; then
        ODOO_PROBLEM="python3 imports Odoo $ver, but hr_contract_risk needs Odoo 18.0"
        return 1
    fi
    ODOO_ADDONS_DEFAULT=$("$PY" - <<'PY'
import os, odoo
root = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(root, 'addons')]
main = os.path.abspath(os.path.join(root, '..', 'addons'))
if os.path.isdir(main):
    paths.append(main)
print(','.join(paths))
PY
)
    return 0
}

# Python libraries of requirements.txt (never Odoo): installed with pip when one is
# missing, so that the two README commands work on a fresh machine with Odoo 18.
py_requirements() {
    local missing
    missing=$("$PY" - "$@" <<'PY'
import importlib.util, sys
mods = sys.argv[1:] or ["sklearn", "numpy", "xlsxwriter", "pytest", "hypothesis", "ruff", "pylint_odoo", "websocket",
                        "whool", "oca_pre_commit_hooks"]
print(" ".join(m for m in mods if importlib.util.find_spec(m) is None))
PY
)
    [ -z "$missing" ] && return 0
    info "missing Python modules ($missing): python3 -m pip install -r requirements.txt"
    "$PY" -m pip install -q -r "$REPO/requirements.txt" \
        || die "could not install requirements.txt (missing: $missing); install them with pip and retry"
}

pg_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir; return 0
    fi
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

# Sets DB_ARGS (for odoo) and PG env vars (for psql/createdb/dropdb); PG_STARTED=1
# when this call started the private cluster (PG_STOP then stops it).
PG_STARTED=0
pg_ensure() {
    if [ -n "${HRCR_PGHOST:-}" ]; then
        export PGHOST="$HRCR_PGHOST" PGPORT="${HRCR_PGPORT:-5432}" PGUSER="${HRCR_PGUSER:-odoo}"
        [ -n "${HRCR_PGPASSWORD:-}" ] && export PGPASSWORD="$HRCR_PGPASSWORD"
        DB_ARGS=(--db_host "$PGHOST" --db_port "$PGPORT" --db_user "$PGUSER")
        [ -n "${HRCR_PGPASSWORD:-}" ] && DB_ARGS+=(--db_password "$HRCR_PGPASSWORD")
        psql -d postgres -Atqc 'select 1' >/dev/null 2>&1 \
            || die "configured PostgreSQL server $PGHOST:$PGPORT (user $PGUSER) does not answer"
        return 0
    fi
    local bindir port data run owner as
    bindir=$(pg_bindir) || die "PostgreSQL server binaries not found: install PostgreSQL 15 (apt-get install postgresql)"
    port="${HRCR_PG_PORT:-54329}"
    local pgdir="$LOCAL/pg"
    mkdir -p "$pgdir"
    as=()
    if [ "$(id -u)" = 0 ]; then
        # initdb/postgres refuse to run as root: run the private cluster as 'postgres'.
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user to own the cluster"
        chown postgres "$pgdir"
        if ! runuser -u postgres -- test -w "$pgdir"; then
            # a parent folder of the clone is not traversable by 'postgres' (e.g. under /root):
            # keep the cluster in a per-clone folder under /var/tmp instead
            pgdir="/var/tmp/hr_contract_risk-pg-$(printf %s "$REPO" | md5sum | cut -c1-10)"
            mkdir -p "$pgdir"; chown postgres "$pgdir"
            info "using $pgdir for the private cluster ('postgres' cannot reach $LOCAL)"
        fi
        as=(runuser -u postgres --)
    fi
    data="$pgdir/data"; run="$pgdir/run"
    mkdir -p "$run"; [ "$(id -u)" = 0 ] && chown postgres "$run"
    if [ ! -f "$data/PG_VERSION" ]; then
        info "creating a private PostgreSQL cluster in $data"
        "${as[@]}" "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
            || die "initdb failed, see $pgdir/initdb.log"
    fi
    export PGHOST="$run" PGPORT="$port" PGUSER=odoo
    if ! "$bindir/pg_isready" -q -h "$run" -p "$port"; then
        if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
            die "port $port is taken by another server; set HRCR_PG_PORT to a free port"
        fi
        info "starting PostgreSQL (port $port, socket in $run)"
        "${as[@]}" "$bindir/pg_ctl" -D "$data" -l "$pgdir/server.log" -w -t 60 \
            -o "-p $port -k $run -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
            || die "PostgreSQL did not start, see $pgdir/server.log"
        PG_STARTED=1
    fi
    PG_STOP=("${as[@]}" "$bindir/pg_ctl" -D "$data" -m fast -w stop)
    DB_ARGS=(--db_host "$run" --db_port "$port" --db_user odoo)
}

port_free() {
    "$PY" - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

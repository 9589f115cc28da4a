#!/usr/bin/env bash
# Usage: deploy/postgres.sh [--fresh DATABASE...]
#
# Makes PostgreSQL available for Supplyline, idempotently: uses a server that already answers, else
# starts an installed cluster (pg_ctlcluster), else installs Debian's postgresql package with apt-get
# (announced on stderr first); then creates the Supplyline role and databases when they are missing.
# Runs as root or as a user with sudo. apt and pg_ctlcluster output goes to
# /tmp/supplyline-postgres-<user>.log.
#
# Options:
#   --fresh DATABASE...     then drops these databases and creates them empty, owned by the role
#                           (the benchmark and the screenshots start from nothing this way)
#   -h, --help              this text
#
# Environment:
#   PGHOST, PGPORT          the server (default 127.0.0.1:5432)
#   SUPPLYLINE_DB_USER      the role the services log in as (default supplyline)
#   SUPPLYLINE_DB_PASSWORD  its password (default supplyline)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
FRESH=()
if [[ ${1:-} = --fresh ]]; then
    shift
    [[ $# -gt 0 ]] || { echo "postgres.sh: --fresh needs the databases' names" >&2; usage >&2; exit 2; }
    FRESH=("$@")
elif [[ $# -gt 0 ]]; then
    echo "postgres.sh: unexpected argument $1" >&2; usage >&2; exit 2
fi

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB_USER=${SUPPLYLINE_DB_USER:-supplyline}
DB_PASSWORD=${SUPPLYLINE_DB_PASSWORD:-supplyline}
DATABASES=(supplyline_command supplyline_query
           supplyline_command_test supplyline_query_test supplyline_query_dashboard_test
           supplyline_system_test_command supplyline_system_test_query)
LOG=/tmp/supplyline-postgres-$(id -un).log  # per user: another user may own an older one

fail() { echo "postgres.sh: $*" >&2; exit 1; }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Peer authentication on the local socket lets the postgres OS user administer the server
# without a password. cd / because postgres may not read the caller's working directory.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -u postgres "$@")
    fi
}

answers() {
    command -v pg_isready >/dev/null && pg_isready -q -h "$PGHOST" -p "$PGPORT"
}

# pg_isready and psql come with the client package alone; only the server package
# ships a postgres binary.
server_installed() {
    compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

install_server() {
    echo "postgres.sh: installing PostgreSQL with apt-get: apt-get update; apt-get install -y postgresql (output in $LOG)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update >>"$LOG" 2>&1 \
        || fail "apt-get update failed, see $LOG"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >>"$LOG" 2>&1 \
        || fail "apt-get install postgresql failed, see $LOG"
}

# Prints "<version> <name> <status>" of the cluster listening on $PGPORT, if any.
cluster_on_port() {
    command -v pg_lsclusters >/dev/null || return 0
    pg_lsclusters --no-header | awk -v port="$PGPORT" '$3 == port { print $1, $2, $4; exit }'
}

start_cluster() {
    local cluster version name status
    cluster=$(cluster_on_port)
    if [[ -z $cluster ]]; then
        pg_lsclusters --no-header | grep -q . \
            && fail "no PostgreSQL cluster on port $PGPORT (pg_lsclusters lists others)"
        # The server package is installed but has no cluster (it was dropped): make one.
        version=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | cut -d/ -f5 | sort -V | tail -n 1)
        echo "postgres.sh: creating PostgreSQL cluster $version/main on port $PGPORT (pg_createcluster)" >&2
        as_root pg_createcluster "$version" main --port "$PGPORT" >>"$LOG" 2>&1 \
            || fail "pg_createcluster $version main failed, see $LOG"
        cluster=$(cluster_on_port)
    fi
    read -r version name status <<<"$cluster"
    if [[ $status != online* ]]; then
        echo "postgres.sh: starting PostgreSQL cluster $version/$name (pg_ctlcluster)" >&2
        as_root pg_ctlcluster "$version" "$name" start >>"$LOG" 2>&1 \
            || fail "pg_ctlcluster $version $name start failed, see $LOG and /var/log/postgresql"
    fi
}

wait_until_ready() {
    for _ in $(seq 1 60); do
        answers && return 0
        sleep 0.5
    done
    fail "PostgreSQL did not answer on $PGHOST:$PGPORT within 30 s"
}

create_role_and_databases() {
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres \
        -v user="$DB_USER" -v password="$DB_PASSWORD" -v databases="${DATABASES[*]}" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') AS role_missing \gset
\if :role_missing
CREATE ROLE :"user" LOGIN CREATEDB PASSWORD :'password';
\endif
-- CREATE DATABASE cannot run inside a DO block or function, hence \gexec.
SELECT format('CREATE DATABASE %I OWNER %I', name, :'user')
  FROM unnest(string_to_array(:'databases', ' ')) AS name
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = name) \gexec
SQL
    # A database left by another role would look ready, but the services could not create
    # their tables in it (from PostgreSQL 15 only the owner may create in schema public).
    local foreign
    foreign=$(as_postgres psql -X -q -At -p "$PGPORT" -d postgres -v user="$DB_USER" \
        -v databases="${DATABASES[*]}" <<'SQL'
SELECT string_agg(datname || ' (owner ' || pg_get_userbyid(datdba) || ')', ', ')
  FROM pg_database
 WHERE datname = ANY (string_to_array(:'databases', ' ')) AND pg_get_userbyid(datdba) <> :'user';
SQL
)
    [[ -z $foreign ]] || fail "databases not owned by $DB_USER: $foreign"
}

if ! answers; then
    server_installed || install_server
    start_cluster
    wait_until_ready
fi
create_role_and_databases

# The services log in with a password over TCP; prove that works before saying so.
PGPASSWORD=$DB_PASSWORD psql -X -q -At -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "${DATABASES[0]}" \
    -c 'select 1' >/dev/null \
    || fail "role $DB_USER cannot log in with its password on $PGHOST:$PGPORT (check pg_hba.conf and the password)"

for db in "${FRESH[@]}"; do
    PGPASSWORD=$DB_PASSWORD PGOPTIONS="-c client_min_messages=warning" dropdb -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" --if-exists "$db"
    PGPASSWORD=$DB_PASSWORD createdb -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" "$db"
done

echo "PostgreSQL ready on $PGHOST:$PGPORT (user $DB_USER; databases ${DATABASES[*]})"

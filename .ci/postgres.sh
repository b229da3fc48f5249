# Sourced by .ci/run (as root, CI=true, no stdin): install PostgreSQL from the
# Debian packages if needed, start a server on loopback, create a test user and
# database, and export LEADFIT_TEST_PG_URL so the register tests also run there.
# Idempotent: a second run finds everything in place and only re-exports the URL.

_leadfit_pg_setup() {
    local user=leadfit password=leadfit db=leadfit_test version port status
    export DEBIAN_FRONTEND=noninteractive
    if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres.sh: PostgreSQL is not installed and this is not root" >&2
            return 1
        fi
        echo "postgres.sh: installing PostgreSQL (Debian package)" >&2
        apt-get update -qq </dev/null >/dev/null
        apt-get install -y -qq postgresql </dev/null >/dev/null
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found = 1} END {exit !found}'; then
        pg_createcluster "$version" main >/dev/null
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')
    if [ "$status" != "online" ]; then
        pg_ctlcluster "$version" main start
    fi
    for _ in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 0.5
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server did not start" >&2; return 1; }
    _leadfit_psql "$port" postgres "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
            CREATE ROLE $user LOGIN PASSWORD '$password';
        END IF; END \$\$;"
    if [ -z "$(_leadfit_psql "$port" postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
        _leadfit_psql "$port" postgres "CREATE DATABASE $db OWNER $user"
    fi
    export LEADFIT_TEST_PG_URL="postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
    echo "postgres.sh: PostgreSQL $version on 127.0.0.1:$port, database $db" >&2
}

_leadfit_psql() {  # port, database, SQL: run as the postgres superuser over the local socket
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$1" -d "$2" -c "$3" </dev/null
    else
        psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$1" -d "$2" -c "$3" </dev/null
    fi
}

_leadfit_pg_setup

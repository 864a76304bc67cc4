#!/usr/bin/env bash
# Entrypoint of the postgres:15-bookworm stand-in. It follows the official image's documented
# behaviour: on an empty PGDATA it runs initdb as POSTGRES_USER (default postgres) with
# POSTGRES_PASSWORD and POSTGRES_INITDB_ARGS, lets every host in with POSTGRES_HOST_AUTH_METHOD
# (default scram-sha-256), creates POSTGRES_DB (default: the user's name) and runs
# /docker-entrypoint-initdb.d/* once. POSTGRES_PASSWORD, POSTGRES_USER, POSTGRES_DB and
# POSTGRES_INITDB_ARGS may come from files (*_FILE, docker secrets). As root it hands PGDATA to
# `postgres` and continues as that user. A first argument `postgres` or a flag starts the server;
# anything else runs as is. Scripts may source this file to reuse its functions.
set -Eeo pipefail

# file_env VAR [DEFAULT]: VAR from the environment, or read from the file VAR_FILE names; not both.
file_env() {
  local var=$1 file_var="${1}_FILE" default=${2:-} value
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$var" "$file_var"
    exit 1
  fi
  value=$default
  if [ -n "${!var:-}" ]; then
    value=${!var}
  elif [ -n "${!file_var:-}" ]; then
    value=$(<"${!file_var}")
  fi
  export "$var=$value"
  unset "$file_var"
}

docker_setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  DATABASE_ALREADY_EXISTS=
  if [ -s "$PGDATA/PG_VERSION" ]; then DATABASE_ALREADY_EXISTS=true; fi
}

# As root, everything Postgres writes must belong to it: a fresh volume or a base backup taken
# by root does not. The chmods may fail harmlessly on mounts owned by someone else.
docker_create_db_directories() {
  mkdir -p "$PGDATA"
  chmod 00700 "$PGDATA" || :
  mkdir -p /var/run/postgresql || :
  chmod 03775 /var/run/postgresql || :
  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    mkdir -p "$POSTGRES_INITDB_WALDIR"
    chmod 700 "$POSTGRES_INITDB_WALDIR" || :
  fi
  if [ "$(id -u)" = 0 ]; then
    find "$PGDATA" /var/run/postgresql ${POSTGRES_INITDB_WALDIR:+"$POSTGRES_INITDB_WALDIR"} \
      \! -user postgres -exec chown postgres '{}' +
  fi
}

docker_verify_minimum_env() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOE'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
EOE
    exit 1
  fi
  if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
    printf >&2 'WARNING: POSTGRES_HOST_AUTH_METHOD=trust lets anyone who reaches the server in without a password.\n'
  fi
}

docker_init_database_dir() {
  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"; fi
  # POSTGRES_INITDB_ARGS is one string of flags, split as a shell would, as the official image does.
  eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "$@"'
}

# Connections from other hosts use POSTGRES_HOST_AUTH_METHOD, by default the server's own
# password_encryption (scram-sha-256). Replication needs its own line, added by an init script.
pg_setup_hba_conf() {
  if [ "${1:-}" = postgres ]; then shift; fi
  local auth
  auth=$(postgres -C password_encryption "$@")
  : "${POSTGRES_HOST_AUTH_METHOD:=$auth}"
  {
    printf '\n'
    if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
      printf '# warning trust is enabled for all connections\n'
    fi
    printf 'host all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD"
  } >>"$PGDATA/pg_hba.conf"
}

# While initialising, the server listens on its Unix socket only: nobody connects too early.
docker_temp_server_start() {
  if [ "${1:-}" = postgres ]; then shift; fi
  set -- "$@" -c listen_addresses='' -p "${PGPORT:-5432}"
  PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@")" -w start
}

docker_temp_server_stop() {
  PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
}

# docker_process_sql [PSQL ARGS...]: psql as POSTGRES_USER into POSTGRES_DB over the socket.
docker_process_sql() {
  local query_runner=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ -n "$POSTGRES_DB" ]; then query_runner+=(--dbname "$POSTGRES_DB"); fi
  PGHOST='' PGHOSTADDR='' "${query_runner[@]}" "$@"
}

# Creates POSTGRES_DB, connected to the `postgres` database, unless it exists (POSTGRES_DB=postgres).
docker_setup_db() {
  local db=$POSTGRES_DB exists
  exists=$(POSTGRES_DB='' docker_process_sql --dbname postgres --set db="$db" --tuples-only <<'EOSQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
EOSQL
  )
  if [ -z "$exists" ]; then
    POSTGRES_DB='' docker_process_sql --dbname postgres --set db="$db" <<'EOSQL'
CREATE DATABASE :"db";
EOSQL
  fi
}

# docker_process_init_files FILE...: *.sh run when executable and are sourced otherwise (they then
# see these functions and variables); *.sql and compressed *.sql run through psql.
docker_process_init_files() {
  local f
  for f; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then
          printf '%s: running %s\n' "$0" "$f"
          "$f"
        else
          printf '%s: sourcing %s\n' "$0" "$f"
          # shellcheck disable=SC1090
          . "$f"
        fi
        ;;
      *.sql) printf '%s: running %s\n' "$0" "$f"; docker_process_sql -f "$f" ;;
      *.sql.gz) printf '%s: running %s\n' "$0" "$f"; gunzip -c "$f" | docker_process_sql ;;
      *.sql.xz) printf '%s: running %s\n' "$0" "$f"; xzcat "$f" | docker_process_sql ;;
      *.sql.zst) printf '%s: running %s\n' "$0" "$f"; zstd -dc "$f" | docker_process_sql ;;
      *) printf '%s: ignoring %s\n' "$0" "$f" ;;
    esac
  done
}

# Asking the server for help or its version needs no database.
_pg_want_help() {
  local arg
  for arg; do
    case "$arg" in
      -'?' | --help | --describe-config | -V | --version) return 0 ;;
    esac
  done
  return 1
}

_main() {
  # A flag first is a flag to the server.
  if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi

  if [ "$1" = postgres ] && ! _pg_want_help "$@"; then
    docker_setup_env
    docker_create_db_directories
    if [ "$(id -u)" = 0 ]; then
      # Postgres refuses to run as root: start again as its own user, with its own HOME.
      HOME=$(getent passwd postgres | cut -d: -f6)
      export HOME
      exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
    fi

    if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
      docker_verify_minimum_env
      # An unreadable init folder (a bind mount with the wrong mode) fails here, not half-way.
      ls /docker-entrypoint-initdb.d/ >/dev/null
      docker_init_database_dir
      pg_setup_hba_conf "$@"
      export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
      docker_temp_server_start "$@"
      docker_setup_db
      docker_process_init_files /docker-entrypoint-initdb.d/*
      docker_temp_server_stop
      unset PGPASSWORD
      printf '\nPostgreSQL init process complete; ready for start up.\n\n'
    else
      printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
    fi
  fi

  exec "$@"
}

# Sourced (by an init script or a wrapper), it only defines the functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _main "$@"
fi

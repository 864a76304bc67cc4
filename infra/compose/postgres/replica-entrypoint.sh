#!/bin/sh
# The streaming replica: on an empty data folder, a base backup of the primary that keeps
# streaming from it through its replication slot (pg_basebackup -R writes primary_conninfo,
# primary_slot_name and standby.signal). Then the image's own entrypoint runs postgres.
#
# A password the primary refuses cannot get better by retrying: the replica then says which
# setting is wrong and exits 0, so its restart policy (on-failure) does not loop on it; compose
# stops at once, since the replica it waits for will not be healthy. Anything else (the primary
# still starting, a crash later) exits non-zero and is restarted.
set -eu
if [ -n "${REPLICATION_PASSWORD_FILE:-}" ]; then
  REPLICATION_PASSWORD=$(cat "$REPLICATION_PASSWORD_FILE")
fi
: "${PRIMARY_HOST:?PRIMARY_HOST is required (where the primary is)}"
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD is required (the password of the replicator role)}"
: "${REPLICATION_SLOT:=replica_1}"
: "${PGDATA:=/var/lib/postgresql/data}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "replica: base backup from $PRIMARY_HOST (slot $REPLICATION_SLOT)" >&2
  mkdir -p "$PGDATA"
  chown postgres "$PGDATA"
  chmod 700 "$PGDATA"
  tries=0
  until pg_isready -q -h "$PRIMARY_HOST" -U replicator; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || { echo "replica: primary $PRIMARY_HOST unreachable (PRIMARY_HOST)" >&2; exit 1; }
    sleep 1
  done
  errors=$(mktemp)
  if ! setpriv --reuid=postgres --regid=postgres --init-groups env PGPASSWORD="$REPLICATION_PASSWORD" \
      pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream \
      -S "$REPLICATION_SLOT" -c fast 2>"$errors"; then
    cat "$errors" >&2
    rm -rf "${PGDATA:?}"/*
    if grep -q 'password authentication failed' "$errors"; then
      echo "replica: $PRIMARY_HOST refused the replicator's password: REPLICATION_PASSWORD is not the one the primary was first started with (not retrying)" >&2
      exit 0
    fi
    echo "replica: base backup failed: check REPLICATION_PASSWORD, REPLICATION_SLOT and the primary's log" >&2
    exit 1
  fi
  cat "$errors" >&2
  rm -f "$errors"
fi
exec docker-entrypoint.sh "$@"

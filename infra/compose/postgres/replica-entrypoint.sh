#!/bin/sh
# The streaming replica: on an empty data folder, a base backup of the primary that keeps
# streaming from it through its replication slot (pg_basebackup -R writes primary_conninfo,
# primary_slot_name and standby.signal). Then the image's own entrypoint runs postgres.
set -eu
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
  # A wrong password fails here at once, naming the setting, instead of restarting forever.
  if ! setpriv --reuid=postgres --regid=postgres --init-groups env PGPASSWORD="$REPLICATION_PASSWORD" \
      pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream \
      -S "$REPLICATION_SLOT" -c fast; then
    echo "replica: base backup failed: check REPLICATION_PASSWORD and the primary's log" >&2
    rm -rf "${PGDATA:?}"/*
    exit 1
  fi
fi
exec docker-entrypoint.sh "$@"

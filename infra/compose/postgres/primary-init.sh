#!/bin/sh
# Runs once, when the primary's data folder is first created (/docker-entrypoint-initdb.d):
# a role for the streaming replica, its replication slot (the primary keeps the WAL the replica
# has not replayed yet), and the pg_hba line that lets it connect for replication.
set -eu
if [ -n "${REPLICATION_PASSWORD_FILE:-}" ]; then
  REPLICATION_PASSWORD=$(cat "$REPLICATION_PASSWORD_FILE")
fi
: "${REPLICATION_PASSWORD:?REPLICATION_PASSWORD is required: the password of the replicator role}"
: "${REPLICATION_SLOT:=replica_1}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" -v slot="$REPLICATION_SLOT" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot(:'slot');
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"

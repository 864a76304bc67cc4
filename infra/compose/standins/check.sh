#!/usr/bin/env bash
# Smoke tests of the four stand-in images, on a user network of their own (removed afterwards
# with every container they started):
#   debian    apt inside reaches the mirror
#   node      node 24, npm and npx run; user node is uid/gid 1000; a script argument runs with node
#   postgres  refuses to start without a password; initialises with POSTGRES_* and *_FILE; init
#             scripts run; another container connects with psql; a replica made with
#             pg_basebackup -R -X stream streams from it
#   redis     another container PINGs it; `redis-server --appendonly yes` writes /data as redis
# Usage: check.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
# shellcheck source=infra/compose/standins/lib.sh
source "$HERE/lib.sh"

RUN_ID="standins-check-$$"
NET=$RUN_ID
SCRATCH="$ROOT/.data/standins/$RUN_ID"
PG_USER=shop
PG_PASSWORD=check-password

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "label=$RUN_ID") || true
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    docker rm -fv $ids >/dev/null 2>&1 || true
  fi
  docker network rm "$NET" >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# run IMAGE [ARGS...]: a throwaway container on the check network.
run() {
  local image=$1
  shift
  docker run --rm --label "$RUN_ID" --network "$NET" "$image" "$@"
}

# start NAME IMAGE [DOCKER RUN ARGS...] -- [COMMAND...]: a named background container.
start() {
  local name=$1 image=$2 opts=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  docker run -d --label "$RUN_ID" --network "$NET" --name "$RUN_ID-$name" --hostname "$name" \
    "${opts[@]}" "$image" "$@" >/dev/null
}

# expect LABEL EXPECTED ACTUAL: prints the outcome; fails the check on a mismatch.
expect() {
  if [ "$2" = "$3" ]; then
    printf '  ok    %-58s %s\n' "$1" "$3"
  else
    printf '  FAIL  %-58s expected %q, got %q\n' "$1" "$2" "$3"
    FAILED=1
  fi
}
FAILED=0

check_debian() {
  say "$DEBIAN_IMAGE"
  # Host networking, as in the builds: the default bridge may have no route out.
  expect "apt-get update inside reaches the mirror" 0 \
    "$(docker run --rm --network host "$DEBIAN_IMAGE" bash -c 'apt-get update -qq >/dev/null 2>&1; echo $?')"
  expect "debian_version" 12 "$(docker run --rm "$DEBIAN_IMAGE" cut -d. -f1 /etc/debian_version)"
}

check_node() {
  say "$NODE_IMAGE"
  local version
  version=$(docker run --rm "$NODE_IMAGE" node -v)
  expect "node -v is 24.x" v24 "${version%%.*}"
  printf '        node %s, npm %s, npx %s\n' "$version" \
    "$(docker run --rm "$NODE_IMAGE" npm -v)" "$(docker run --rm "$NODE_IMAGE" npx --version)"
  expect "id node" "uid=1000(node) gid=1000(node) groups=1000(node)" "$(docker run --rm "$NODE_IMAGE" id node)"
  expect "home of node" /home/node "$(docker run --rm --user node "$NODE_IMAGE" sh -c 'echo $HOME')"
  expect "npm runs as user node" 0 "$(docker run --rm --user node -w /home/node "$NODE_IMAGE" \
    sh -c 'npm init -y >/dev/null && npm pkg get name >/dev/null; echo $?')"
  expect "a flag runs with node (entrypoint)" 42 "$(docker run --rm "$NODE_IMAGE" -p '6*7')"
}

pg_wait() {
  wait_for "$1 to accept connections" 60 docker exec "$RUN_ID-$1" pg_isready -q -h 127.0.0.1 -U "$PG_USER"
}

# psql_in NAME SQL: a query from a separate client container, over the network, with a password.
psql_in() {
  run "$POSTGRES_IMAGE" env PGPASSWORD="$PG_PASSWORD" psql -h "$1" -U "$PG_USER" -d shop -qtAc "$2"
}

check_postgres_refuses_without_password() {
  local out
  out=$(docker run --rm "$POSTGRES_IMAGE" 2>&1 || true)
  expect "without POSTGRES_PASSWORD it refuses to initialise" yes \
    "$(grep -q 'superuser password is not specified' <<<"$out" && echo yes || echo no)"
}

# The primary: user, password and database from the environment; an init script that allows
# replication from the network and a *.sql file that the first start runs.
start_primary() {
  mkdir -p "$SCRATCH/initdb"
  cat >"$SCRATCH/initdb/10-replication.sh" <<'SH'
echo 'host replication all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
SH
  cat >"$SCRATCH/initdb/20-schema.sql" <<'SQL'
CREATE TABLE probe (id int PRIMARY KEY, note text);
INSERT INTO probe VALUES (1, 'from the init script');
SQL
  chmod -R a+rX "$SCRATCH/initdb"
  start primary "$POSTGRES_IMAGE" -e POSTGRES_USER="$PG_USER" -e POSTGRES_PASSWORD="$PG_PASSWORD" \
    -e POSTGRES_DB=shop -v "$SCRATCH/initdb:/docker-entrypoint-initdb.d:ro" --
  pg_wait primary
}

# The replica: the official pattern, a base backup into the empty PGDATA and then the entrypoint.
start_replica() {
  start replica "$POSTGRES_IMAGE" -e PGPASSWORD="$PG_PASSWORD" --entrypoint bash -- -c \
    "pg_basebackup -h primary -U $PG_USER -D \"\$PGDATA\" -R -X stream -c fast && exec docker-entrypoint.sh postgres"
  pg_wait replica
}

check_postgres_secrets() {
  mkdir -p "$SCRATCH/secrets"
  printf 'secret-user' >"$SCRATCH/secrets/user"
  printf 'secret-password' >"$SCRATCH/secrets/password"
  chmod -R a+rX "$SCRATCH/secrets"
  start secrets "$POSTGRES_IMAGE" -v "$SCRATCH/secrets:/run/secrets:ro" \
    -e POSTGRES_USER_FILE=/run/secrets/user -e POSTGRES_PASSWORD_FILE=/run/secrets/password --
  wait_for "secrets to accept connections" 60 docker exec "$RUN_ID-secrets" pg_isready -q -h 127.0.0.1
  expect "*_FILE: user and password from files" secret-user \
    "$(run "$POSTGRES_IMAGE" env PGPASSWORD=secret-password psql -h secrets -U secret-user -qtAc 'SELECT current_user')"
}

check_postgres() {
  say "$POSTGRES_IMAGE"
  check_postgres_refuses_without_password
  start_primary
  expect "server runs as postgres, not root" postgres \
    "$(docker exec "$RUN_ID-primary" bash -c 'stat -c %U /proc/1')"
  expect "psql via docker exec (socket)" shop \
    "$(docker exec "$RUN_ID-primary" psql -U "$PG_USER" -d shop -qtAc 'SELECT current_database()')"
  expect "psql from another container (scram-sha-256)" "from the init script" \
    "$(psql_in primary 'SELECT note FROM probe WHERE id = 1')"
  expect "encoding and collation as the official image" "UTF8 en_US.utf8" \
    "$(psql_in primary "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM pg_database WHERE datname = 'shop'")"
  expect "listen_addresses" '*' "$(psql_in primary 'SHOW listen_addresses')"
  start_replica
  expect "replica is in recovery" t "$(psql_in replica 'SELECT pg_is_in_recovery()')"
  psql_in primary "INSERT INTO probe VALUES (2, 'streamed')" >/dev/null
  wait_for "the row to reach the replica" 10 bash -c \
    "[ \"\$(docker exec $RUN_ID-replica psql -U $PG_USER -d shop -qtAc 'SELECT note FROM probe WHERE id = 2')\" = streamed ]"
  expect "a row written on the primary is read on the replica" streamed \
    "$(psql_in replica 'SELECT note FROM probe WHERE id = 2')"
  expect "primary streams to one standby" 1 \
    "$(psql_in primary "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")"
  check_postgres_secrets
  expect "pg_isready, pg_basebackup, psql on PATH" \
    "/usr/lib/postgresql/15/bin/pg_isready /usr/lib/postgresql/15/bin/pg_basebackup /usr/lib/postgresql/15/bin/psql" \
    "$(docker run --rm "$POSTGRES_IMAGE" bash -c 'echo $(command -v pg_isready pg_basebackup psql)')"
}

check_redis() {
  say "$REDIS_IMAGE"
  start redis "$REDIS_IMAGE" --
  start redis-aof "$REDIS_IMAGE" -- redis-server --appendonly yes
  wait_for "redis to answer" 30 docker exec "$RUN_ID-redis" redis-cli ping
  wait_for "redis-aof to answer" 30 docker exec "$RUN_ID-redis-aof" redis-cli ping
  expect "redis-cli -h from another container" PONG "$(run "$REDIS_IMAGE" redis-cli -h redis ping)"
  expect "protected mode off (no config file)" "protected-mode no" \
    "$(run "$REDIS_IMAGE" redis-cli -h redis config get protected-mode | paste -sd' ')"
  expect "server runs as redis" redis "$(docker exec "$RUN_ID-redis" stat -c %U /proc/1)"
  expect "--appendonly yes override" "appendonly yes" \
    "$(run "$REDIS_IMAGE" redis-cli -h redis-aof config get appendonly | paste -sd' ')"
  expect "append-only files in /data, owned by redis" redis \
    "$(docker exec "$RUN_ID-redis-aof" stat -c %U /data/appendonlydir)"
  start redis-flag "$REDIS_IMAGE" -- --port 6380
  wait_for "redis-flag to answer" 30 docker exec "$RUN_ID-redis-flag" redis-cli -p 6380 ping
  expect "a flag first runs redis-server (entrypoint)" PONG "$(run "$REDIS_IMAGE" redis-cli -h redis-flag -p 6380 ping)"
}

main() {
  local image
  for image in "${STANDIN_IMAGES[@]}"; do
    docker image inspect "$image" >/dev/null 2>&1 || die "$image does not exist; run build.sh first"
  done
  docker network create --label "$RUN_ID" "$NET" >/dev/null
  check_debian
  check_node
  check_postgres
  check_redis
  [ "$FAILED" = 0 ] || die "some checks failed"
  say "all checks passed"
}

main "$@"

# shellcheck shell=bash disable=SC2034
# Helpers and names shared by build.sh and check.sh (which use the variables set here).

say() { printf '\033[1;34m[standins]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[standins]\033[0m %s\n' "$*" >&2; exit 1; }

# wait_for LABEL SECONDS CMD...: retry CMD every 0.5 s until it succeeds or time runs out.
wait_for() {
  local label=$1 limit=$2 deadline
  shift 2
  deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "timed out after ${limit}s waiting for $label"
    sleep 0.5
  done
}

# The four official names the compose deployment uses; the stand-ins are tagged with them.
DEBIAN_IMAGE=debian:bookworm-slim
NODE_IMAGE=node:24-bookworm-slim
POSTGRES_IMAGE=postgres:15-bookworm
REDIS_IMAGE=redis:7.0-bookworm
STANDIN_IMAGES=("$DEBIAN_IMAGE" "$NODE_IMAGE" "$POSTGRES_IMAGE" "$REDIS_IMAGE")

# Every stand-in carries this label, so it is never mistaken for (or replaces) a pulled image.
STANDIN_LABEL_KEY=org.opencontainers.image.description
STANDIN_LABEL_VALUE='local stand-in built from Debian packages'

# shellcheck shell=bash
# Small helpers shared by the local stack's scripts.

say() { printf '\033[1;34m[shop]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[shop]\033[0m %s\n' "$*" >&2; exit 1; }

# wait_for LABEL SECONDS CMD...: retry CMD every 0.25 s until it succeeds or time runs out.
wait_for() {
  local label=$1 limit=$2 deadline
  shift 2
  deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "timed out after ${limit}s waiting for $label"
    sleep 0.25
  done
}

# apt_install PKG...: installs Debian packages that are missing (as root, or through sudo).
apt_install() {
  [ $# -gt 0 ] || return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing Debian packages: $*"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

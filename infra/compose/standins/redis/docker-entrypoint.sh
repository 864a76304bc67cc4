#!/bin/sh
# Entrypoint of the redis:7.0-bookworm stand-in, as the official one: a first argument that is a
# flag or a *.conf file is for redis-server; as root, /data is handed to `redis` and the server
# runs as that user; anything else runs as is.
set -e

# sets_protected_mode redis-server [ARGS...]: whether the command line, or the config file given
# first, decides protected mode itself.
sets_protected_mode() {
  shift
  case "${1:-}" in
    *.conf) if [ -r "$1" ] && grep -Eqi '^[[:space:]]*protected-mode[[:space:]]' "$1"; then return 0; fi ;;
  esac
  for arg; do
    if [ "$arg" = --protected-mode ]; then return 0; fi
  done
  return 1
}

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi

# The official server is built with protected mode off, so that other containers reach it
# without a password; Debian's has it on. Turn it off unless told otherwise.
if [ "$1" = redis-server ] && ! sets_protected_mode "$@"; then
  set -- "$@" --protected-mode no
fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi

# Data files readable by the server's user alone, unless the caller chose a umask.
if [ "$(umask)" = 0022 ]; then
  umask 0077
fi

exec "$@"

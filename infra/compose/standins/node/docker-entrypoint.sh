#!/bin/sh
# Entrypoint of the node:24-bookworm-slim stand-in, as the official one: a first argument that is
# a flag, or that is not a command (say `server.js`), runs with node; anything else runs as is.
set -e

if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi

exec "$@"

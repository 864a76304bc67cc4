#!/bin/bash
# A container's HEALTHCHECK: GET http://127.0.0.1:$PORT<path>, healthy on 200. It runs every
# few seconds in every replica, so it is bash's /dev/tcp and nothing more: starting a Node
# process to ask costs half a second of CPU here, and past the check's timeout on a busy
# machine a swarm replaces replicas that are fine.
# Usage: healthcheck.sh /api/healthz
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${PORT:?}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${1:?a path}" >&3
read -r -t 2 _ status _ <&3
[ "$status" = 200 ]

# shellcheck shell=bash disable=SC2034
# Helpers and names shared by build.sh and check.sh (which use the variables set here).

# say, die, wait_for and apt_install: the local stack's helpers.
# shellcheck source-path=SCRIPTDIR source=../../local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../local/lib.sh"

# The four official names the compose deployment uses; the stand-ins are tagged with them.
DEBIAN_IMAGE=debian:bookworm-slim
NODE_IMAGE=node:24-bookworm-slim
POSTGRES_IMAGE=postgres:15-bookworm
REDIS_IMAGE=redis:7.0-bookworm
STANDIN_IMAGES=("$DEBIAN_IMAGE" "$NODE_IMAGE" "$POSTGRES_IMAGE" "$REDIS_IMAGE")

# Every stand-in carries this label, so it is never mistaken for (or replaces) a pulled image.
STANDIN_LABEL_KEY=org.opencontainers.image.description
STANDIN_LABEL_VALUE='local stand-in built from Debian packages'

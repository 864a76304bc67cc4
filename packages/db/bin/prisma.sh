#!/bin/sh
# The Prisma CLI as the shop's scripts run it. Unless PRISMA_SCHEMA_ENGINE_BINARY is already set,
# migrate commands use the wasm schema engine next to this file (schema-engine.mjs), so they work
# on machines that cannot download Prisma's native engine. Plain `npx prisma` is left untouched.
here=$(cd "$(dirname "$0")" && pwd)
: "${PRISMA_SCHEMA_ENGINE_BINARY:=$here/schema-engine.mjs}"
export PRISMA_SCHEMA_ENGINE_BINARY
exec prisma "$@"

#!/bin/sh
# Drops from a server image's production node_modules what only building and migrating need:
# the Prisma CLI (with Studio) and TypeScript, which npm installs as optional peers of
# @prisma/client, the schema engine @shop/db carries for migrations (the migrate image runs
# them), and the query compilers of the databases the shop does not use.
set -eu
cd "${1:-.}/node_modules"
rm -rf prisma typescript @prisma/studio-core @prisma/dev @prisma/schema-engine-wasm
for db in cockroachdb mysql sqlite sqlserver; do
  rm -f @prisma/client/runtime/*."$db".*
done
find @prisma/client/runtime -name '*.map' -delete

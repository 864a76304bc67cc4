# shellcheck shell=bash
# The local stack's settings, sourced by infra/local/bin/*. Every address and port comes from the
# environment with a default here, so the same apps run unchanged under docker compose.
# SHOP_STACK picks a named stack with its own ports and data folder: "dev" (npm start) or "test"
# (npm test), so tests never touch the shop a developer is running.

SHOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SHOP_ROOT
export SHOP_STACK="${SHOP_STACK:-dev}"
case "$SHOP_STACK" in
  dev) _base=4100 ;;
  test) _base=4300 ;;
  *) _base="${SHOP_PORT_BASE:?set SHOP_PORT_BASE for stack $SHOP_STACK}" ;;
esac
export SHOP_PORT_BASE="${SHOP_PORT_BASE:-$_base}"
export SHOP_DATA="${SHOP_DATA:-$SHOP_ROOT/.data/$SHOP_STACK}"
export SHOP_HOST="${SHOP_HOST:-127.0.0.1}"

export EDGE_PORT="${EDGE_PORT:-$((SHOP_PORT_BASE + 0))}"
export WEB_PORT="${WEB_PORT:-$((SHOP_PORT_BASE + 1))}"
# API replica N (1-based) listens on API_PORT_BASE + N.
export API_REPLICAS="${API_REPLICAS:-2}"
export API_PORT_BASE="${API_PORT_BASE:-$((SHOP_PORT_BASE + 10))}"
# Requests an API replica takes at once (handling plus waiting); the edge sends it no more, and
# answers the rest 503 itself. Sign-ins and registrations (password hashing) have their own.
export API_CONCURRENCY="${API_CONCURRENCY:-8}" API_QUEUE="${API_QUEUE:-24}"
export PASSWORD_CONCURRENCY="${PASSWORD_CONCURRENCY:-1}" PASSWORD_QUEUE="${PASSWORD_QUEUE:-7}"
export EDGE_API_MAX_CONNS="${EDGE_API_MAX_CONNS:-$((API_CONCURRENCY + API_QUEUE))}"
export EDGE_AUTH_MAX_CONNS="${EDGE_AUTH_MAX_CONNS:-$((PASSWORD_CONCURRENCY + PASSWORD_QUEUE))}"
# Image renders at once and waiting in the image service. The edge sends it at most that many
# cache misses at once plus 2 more, for misses that only look up S3 (a variant already rendered,
# or a refusal past the render queue).
export RENDER_CONCURRENCY="${RENDER_CONCURRENCY:-2}" RENDER_QUEUE_SIZE="${RENDER_QUEUE_SIZE:-8}"
export EDGE_IMAGES_MAX_CONNS="${EDGE_IMAGES_MAX_CONNS:-$((RENDER_CONCURRENCY + RENDER_QUEUE_SIZE + 2))}"
# Orders per client address per hour (the API's default is 20). Every browser of the test
# journeys comes from one address (127.0.0.1), so the test stack allows more; a shopper's own
# limit (5 per 10 minutes) stays.
if [ "$SHOP_STACK" = test ]; then export CHECKOUTS_PER_ADDRESS="${CHECKOUTS_PER_ADDRESS:-60}"; fi
# The test stack draws a picture with its product's name for the first 60 products only; the
# rest take theirs from the seed's shared pool (drawn with the initial), which cuts its seeding
# from 110 s to 30 s on an idle machine. The pictures' number per product and their alt texts are the same.
if [ "$SHOP_STACK" = test ]; then export SEED_NAMED_PICTURES="${SEED_NAMED_PICTURES:-60}"; fi
# Worker N (1-based, health and metrics only) listens on WORKER_PORT_BASE + N.
export WORKER_REPLICAS="${WORKER_REPLICAS:-2}"
export WORKER_PORT_BASE="${WORKER_PORT_BASE:-$((SHOP_PORT_BASE + 40))}"
export PG_PRIMARY_PORT="${PG_PRIMARY_PORT:-$((SHOP_PORT_BASE + 32))}"
export PG_REPLICA_PORT="${PG_REPLICA_PORT:-$((SHOP_PORT_BASE + 33))}"
export IMAGES_PORT="${IMAGES_PORT:-$((SHOP_PORT_BASE + 21))}"
export S3_PORT="${S3_PORT:-$((SHOP_PORT_BASE + 91))}"
export REDIS_PORT="${REDIS_PORT:-$((SHOP_PORT_BASE + 79))}"
# A second Redis, without persistence, for the shopper-event stream, hot lists and presence:
# high-churn data the worker can rebuild (hot lists from their Postgres snapshot), kept out of
# the append-only file of the Redis that holds sessions, carts, limits and queues.
export EVENTS_REDIS_PORT="${EVENTS_REDIS_PORT:-$((SHOP_PORT_BASE + 78))}"
# A third, for the catalog's cache tier: no persistence and a memory cap, like memcached.
export CACHE_REDIS_PORT="${CACHE_REDIS_PORT:-$((SHOP_PORT_BASE + 77))}"
export CACHE_REDIS_MAXMEMORY="${CACHE_REDIS_MAXMEMORY:-256mb}"
# The local mail server (maildev): SMTP for the mails the shop sends, and a web inbox to read them.
export MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-$((SHOP_PORT_BASE + 25))}"
export MAIL_WEB_PORT="${MAIL_WEB_PORT:-$((SHOP_PORT_BASE + 26))}"
# Prometheus (infra/prometheus), scraping every component, and the exporters of the components
# without a /metrics of their own: the edge's nginx, each Postgres, the Redis servers (one
# exporter asked for each of them in turn).
export PROMETHEUS_PORT="${PROMETHEUS_PORT:-$((SHOP_PORT_BASE + 92))}"
export NGINX_EXPORTER_PORT="${NGINX_EXPORTER_PORT:-$((SHOP_PORT_BASE + 61))}"
export PG_PRIMARY_EXPORTER_PORT="${PG_PRIMARY_EXPORTER_PORT:-$((SHOP_PORT_BASE + 62))}"
export PG_REPLICA_EXPORTER_PORT="${PG_REPLICA_EXPORTER_PORT:-$((SHOP_PORT_BASE + 63))}"
export REDIS_EXPORTER_PORT="${REDIS_EXPORTER_PORT:-$((SHOP_PORT_BASE + 64))}"
# mtail, counting the edge's access log by cache status (the page cache's and the CDN's hits).
export EDGE_LOG_EXPORTER_PORT="${EDGE_LOG_EXPORTER_PORT:-$((SHOP_PORT_BASE + 65))}"
# The log collector (rsyslog, infra/logs): every process's log and the edge's access log in
# logs/collected/shop.log; it and the edge's access logs rotate at LOG_ROTATE_SIZE, keeping
# LOG_KEEP files.
export LOG_ROTATE_SIZE="${LOG_ROTATE_SIZE:-50m}"
export LOG_KEEP="${LOG_KEEP:-5}"
export PROMETHEUS_SCRAPE_INTERVAL="${PROMETHEUS_SCRAPE_INTERVAL:-5s}"
export PROMETHEUS_RETENTION="${PROMETHEUS_RETENTION:-3d}"
# Reference servers of the benchmarks (4190 would be refused by fetch: a blocked port).
export STATIC_PORT="${STATIC_PORT:-$((SHOP_PORT_BASE + 95))}"

export PG_USER="${PG_USER:-shop}"
export PG_PASSWORD="${PG_PASSWORD:-shop-local-only}"
export PG_DATABASE="${PG_DATABASE:-shop}"
export DATABASE_URL="${DATABASE_URL:-postgres://$PG_USER:$PG_PASSWORD@$SHOP_HOST:$PG_PRIMARY_PORT/$PG_DATABASE}"
export DATABASE_REPLICA_URL="${DATABASE_REPLICA_URL:-postgres://$PG_USER:$PG_PASSWORD@$SHOP_HOST:$PG_REPLICA_PORT/$PG_DATABASE}"
export SHADOW_DATABASE_URL="${SHADOW_DATABASE_URL:-postgres://$PG_USER:$PG_PASSWORD@$SHOP_HOST:$PG_PRIMARY_PORT/${PG_DATABASE}_shadow}"
# Object storage: an S3-compatible server locally (s3rver), MinIO under compose; same variables.
export S3_ENDPOINT="${S3_ENDPOINT:-http://$SHOP_HOST:$S3_PORT}"
export S3_BUCKET="${S3_BUCKET:-shop-images}"
export S3_REGION="${S3_REGION:-us-east-1}"
export S3_ACCESS_KEY_ID="${S3_ACCESS_KEY_ID:-S3RVER}"
export S3_SECRET_ACCESS_KEY="${S3_SECRET_ACCESS_KEY:-S3RVER}"
export REDIS_URL="${REDIS_URL:-redis://$SHOP_HOST:$REDIS_PORT/0}"
# The image service, as the API reaches it directly (to check uploads an admin names).
export IMAGES_URL="${IMAGES_URL:-http://$SHOP_HOST:$IMAGES_PORT}"
export EVENTS_REDIS_URL="${EVENTS_REDIS_URL:-redis://$SHOP_HOST:$EVENTS_REDIS_PORT/0}"
export CACHE_REDIS_URL="${CACHE_REDIS_URL:-redis://$SHOP_HOST:$CACHE_REDIS_PORT/0}"
# After a catalog change the API asks each storefront process (directly, not through the edge)
# to revalidate its data cache and purge the edge's copies of the pages; the secret proves it.
export STOREFRONT_URLS="${STOREFRONT_URLS:-http://$SHOP_HOST:$WEB_PORT}"
export REVALIDATE_SECRET="${REVALIDATE_SECRET:-local-$SHOP_STACK-stack-revalidate-secret}"
export EDGE_PURGE_URL="${EDGE_PURGE_URL:-http://$SHOP_HOST:$EDGE_PORT/internal/purge}"
# Order mails: sent by the worker over SMTP, from MAIL_FROM. The worker asks the mail server's web
# API (MAIL_WEB_URL) whether a mail whose send was interrupted arrived before sending it again.
export SMTP_URL="${SMTP_URL:-smtp://$SHOP_HOST:$MAIL_SMTP_PORT}"
export MAIL_WEB_URL="${MAIL_WEB_URL:-http://$SHOP_HOST:$MAIL_WEB_PORT}"
export PROMETHEUS_URL="${PROMETHEUS_URL:-http://$SHOP_HOST:$PROMETHEUS_PORT}"
export MAIL_FROM="${MAIL_FROM:-Shopscale <orders@shopscale.local>}"
# Signs session cookies. Local stacks use a fixed, public value; any real deployment sets its own.
export SESSION_SECRET="${SESSION_SECRET:-local-$SHOP_STACK-stack-session-secret-not-for-production}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$EDGE_PORT}"
# Where browsers reach the shop; a write from any other Origin is refused (CSRF).
export PUBLIC_ORIGINS="${PUBLIC_ORIGINS:-$PUBLIC_URL,http://127.0.0.1:$EDGE_PORT}"
# The storefront's server components call the API through the edge's load balancer.
export API_INTERNAL_URL="${API_INTERNAL_URL:-http://$SHOP_HOST:$EDGE_PORT}"

# The scalability ladder's switches (npm run bench:ladder), all "on" by default; they take effect
# when the stack starts (a running stack restarts). API_REPLICAS above is the fourth.
#   CATALOG_CACHE=off  the API reads the catalog from Postgres on every request (no L1, no Redis)
#   READ_REPLICA=off   the API and workers read from the primary (the replica still runs)
#   CDN_CACHE=off      every picture request reaches the image service (no edge CDN cache)
#   PAGE_CACHE=off     every page is rendered by the storefront (no edge page cache, no Next cache)
export CATALOG_CACHE="${CATALOG_CACHE:-on}"
export READ_REPLICA="${READ_REPLICA:-on}"
export CDN_CACHE="${CDN_CACHE:-on}"
export PAGE_CACHE="${PAGE_CACHE:-on}"
if [ "$READ_REPLICA" = off ]; then unset DATABASE_REPLICA_URL; fi
# The storefront's own cache of rendered pages and fetched data goes with the edge's.
export STOREFRONT_CACHE="$PAGE_CACHE"

export PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
# Apps run as in production; installs still include dev dependencies (npm ci --include=dev).
export NODE_ENV="${NODE_ENV:-production}"
export NEXT_TELEMETRY_DISABLED=1
# The load runner's Artillery depends on a Playwright Chromium download, which cannot reach its
# host here (and is not needed: journeys and load run in Debian's Chromium).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ARTILLERY_DISABLE_TELEMETRY=true
export LOG_LEVEL="${LOG_LEVEL:-info}"

# Postgres refuses to run as root: as root, its processes run as the "postgres" system user.
if [ "$(id -u)" = 0 ]; then PG_OS_USER="${PG_OS_USER:-postgres}"; else PG_OS_USER="$(id -un)"; fi
export PG_OS_USER
unset _base

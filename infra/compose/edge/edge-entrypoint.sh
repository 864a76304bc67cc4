#!/bin/sh
# Renders the shop's nginx templates for the compose network (or a swarm's), then runs nginx.
# The API's and the storefront's replicas are the addresses their service names resolve to (in
# a swarm, services in `dnsrr` mode); a watcher re-renders and reloads nginx when they change,
# so `docker compose up --scale api=3` is picked up within seconds, and a replica that goes away
# is dropped. It also follows each API replica's readiness (infra/nginx/readiness.sh): one whose
# /api/readyz fails is marked down until it answers again.
set -eu

: "${API_HOST:=api}" "${API_PORT:=4000}" "${WEB_HOST:=web}" "${WEB_PORT:=3000}"
: "${IMAGES_ADDRESS:=images:4100}"
: "${EDGE_API_MAX_CONNS:=32}" "${EDGE_AUTH_MAX_CONNS:=8}" "${EDGE_IMAGES_MAX_CONNS:=12}"
: "${EDGE_PURGE_ALLOW:=allow 127.0.0.1;}" "${CDN_CACHE_MAX_SIZE:=1g}" "${EDGE_RESOLVE_SECONDS:=1}"
# Who may read the edge's stub_status (a metrics exporter).
: "${EDGE_STATUS_ALLOW:=allow 127.0.0.1;}"
# The page cache's and the CDN's zones; "off" turns one off.
: "${EDGE_PAGE_CACHE:=shop_pages}" "${EDGE_IMAGE_CACHE:=shop_img}"
export EDGE_PURGE_ALLOW EDGE_STATUS_ALLOW CDN_CACHE_MAX_SIZE EDGE_PAGE_CACHE EDGE_IMAGE_CACHE
export EDGE_LISTEN=80 EDGE_ACCESS_LOGS="access_log /dev/stdout shop_json buffer=64k flush=1s;"
export EDGE_CACHE_DIR=/var/cache/nginx/shop EDGE_SNIPPETS_DIR=/etc/nginx/shop-snippets
templates=/etc/nginx/shop-templates
# shellcheck source=../../nginx/readiness.sh
. "$templates/readiness.sh"

addresses() {
  getent ahostsv4 "$1" | awk '{ print $1 }' | sort -u | tr '\n' ' '
}

# Both services' replicas on one line, "api replicas with their readiness | web addresses"
# (e.g. "10.0.0.5:4000+ 10.0.0.6:4000- | 10.0.0.7"); fails until both resolve.
replicas() {
  api=$(addresses "$API_HOST") && web=$(addresses "$WEB_HOST") && [ -n "$api" ] && [ -n "$web" ] || return 1
  # shellcheck disable=SC2046 # one word per address
  echo "$(readiness $(for address in $api; do echo "$address:$API_PORT"; done))| $web"
}

render() {
  web=""
  for address in ${1#*|}; do
    web="$web    server $address:$WEB_PORT max_fails=2 fail_timeout=5s;
"
  done
  export WEB_UPSTREAM_SERVERS="$web"
  export IMAGES_UPSTREAM_SERVERS="    server $IMAGES_ADDRESS max_fails=2 fail_timeout=5s max_conns=$EDGE_IMAGES_MAX_CONNS;"
  # envsubst replaces only these (nginx's own $variables stay).
  # shellcheck disable=SC2016
  vars='${WEB_UPSTREAM_SERVERS}${IMAGES_UPSTREAM_SERVERS}'
  # shellcheck disable=SC2016
  vars="$vars"'${EDGE_LISTEN}${EDGE_ACCESS_LOGS}${EDGE_CACHE_DIR}${EDGE_SNIPPETS_DIR}${CDN_CACHE_MAX_SIZE}'
  # shellcheck disable=SC2016
  vars="$vars"'${EDGE_PURGE_ALLOW}${EDGE_STATUS_ALLOW}${EDGE_PAGE_CACHE}${EDGE_IMAGE_CACHE}'
  mkdir -p "$EDGE_SNIPPETS_DIR" "$EDGE_CACHE_DIR"
  chown www-data "$EDGE_CACHE_DIR"
  write_api_servers "$EDGE_SNIPPETS_DIR" "${1%%|*}" || true
  envsubst "$vars" <"$templates/edge.conf.template" >/etc/nginx/conf.d/edge.conf
  envsubst "$vars" <"$templates/cdn.conf.template" >/etc/nginx/conf.d/cdn.conf
  for template in "$templates"/*.conf.template; do
    name=$(basename "$template" .template)
    case "$name" in
      edge.conf | cdn.conf) ;;
      *) envsubst "$vars" <"$template" >"$EDGE_SNIPPETS_DIR/$name" ;;
    esac
  done
}

# Both must resolve before nginx can start (compose starts the edge once they are healthy).
tries=0
until current=$(replicas); do
  tries=$((tries + 1))
  [ "$tries" -le 60 ] || {
    echo "edge: '$API_HOST' or '$WEB_HOST' does not resolve (API_HOST, WEB_HOST)" >&2
    exit 1
  }
  sleep 1
done
render "$current"
nginx -t -q

(
  seen=$current
  while sleep "$EDGE_RESOLVE_SECONDS"; do
    next=$(replicas) || continue
    # A change counts once two rounds in a row agree: one slow readiness answer takes no replica out.
    if [ "$next" != "$seen" ]; then
      seen=$next
      continue
    fi
    [ "$next" != "$current" ] || continue
    echo "edge: API $(describe_readiness "${next%%|*}"); storefront ${next#*| }" >&2
    render "$next"
    if nginx -t -q; then nginx -s reload; current=$next; fi
  done
) &

exec "$@"

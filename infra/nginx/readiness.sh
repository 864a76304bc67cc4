# shellcheck shell=sh
# The edge follows the API replicas' readiness. A replica whose /api/readyz does not answer 200
# (ready, or degraded and still serving) within EDGE_READINESS_TIMEOUT seconds is marked `down`
# in the edge's API upstreams until it answers again. nginx's own checks are passive: they notice
# a replica only when a shopper's request to it fails, and a hung replica fails a request only
# after proxy_read_timeout (30 s). Sourced by infra/local/bin/follow-readiness (the local stack)
# and infra/compose/edge/edge-entrypoint.sh (compose); both write the upstreams with
# write_api_servers, which edge.conf includes. (The functions run in subshells: nothing they set
# leaks into the scripts that source them.)

: "${EDGE_READINESS_TIMEOUT:=2}"

# readiness HOST:PORT...: each replica followed by + (serves) or - (does not), on one line,
# e.g. "10.0.0.5:4000+ 10.0.0.6:4000-". All are asked at once.
readiness() (
  [ $# -gt 0 ] || return 0
  urls="" outputs=""
  for address; do
    urls="$urls http://$address/api/readyz"
    outputs="$outputs -o /dev/null"
  done
  # Every word is a URL or an option, none has spaces.
  # shellcheck disable=SC2086
  answers=$(curl -s --parallel --parallel-immediate --max-time "$EDGE_READINESS_TIMEOUT" \
    -w '%{url} %{http_code}\n' $outputs $urls 2>/dev/null)
  for address; do
    case "$answers" in
      *"http://$address/api/readyz 200"*) printf '%s+ ' "$address" ;;
      *) printf '%s- ' "$address" ;;
    esac
  done
)

# write_api_servers DIR READINESS: the server lines of the edge's two API upstreams, from
# `readiness`'s line: DIR/api-servers.conf (the catalog, carts, orders) and
# DIR/api-auth-servers.conf (sign-in's few slots per replica). When no replica is ready none is
# marked: each then answers for itself (its own 503 names what is down), where the edge alone
# could only answer 502. Succeeds when a file changed (the edge must reload), fails when not.
write_api_servers() (
  dir=$1 state=$2 down=" down" api="" auth=""
  case "$state" in *+*) ;; *) down="" ;; esac
  for entry in $state; do
    case "$entry" in
      *-) mark=$down ;;
      *) mark="" ;;
    esac
    server="    server ${entry%?} max_fails=2 fail_timeout=5s"
    api="$api$server max_conns=$EDGE_API_MAX_CONNS$mark;
"
    auth="$auth$server max_conns=$EDGE_AUTH_MAX_CONNS$mark;
"
  done
  changed=1
  for pair in "api-servers.conf:$api" "api-auth-servers.conf:$auth"; do
    file="$dir/${pair%%:*}"
    printf '%s' "${pair#*:}" >"$file.new"
    if cmp -s "$file.new" "$file"; then
      rm "$file.new"
    else
      mv "$file.new" "$file"
      changed=0
    fi
  done
  return "$changed"
)

# describe_readiness READINESS: e.g. "10.0.0.5:4000 ready; 10.0.0.6:4000 not ready, out of rotation;".
describe_readiness() (
  case "$1" in
    *+*) ;;
    *) echo "no API replica is ready: all stay in rotation" && return ;;
  esac
  for entry in $1; do
    case "$entry" in
      *-) printf '%s not ready, out of rotation; ' "${entry%?}" ;;
      *) printf '%s ready; ' "${entry%?}" ;;
    esac
  done
  echo
)

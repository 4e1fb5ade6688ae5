#!/usr/bin/env bash
# Idempotent: make sure the services ModelPipeline's container stages and tests need are installed and running.
#   - a Docker engine (Debian's docker.io) on unix:///tmp/modelpipeline/docker.sock
#   - an OCI registry (Debian's docker-registry) on 127.0.0.1:5000
# Extra Debian package names given as arguments are installed too (e.g. prometheus chromium python3-sklearn);
# with PACKAGES_ONLY=1 only those are installed and nothing is started (the benchmark's peers).
# Needs root to install or start anything; prints DOCKER_HOST=... and REGISTRY=... lines on success.
# Exit codes: 0 ready, 3 not root and something is missing, 1 a service failed to start.
# Environment: MODELPIPELINE_SERVICES_DIR (default /tmp/modelpipeline), REGISTRY_ADDR (default 127.0.0.1:5000),
# STORAGE_DRIVER (e.g. vfs), DOCKERD_EXTRA (extra dockerd flags). Logs: $MODELPIPELINE_SERVICES_DIR/log/.
set -euo pipefail
BASE=${MODELPIPELINE_SERVICES_DIR:-/tmp/modelpipeline}
SOCK=$BASE/docker.sock
REG_ADDR=${REGISTRY_ADDR:-127.0.0.1:5000}
export DEBIAN_FRONTEND=noninteractive

docker_ready() { curl -fsS -m 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }
registry_ready() { curl -fsS -m 2 "http://$REG_ADDR/v2/" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

# --- packages -----------------------------------------------------------------------------------
if [ "${PACKAGES_ONLY:-0}" = 1 ]; then want=("$@"); else want=(docker.io docker-registry "$@"); fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! is_root; then
    echo "start-services: missing Debian packages: ${missing[*]}; run this script as root to install them." >&2
    exit 3
  fi
  echo "start-services: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "${PACKAGES_ONLY:-0}" = 1 ] && exit 0

# --- Docker engine ------------------------------------------------------------------------------
if ! docker_ready; then
  if ! is_root; then
    if [ -S "$SOCK" ] && [ ! -w "$SOCK" ]; then
      echo "start-services: a Docker engine socket exists at $SOCK but you cannot use it (owner $(stat -c %U:%G "$SOCK")); run as root or join its group." >&2
    else
      echo "start-services: no Docker engine at $SOCK and not root: cannot start one (run this script as root)." >&2
    fi
    exit 3
  fi
  mkdir -p "$BASE/docker-data" "$BASE/docker-exec" "$BASE/log"
  if [ -f "$BASE/docker.pid" ] && ! kill -0 "$(cat "$BASE/docker.pid")" 2>/dev/null; then rm -f "$BASE/docker.pid"; fi
  start_dockerd() {
    local opts=(--data-root "$BASE/docker-data" --exec-root "$BASE/docker-exec" -H "unix://$SOCK" --pidfile "$BASE/docker.pid")
    [ -n "${1:-}" ] && opts+=(--storage-driver "$1")
    # shellcheck disable=SC2206
    opts+=(${DOCKERD_EXTRA:-})
    nohup dockerd "${opts[@]}" >"$BASE/log/dockerd.log" 2>&1 &
    for _ in $(seq 1 300); do docker_ready && return 0; kill -0 $! 2>/dev/null || return 1; sleep 0.1; done
    return 1
  }
  stop_failed_dockerd() {
    if [ -f "$BASE/docker.pid" ]; then kill "$(cat "$BASE/docker.pid")" 2>/dev/null || true; fi
    sleep 1; rm -f "$BASE/docker.pid"
  }
  if ! start_dockerd "${STORAGE_DRIVER:-}"; then
    echo "start-services: dockerd failed with the default storage driver; retrying with vfs" >&2
    stop_failed_dockerd
    if ! start_dockerd vfs; then
      if grep -qi iptables "$BASE/log/dockerd.log"; then
        echo "start-services: dockerd cannot use iptables; retrying without the default bridge (only --network host/none containers will work)" >&2
        stop_failed_dockerd
        DOCKERD_EXTRA="${DOCKERD_EXTRA:-} --iptables=false --bridge=none" start_dockerd vfs || true
      fi
      docker_ready || { echo "start-services: dockerd did not start; see $BASE/log/dockerd.log" >&2; tail -20 "$BASE/log/dockerd.log" >&2; exit 1; }
    fi
  fi
fi

# --- OCI registry -------------------------------------------------------------------------------
if ! registry_ready; then
  is_root || { echo "start-services: no registry at $REG_ADDR and not root: cannot start one." >&2; exit 3; }
  mkdir -p "$BASE/registry-data" "$BASE/log"
  # A registry of ours that is alive but not answering (wrong config, hung) is replaced; a dead one's pid file is dropped.
  if [ -f "$BASE/registry.pid" ]; then
    pid=$(cat "$BASE/registry.pid")
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$BASE/registry.yml"; then kill "$pid" || true; sleep 0.5; fi
    rm -f "$BASE/registry.pid"
  fi
  cat > "$BASE/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $BASE/registry-data
  delete:
    enabled: true
http:
  addr: $REG_ADDR
  headers:
    X-Content-Type-Options: [nosniff]
YML
  nohup docker-registry serve "$BASE/registry.yml" >"$BASE/log/registry.log" 2>&1 &
  echo $! > "$BASE/registry.pid"
  for _ in $(seq 1 100); do registry_ready && break; sleep 0.05; done
  registry_ready || { echo "start-services: registry did not start; see $BASE/log/registry.log" >&2; exit 1; }
fi

echo "DOCKER_HOST=unix://$SOCK"
echo "REGISTRY=$REG_ADDR"

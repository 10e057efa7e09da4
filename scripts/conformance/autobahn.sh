#!/usr/bin/env bash
# Autobahn|Testsuite conformance of our WebSocket stack (issue 3): the `chargesim-wstest`
# agents against the fuzzing server (client mode) and under the fuzzing client (server
# mode), permessage-deflate offered and accepted. Fails when any case fails in either mode.
#
#   scripts/conformance/autobahn.sh [--quick] [--outdir DIR]
#
# --quick runs groups 1-10 only (about 30 s); the full run adds the permessage-deflate
# groups 12 and 13 (517 cases per mode). The runners and the Python 2.7 venv recipe live in
# ../shared/autobahn (override with CHARGESIM_SHARED); the venv goes to .venv-autobahn
# (override with AUTOBAHN_VENV). Ports: AUTOBAHN_CLIENT_PORT (9001), AUTOBAHN_SERVER_PORT (9002).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${CHARGESIM_SHARED:-$root/../shared}"
export AUTOBAHN_VENV="${AUTOBAHN_VENV:-$root/.venv-autobahn}"
client_port="${AUTOBAHN_CLIENT_PORT:-9001}"
server_port="${AUTOBAHN_SERVER_PORT:-9002}"
cases="*"
outdir="$root/.build/autobahn"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) cases="1.*,2.*,3.*,4.*,5.*,6.*,7.*,9.*,10.*"; shift ;;
    --outdir) outdir="$2"; shift 2 ;;
    -h|--help) awk 'NR>1 && /^#/ {print; next} NR>1 {exit}' "$0"; exit 0 ;;
    *) echo "autobahn.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ -d "$shared/autobahn" ] || { echo "autobahn.sh: $shared/autobahn not found; set CHARGESIM_SHARED" >&2; exit 2; }

echo "autobahn.sh: venv $AUTOBAHN_VENV"
"$shared/autobahn/setup_venv.sh"

# A release build: deflate and UTF-8 checks of 12.*/13.* are several times slower in debug.
echo "autobahn.sh: building chargesim-wstest (release)"
(cd "$root" && swift build -c release --product chargesim-wstest --scratch-path .build-release)
bin="$(cd "$root" && swift build -c release --scratch-path .build-release --show-bin-path)/chargesim-wstest"

rm -rf "$outdir"; mkdir -p "$outdir"
status=0
run() {  # run NAME COMMAND...: runs a suite, keeps its log, checks its summary line
  local name="$1"; shift
  local t0; t0=$(date +%s)
  "$@" 2>&1 | tee "$outdir/$name.log" | grep -E '^(run_|agent|  |autobahn:)' || true
  local summary; summary="$(grep -E '^autobahn: [0-9]+ passed, [0-9]+ failed' "$outdir/$name.log" | tail -1)"
  echo "autobahn.sh: $name mode: ${summary:-no summary} in $(( $(date +%s) - t0 )) s"
  case "$summary" in
    *", 0 failed") ;;
    *) status=1 ;;
  esac
}
run client "$shared/autobahn/run_client_suite.sh" --agent chargesim --port "$client_port" --cases "$cases" \
  --outdir "$outdir/client" "$bin client --server {url} --agent {agent}"
run server "$shared/autobahn/run_server_suite.sh" --agent chargesim --cases "$cases" --outdir "$outdir/server" \
  --start "$bin server --port $server_port" "ws://127.0.0.1:$server_port"
if [ "$status" -ne 0 ]; then
  echo "autobahn.sh: FAILED (reports under $outdir/*/reports)"
else
  echo "autobahn.sh: all cases passed in both modes"
fi
exit "$status"

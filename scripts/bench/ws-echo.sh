#!/usr/bin/env bash
# Echo round trips per second over loopback: our WebSocket client against the Python
# `websockets` client, both against the same echo server (chargesim-wstest server), measured
# in the same run. Prints both figures and the ratio.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
count="${1:-20000}"
port="${CHARGESIM_BENCH_PORT:-9411}"
python="$(scripts/conformance/python-peers-venv.sh | tail -1)"
swift build -c release --scratch-path .build-release --product chargesim-wstest >/dev/null
swift build -c release --scratch-path .build-release --product chargesim-ws-bench >/dev/null
bin="$(swift build -c release --scratch-path .build-release --show-bin-path)"
"$bin/chargesim-wstest" server --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
ours=$("$bin/chargesim-ws-bench" echo "ws://127.0.0.1:$port/" "$count")
theirs=$("$python" scripts/bench/ws_echo_rtt.py "ws://127.0.0.1:$port/" "$count")
echo "$ours"
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import re, sys
ours = [int(n) for n in re.findall(r": (\d+) round trips/s", sys.argv[1])]
theirs = int(re.search(r": (\d+) round trips/s", sys.argv[2]).group(1))
print(f"ratio ours/python: callback API {ours[0] / theirs:.2f}x, async client {ours[1] / theirs:.2f}x")
PY

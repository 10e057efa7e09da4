#!/usr/bin/env bash
# The live dashboard in a real headless browser: Debian's chromium + chromium-driver, driven by
# the pinned PyPI `selenium`. Starts `chargesim demo` (embedded central system + fleet) with a
# control port, opens the dashboard, plugs an EV in through the control API and checks that the
# charger's tile turns Preparing/Charging within a second and that the power chart moves
# (scripts/conformance/dashboard_browser.py says exactly what it asserts).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

venv="${CHARGESIM_BROWSER_VENV:-$root/.venv-browser}"
pins=(selenium==4.50.0)
if ! [ -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}"
fi

binary="$root/.build/debug/chargesim"
[ -x "$binary" ] || swift build --product chargesim

work="$(mktemp -d)"
demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" demo --data-dir "$work/data" --ocpp-port 0 --api-port 0 --control-port 0 --chargers 2 \
  --profiles-dir "$root/profiles" --ready-file "$work/ready.json" >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 600); do
  [ -s "$work/ready.json" ] && break
  if ! kill -0 "$demo_pid" 2>/dev/null; then
    echo "chargesim demo exited early:"; cat "$work/demo.err"; exit 1
  fi
  sleep 0.1
done
[ -s "$work/ready.json" ] || { echo "chargesim demo was not ready within 60 s"; cat "$work/demo.err"; exit 1; }

SE_OFFLINE=true "$venv/bin/python" "$root/scripts/conformance/dashboard_browser.py" "$work/ready.json"

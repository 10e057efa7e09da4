#!/usr/bin/env bash
# Runs every example under Examples/ against the embedded central system, as a user would:
#   1. Examples/scenarios/*.yaml through `chargesim scenario run` (JUnit report in .build/examples/)
#   2. Examples/pytest (plain HTTP with requests) against `chargesim demo --ready-file`
#   3. Examples/curl.sh, the demo tour, against the same demo (another charger)
#   4. Examples/SwiftTestSuite, a separate package depending on this repository by path
#   5. the client's contract suite (Tests/PublicAPITests/ContractTests) against that demo's API
# Called by scripts/test.sh after the Swift tests; expects `swift build` to have run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bin="$(swift build --show-bin-path)/chargesim"
out="$root/.build/examples"
mkdir -p "$out"

echo "== examples: scenarios"
"$bin" scenario run Examples/scenarios/*.yaml --junit "$out/scenarios-junit.xml"

echo "== examples: pytest and curl.sh against chargesim demo"
venv="${CHARGESIM_EXAMPLES_VENV:-$root/.venv-examples}"
if ! [ -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r Examples/pytest/requirements.txt
fi
work="$(mktemp -d)"
demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ]; then kill "$demo_pid" 2>/dev/null || true; wait "$demo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# The demo with three 7.4 kW wallboxes (the shipped profile), on free ports: DEMO-1 for pytest,
# DEMO-2 for curl.sh, DEMO-3 for the contract suite (a stopped session leaves its EVSE Finishing).
mkdir -p "$work/profiles"
cp profiles/ac-wallbox-7kw.yaml "$work/profiles/"
"$bin" demo --data-dir "$work/data" --profiles-dir "$work/profiles" --chargers 3 --api-port 0 --ocpp-port 0 \
  --ready-file "$work/ready.json" >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/ready.json" ] && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.err"; echo "chargesim demo exited"; exit 1; }
  sleep 0.1
done
[ -s "$work/ready.json" ] || { cat "$work/demo.err"; echo "chargesim demo did not get ready"; exit 1; }
CHARGESIM_READY_FILE="$work/ready.json" "$venv/bin/pytest" -q -p no:cacheprovider Examples/pytest \
  --junitxml "$out/pytest-junit.xml"
CP=DEMO-2 Examples/curl.sh "$work/ready.json"

echo "== examples: the client's contract suite against the demo's API"
base=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["apiBaseUrl"])' "$work/ready.json")
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/ready.json")
CHARGESIM_CONTRACT_BASE_URL="$base" CHARGESIM_CONTRACT_TOKEN="$token" CHARGESIM_CONTRACT_CHARGE_POINT=DEMO-3 \
  CHARGESIM_CONTRACT_ACTIONS=1 swift test --skip-build --filter PublicAPIContractTests

echo "== examples: Examples/SwiftTestSuite (its own package, its own build folder)"
swift test --package-path Examples/SwiftTestSuite --scratch-path "$root/.build/examples/swift-suite"

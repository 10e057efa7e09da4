#!/usr/bin/env bash
# The built test binary, run directly rather than through `swift test`, with a time limit.
#
# Directly: `swift test` relays the binary's output in 4 KB blocks, so a run that hangs shows
# nothing of its last lines; the binary itself prints each test as it starts and ends.
# A time limit: the suite takes about a minute and a half on two cores, and a test that hangs
# would otherwise hold CI until its own limit. Past it, this prints the stacks of the test
# process's threads (gdb, when installed), which name the test and the wait it hangs in, then
# stops the process and fails.
set -uo pipefail
cd "$(dirname "$0")/.."
limit=${CHARGESIM_SWIFT_TEST_LIMIT:-900}
binary="${CHARGESIM_TEST_BIN_PATH:-$(swift build --show-bin-path)}/ChargeSimPackageTests.xctest"

# Runs the binary with the arguments given, under the limit. In a process group of its own
# (setsid: a background job of this script is not a group leader, so setsid does not fork and
# $! is the binary): the chargers, central systems and Python peers its tests start are in it,
# and none outlives the run.
run_with_limit() {
  setsid "$binary" "$@" &
  local tests=$!
  (
    for _ in $(seq "$limit"); do
      sleep 1
      kill -0 "$tests" 2>/dev/null || exit 0
    done
    echo "== the tests still run after $limit s: the stacks of their threads, then they are stopped" >&2
    if command -v gdb >/dev/null 2>&1; then
      timeout 120 gdb -p "$tests" -batch -iex "set complaints 0" -ex "thread apply all bt 30" 2>&1 \
        | grep -vE '^(\[New Thread|\[Thread debugging|warning:|During symbol reading)' | head -n 4000 >&2
    else
      echo "gdb is not installed: no stacks" >&2
    fi
    kill -KILL -- "-$tests"
  ) &
  local watchdog=$!
  local status=0
  wait "$tests" || status=$?
  kill "$watchdog" 2>/dev/null
  wait "$watchdog" 2>/dev/null
  kill -KILL -- "-$tests" 2>/dev/null
  return "$status"
}

# XCTest cases first (the binary's default), then the Swift Testing ones.
run_with_limit "$@" && run_with_limit --testing-library swift-testing "$@"

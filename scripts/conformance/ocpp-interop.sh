#!/usr/bin/env bash
# The OCPP 1.6J interoperability suite: `chargesim fleet` against a central system built on the
# PyPI `ocpp` package (mobilityhouse), which validates every message against the official
# OCPP 1.6 schemas. Creates the pinned peers venv, builds chargesim, runs the scenarios.
# Extra arguments go to run_interop.py (e.g. --only smart-charging --verbose --log FILE).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python="$(scripts/conformance/python-peers-venv.sh | tail -n 1)"
swift build --product chargesim
bin="$(swift build --show-bin-path)/chargesim"
cd scripts/conformance/ocpp-interop
exec "$python" run_interop.py --chargesim "${CHARGESIM_BIN:-$bin}" "$@"

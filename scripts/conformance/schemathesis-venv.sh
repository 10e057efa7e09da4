#!/usr/bin/env bash
# Creates the Python 3 virtualenv with a pinned schemathesis (PyPI), the property-based API
# tester run against our /public-api/openapi.json. Idempotent; prints the venv's `st` path last.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${CHARGESIM_ST_VENV:-$root/.venv-schemathesis}"
# hypothesis is pinned too: schemathesis 3.39 uses hypothesis internals that later releases changed.
pins=(schemathesis==3.39.16 hypothesis==6.129.5)
if ! [ -x "$venv/bin/st" ] || ! "$venv/bin/python" -c 'import schemathesis, hypothesis; assert hypothesis.__version__ == "6.129.5"' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}"
fi
echo "$venv/bin/st"

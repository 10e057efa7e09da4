#!/usr/bin/env bash
# Creates the Python 3 virtualenv with the pinned peers our interop tests talk to:
# `websockets` (the WebSocket peer) and `ocpp` (mobilityhouse, the OCPP central system we
# do not write). Idempotent; prints the venv's python path on its last line.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${CHARGESIM_PY_VENV:-$root/.venv-peers}"
pins=(websockets==17.4 ocpp==2.1.0 jsonschema==4.26.0)
if ! [ -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import websockets, ocpp, jsonschema' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}"
fi
echo "$venv/bin/python"

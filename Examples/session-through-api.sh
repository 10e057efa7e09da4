#!/usr/bin/env bash
# A test-suite step through the Public API, as a script: start a session on a charger, wait
# until energy flows, stop it, and check the finished session. Works against the embedded
# central system started by `chargesim demo --ready-file F` (or `chargesim csms`), and against
# any AMPECO-compatible base URL and token.
#
#   Examples/session-through-api.sh READY_FILE            # handles from the demo's ready file
#   API=https://tenant.example/public-api TOKEN=... CP=12 Examples/session-through-api.sh
set -euo pipefail
if [ $# -ge 1 ]; then
  API=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["apiBaseUrl"])' "$1")
  TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$1")
fi
: "${API:?set API or pass the ready file}" "${TOKEN:?set TOKEN or pass the ready file}"
api() { curl -sS -g -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

CP=${CP:-$(api "$API/resources/charge-points/v2.0" | json 'd["data"][0]["id"]')}
echo "charge point $CP: EVSEs $(api "$API/resources/charge-points/v2.0/$CP/evses" | json '[e["hardwareStatus"] for e in d["data"]]')"

status=$(api -o /dev/null -w '%{http_code}' -X POST -d '{"idTag":"EXAMPLE-TAG"}' \
  "$API/actions/charge-point/v1.0/$CP/start/1")
[ "$status" = 202 ] || { echo "start answered HTTP $status"; exit 1; }

for _ in $(seq 1 90); do
  session=$(api "$API/resources/sessions/v1.0?filter[chargePointId]=$CP&filter[status]=active" | json 'd["data"][0] if d["data"] else ""')
  if [ -n "$session" ]; then
    energy=$(echo "$session" | python3 -c 'import ast,sys; print(ast.literal_eval(sys.stdin.read())["energy"])')
    id=$(echo "$session" | python3 -c 'import ast,sys; print(ast.literal_eval(sys.stdin.read())["id"])')
    [ "${energy%.*}" -gt 0 ] && { echo "session $id active, energy $energy Wh"; break; }
  fi
  sleep 2
done
[ -n "${id:-}" ] || { echo "no active session appeared"; exit 1; }
# Meter values arrive every MeterValueSampleInterval (60 s in the shipped profiles).

api -o /dev/null -X POST -d '{}' "$API/actions/charge-point/v1.0/$CP/stop/$id"
for _ in $(seq 1 30); do
  final=$(api "$API/resources/sessions/v1.0/$id" | json 'd["data"]["status"]')
  [ "$final" = finished ] && break
  sleep 1
done
echo "session $id: $final, $(api "$API/resources/sessions/v1.0/$id" | json 'd["data"]["energy"]') Wh"
[ "$final" = finished ]

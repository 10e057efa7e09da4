#!/usr/bin/env bash
# A guided tour of ChargeSim through the AMPECO Public API, with nothing but curl: for a demo
# in front of people, or as a test step in any CI. Each step prints what it does and what the
# back end answered.
#
#   chargesim demo --ready-file /tmp/chargesim.json &      # the embedded back end + a fleet
#   Examples/curl.sh /tmp/chargesim.json                   # handles from the demo's ready file
#
#   # the same tour against a real tenant and one of your (simulated) chargers:
#   API=https://<tenant>/public-api TOKEN=... CP=<OCPP identity> Examples/curl.sh
#
# Exit status 0 when the session ran start to finish, 1 otherwise.
set -euo pipefail

# --- Where the API is: the ready file of `chargesim demo`, or API/TOKEN from the environment.
if [ $# -ge 1 ]; then
  ready() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
  API=$(ready "$1" apiBaseUrl)
  TOKEN=$(ready "$1" token)
  CP=${CP:-$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chargePointIds"][-1])' "$1")}
fi
: "${API:?set API or pass the ready file}" "${TOKEN:?set TOKEN or pass the ready file}" "${CP:?set CP}"

# Every call sends the token as a Bearer header (never printed); -g keeps filter[...] brackets.
api() { curl -sS -g -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
# Reads a field of the JSON on stdin with a Python expression over `d`.
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
step() { printf '\n== %s\n' "$*"; }

step "1. The charge point $CP as the back end sees it (resources/charge-points/v2.0)"
cp_id=$(api "$API/resources/charge-points/v2.0?filter[networkId]=$CP" | field 'd["data"][0]["id"]')
api "$API/resources/charge-points/v2.0/$cp_id" \
  | field '"id %s, network %s, firmware %s" % (d["data"]["id"], d["data"]["networkStatus"], (d["data"].get("lastBootNotification") or {}).get("firmwareVersion"))'

step "2. Its EVSEs and their live status (resources/charge-points/v2.0/{id}/evses)"
api "$API/resources/charge-points/v2.0/$cp_id/evses" \
  | field '"\n".join("EVSE %s: %s" % (e["networkId"], e["hardwareStatus"]) for e in d["data"])'

step "3. Meter values every second instead of every minute (set-configuration, a live change)"
api -o /dev/null -w 'HTTP %{http_code}\n' -X POST -d '{"name":"MeterValueSampleInterval","value":"1"}' \
  "$API/actions/charge-point/v2.0/$cp_id/set-configuration"

step "4. Start a session on EVSE 1 (RemoteStartTransaction; the simulated EV plugs in by itself)"
api -X POST -d '{"idTag":"TOUR-TAG"}' "$API/actions/charge-point/v1.0/$cp_id/start/1"; echo

# Polls an expression over the active session of this charge point until it is true.
wait_session() { # $1 = what, $2 = python condition over the session `s`
  for _ in $(seq 1 120); do
    line=$(api "$API/resources/sessions/v1.0?filter[chargePointId]=$cp_id&filter[status]=active" \
      | field "next((f'{s[\"id\"]} {s[\"energy\"]} {(s.get(\"power\") or {}).get(\"latest\")}' for s in d['data'] if $2), '')")
    [ -n "$line" ] && { echo "$line"; return 0; }
    sleep 0.5
  done
  echo "timed out waiting for $1" >&2; return 1
}

step "5. The session is active and energy flows (resources/sessions/v1.0)"
out=$(wait_session "energy" 's["energy"] > 0 and (s.get("power") or {}).get("latest")')
read -r session energy power <<<"$out"
echo "session $session: $energy Wh so far, $power W"

step "6. Limit EVSE 1 to 2 kW (set-charging-profile: SetChargingProfile, TxDefaultProfile)"
api -X POST -d '{"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative",
  "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":2000}]}}' \
  "$API/actions/charge-point/v1.0/$cp_id/set-charging-profile/1"; echo
out=$(wait_session "the limit" '((s.get("power") or {}).get("latest") or 1e9) <= 2000')
read -r _ energy power <<<"$out"
echo "the charger follows: $power W now, $energy Wh so far"

step "7. Stop the session (RemoteStopTransaction)"
api -o /dev/null -w 'HTTP %{http_code}\n' -X POST -d '{}' "$API/actions/charge-point/v1.0/$cp_id/stop/$session"

step "8. The finished session: final energy and stop time"
for _ in $(seq 1 60); do
  status=$(api "$API/resources/sessions/v1.0/$session" | field 'd["data"]["status"]')
  [ "$status" = finished ] && break
  sleep 0.5
done
api "$API/resources/sessions/v1.0/$session" \
  | field '"session %s: %s, %s Wh, stopped at %s" % (d["data"]["id"], d["data"]["status"], d["data"]["energy"], d["data"]["stoppedAt"])'
[ "$status" = finished ]

"""The session story through the AMPECO Public API, with plain HTTP: start a session, see it
active with rising energy, limit the power with a charging profile, stop it and check the
final energy. Works against `chargesim demo` and against a real tenant."""


def until(api, session_id, what, holds, timeout=60):
    """Polls the session until holds(session); fails naming its last energy, power and status."""
    def probe():
        session = api.session(session_id)
        seen = f"status {session['status']}, energy {session['energy']} Wh, power {session.get('power')}"
        return (session if holds(session) else None), seen
    return api.wait_for(what, probe, timeout=timeout)


def test_session_through_the_api(api, charge_point_ids):
    cp = api.charge_point(charge_point_ids[0])
    cp_id = cp["id"]
    evse = api.evse(cp_id, 1)
    assert evse["hardwareStatus"] == "available", evse

    # Meter values every second instead of every minute, so the test is quick (a live change).
    reply = api.post(f"actions/charge-point/v2.0/{cp_id}/set-configuration",
                     {"name": "MeterValueSampleInterval", "value": "1"})
    assert reply.status_code == 202, reply.text

    reply = api.post(f"actions/charge-point/v1.0/{cp_id}/start/1", {"idTag": "PYTEST-TAG"})
    assert reply.status_code == 202, reply.text
    assert reply.json()["success"] is True

    def active():
        sessions = api.get("resources/sessions/v1.0",
                           **{"filter[chargePointId]": cp_id, "filter[status]": "active"})["data"]
        return (sessions[0] if sessions else None), [s["status"] for s in sessions]

    session = api.wait_for("an active session", active)
    assert session["idTag"] == "PYTEST-TAG"
    session_id = session["id"]

    first = until(api, session_id, "energy above 0 Wh", lambda s: s["energy"] > 0)
    rising = until(api, session_id, "energy rising", lambda s: s["energy"] > first["energy"])
    assert rising["energy"] > first["energy"]
    full_power = rising["power"]["latest"]
    assert full_power > 1500, rising["power"]

    profile = {
        "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Relative",
        "chargingSchedule": {"chargingRateUnit": "W", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 1000}]},
    }
    reply = api.post(f"actions/charge-point/v1.0/{cp_id}/set-charging-profile/1", profile)
    assert reply.status_code == 202, reply.text
    limited = until(api, session_id, "the power to drop to 1 kW", lambda s: s["power"]["latest"] <= 1000)
    assert limited["power"]["latest"] < full_power

    reply = api.post(f"actions/charge-point/v1.0/{cp_id}/stop/{session_id}")
    assert reply.status_code == 202, reply.text
    finished = until(api, session_id, "the session to finish", lambda s: s["status"] == "finished")
    assert finished["energy"] >= limited["energy"]
    assert finished["stoppedAt"] is not None


def test_errors_carry_the_api_message(api):
    reply = api.http.get(f"{api.base_url}/resources/sessions/v1.0/999999", timeout=30)
    assert reply.status_code == 404
    assert reply.json()["message"]
    reply = api.post("resources/charge-points/v2.0", {"name": "no identity"})
    assert reply.status_code == 422
    assert "network" in " ".join(reply.json()["errors"].keys())

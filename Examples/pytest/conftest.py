"""Fixtures: the Public API of a running `chargesim demo` (or any AMPECO-compatible back end).

Point the suite at a back end with either
  CHARGESIM_READY_FILE=/path/ready.json   (written by `chargesim demo --ready-file`), or
  CHARGESIM_API_BASE_URL=https://<tenant>/public-api CHARGESIM_API_TOKEN=... CHARGESIM_CHARGE_POINT=<identity>
"""
import json
import os
import time

import pytest
import requests


class PublicAPI:
    """Plain HTTP against the AMPECO Public API: a requests.Session with the bearer token."""

    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def get(self, path, **params):
        response = self.http.get(f"{self.base_url}/{path}", params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    def post(self, path, body=None):
        """POSTs an action; returns the response (actions answer 200, 201, 202 or 204)."""
        return self.http.post(f"{self.base_url}/{path}", json=body or {}, timeout=60)

    def charge_point(self, identity):
        found = self.get("resources/charge-points/v2.0", **{"filter[networkId]": identity})["data"]
        assert found, f"no charge point {identity} in the back end"
        return found[0]

    def evse(self, charge_point_id, network_id):
        evses = self.get(f"resources/charge-points/v2.0/{charge_point_id}/evses")["data"]
        return next(e for e in evses if e["networkId"] == str(network_id))

    def session(self, session_id):
        return self.get(f"resources/sessions/v1.0/{session_id}")["data"]

    def wait_for(self, what, probe, timeout=60, interval=0.5):
        """Polls probe() until it returns something truthy; fails saying what was seen last."""
        deadline = time.monotonic() + timeout
        seen = None
        while time.monotonic() < deadline:
            value, seen = probe()
            if value:
                return value
            time.sleep(interval)
        pytest.fail(f"timed out after {timeout} s waiting for {what}; last seen: {seen}")


@pytest.fixture(scope="session")
def handles():
    ready = os.environ.get("CHARGESIM_READY_FILE")
    if ready:
        with open(ready) as file:
            data = json.load(file)
        return data["apiBaseUrl"], data["token"], data["chargePointIds"]
    base = os.environ.get("CHARGESIM_API_BASE_URL")
    if not base:
        pytest.skip("set CHARGESIM_READY_FILE or CHARGESIM_API_BASE_URL")
    return base, os.environ["CHARGESIM_API_TOKEN"], [os.environ["CHARGESIM_CHARGE_POINT"]]


@pytest.fixture(scope="session")
def api(handles):
    return PublicAPI(handles[0], handles[1])


@pytest.fixture(scope="session")
def charge_point_ids(handles):
    return handles[2]

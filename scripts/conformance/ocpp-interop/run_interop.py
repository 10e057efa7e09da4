"""The OCPP 1.6J interoperability suite: `chargesim fleet` against a central system built on the
PyPI `ocpp` package (csms.py), over a real socket on loopback.

    python run_interop.py --chargesim .build/debug/chargesim [--profile FILE] [--only NAME ...]
                          [--log FILE] [--verbose]

Starts the central system on a free port, starts one charger (`chargesim fleet ... --count 1`)
as a subprocess, runs the scenarios in order (each drives CSMS-initiated operations and asserts
the messages that result), stops everything, prints one PASS/FAIL line per scenario and, last,
`N passed, M failed`. Exits 1 when any scenario failed, 2 when the run could not start.
Every message the charger sends is validated against the OCPP 1.6 schemas by the `ocpp`
package; a message that fails validation fails the scenario it arrived in.
"""

from __future__ import annotations

import argparse
import asyncio
import http.server
import json
import logging
import os
import shlex
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional

from ocpp.v16 import call, datatypes
from ocpp.v16.enums import (
    AvailabilityType,
    ChargingProfileKindType,
    ChargingProfilePurposeType,
    CertificateUse,
    ChargingRateUnitType,
    Log,
    MessageTrigger,
    ResetType,
    UpdateType,
)

from csms import CALL, CALLRESULT, CallTimeout, CentralSystem, Record, SharedPort, WaitTimeout, parse_time
from pki import CertificateAuthority, csr_subject, server_context, sign_file

HERE = Path(__file__).resolve().parent
DEFAULT_PROFILE = HERE / "interop-ac-22kw.yaml"
ENERGY = "Energy.Active.Import.Register"


class ScenarioFailure(AssertionError):
    """A scenario's expectation did not hold; the message says what was sent and what came back."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise ScenarioFailure(message)


# Meter value helpers ------------------------------------------------------------------------


@dataclass
class Sample:
    timestamp: datetime
    measurand: str
    phase: Optional[str]
    context: str
    unit: Optional[str]
    value: float


def samples(payload: dict, measurand: str = ENERGY) -> list[Sample]:
    """The sampled values of one measurand in a MeterValues or StopTransaction payload (energy in Wh)."""
    found = []
    for meter_value in payload.get("meterValue", payload.get("transactionData", [])) or []:
        when = parse_time(meter_value["timestamp"])
        for sampled in meter_value["sampledValue"]:
            if sampled.get("measurand", ENERGY) != measurand:
                continue
            value = float(sampled["value"])
            unit = sampled.get("unit")
            if unit in ("kWh", "kW", "kvarh", "kvar"):
                value *= 1000
            found.append(
                Sample(when, measurand, sampled.get("phase"), sampled.get("context", "Sample.Periodic"), unit, value)
            )
    return found


def energy_of(payload: dict) -> Optional[float]:
    values = [s.value for s in samples(payload) if s.phase is None]
    return max(values) if values else None


def currents(payload: dict) -> dict[str, float]:
    """Current.Import per phase of a MeterValues (the unphased value only when no phase is given)."""
    values = samples(payload, "Current.Import")
    phased = {s.phase: s.value for s in values if s.phase is not None}
    return phased or {"total": s.value for s in values}


# The scenario context ------------------------------------------------------------------------


@dataclass
class Context:
    csms: CentralSystem
    cp_id: str
    args: argparse.Namespace
    start_mark: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def rec(self):
        return self.csms.recorder

    def note(self, text: str) -> None:
        self.notes.append(text)

    async def call(self, payload: Any, expect_error: bool = False):
        """Sends a CSMS-initiated CALL; fails the scenario on a CALLERROR unless `expect_error`."""
        action = type(payload).__name__
        outcome = await self.csms.call(self.cp_id, payload)
        if outcome.error is not None and not expect_error:
            raise ScenarioFailure(f"{action} {_wire(payload)} → CALLERROR {type(outcome.error).__name__}: "
                                  f"{outcome.error.description!r} {outcome.error.details!r}")
        return outcome.result if not expect_error else outcome

    async def wait(self, action: str, timeout: float = 10, after: Optional[int] = None,
                   where: Optional[Callable[[dict], bool]] = None, what: str = "") -> Record:
        """The first CALL `action` from the charger after `after` (default: scenario start) matching `where`."""
        try:
            return await self.rec.wait_one(timeout, after=self.start_mark if after is None else after,
                                           action=action, cp_id=self.cp_id, where=where)
        except WaitTimeout:
            seen = [str(r) for r in self.rec.select(after=self.start_mark if after is None else after,
                                                      action=action, cp_id=self.cp_id)][-5:]
            raise ScenarioFailure(f"no {action}{' ' + what if what else ''} within {timeout:.0f}s; "
                                  f"{action} seen in this scenario: {seen or 'none'}") from None

    async def status(self, connector: int, status: str, timeout: float = 10, after: Optional[int] = None) -> Record:
        return await self.wait("StatusNotification", timeout, after,
                               where=lambda p: p["connectorId"] == connector and p["status"] == status,
                               what=f"connector {connector} {status}")

    async def answer_to(self, record: Record) -> dict:
        """Our CALLRESULT payload for the charger's CALL `record` (waiting for it briefly)."""
        try:
            answer = await self.rec.wait_one(5, after=record.seq, direction="csms", kind=CALLRESULT,
                                             cp_id=self.cp_id, unique_id=record.unique_id)
        except WaitTimeout:
            raise ScenarioFailure(f"the CSMS did not answer {record}") from None
        return answer.payload

    async def set_config(self, key: str, value: str) -> None:
        result = await self.call(call.ChangeConfiguration(key=key, value=value))
        check(result.status == "Accepted", f"ChangeConfiguration {key}={value} → {result.status}, expected Accepted")

    async def start_transaction(self, connector: int = 1, tag: str = "INTEROP-1", timeout: float = 20) -> tuple[int, float, Record]:
        """RemoteStartTransaction and the resulting StartTransaction: (transaction id, meterStart, record)."""
        mark = self.rec.mark
        result = await self.call(call.RemoteStartTransaction(id_tag=tag, connector_id=connector))
        check(result.status == "Accepted",
              f"RemoteStartTransaction connector {connector} idTag {tag} → {result.status}, expected Accepted")
        start = await self.wait("StartTransaction", timeout, mark,
                                where=lambda p: p["connectorId"] == connector, what=f"on connector {connector}")
        check(start.payload["idTag"] == tag, f"StartTransaction idTag {start.payload['idTag']!r}, sent {tag!r}")
        transaction_id = (await self.answer_to(start))["transactionId"]
        return transaction_id, float(start.payload["meterStart"]), start

    async def stop_transaction(self, transaction_id: int, reason: str = "Remote", timeout: float = 15) -> Record:
        mark = self.rec.mark
        result = await self.call(call.RemoteStopTransaction(transaction_id=transaction_id))
        check(result.status == "Accepted",
              f"RemoteStopTransaction transactionId {transaction_id} → {result.status}, expected Accepted")
        stop = await self.wait("StopTransaction", timeout, mark,
                               where=lambda p: p["transactionId"] == transaction_id,
                               what=f"for transaction {transaction_id}")
        check(stop.payload.get("reason", "Local") == reason,
              f"StopTransaction reason {stop.payload.get('reason', '(absent = Local)')!r}, expected {reason!r}")
        return stop

    async def transaction_meter_values(self, transaction_id: int, count: int, timeout: float,
                                       after: Optional[int] = None) -> list[Record]:
        try:
            return await self.rec.wait_for(timeout, count, after=self.start_mark if after is None else after,
                                           action="MeterValues", cp_id=self.cp_id,
                                           where=lambda p: p.get("transactionId") == transaction_id)
        except WaitTimeout:
            got = self.rec.select(after=self.start_mark if after is None else after, action="MeterValues",
                                  cp_id=self.cp_id, where=lambda p: p.get("transactionId") == transaction_id)
            raise ScenarioFailure(f"expected {count} MeterValues for transaction {transaction_id} within "
                                  f"{timeout:.0f}s, got {len(got)}") from None


def _wire(payload: Any) -> str:
    from ocpp.charge_point import remove_nones, serialize_as_dict, snake_to_camel_case
    return json.dumps(remove_nones(snake_to_camel_case(serialize_as_dict(payload))), separators=(",", ":"))


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class TransferServer:
    """A local HTTP server in a thread of the runner (stdlib `http.server` on 127.0.0.1, a free
    port): GET serves the bytes in `files` (path → bytes); PUT and POST under `/upload/` store
    the body in `uploads` (path → bytes). Every request is logged in `requests` as
    (time.monotonic(), method, path, status)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.uploads: dict[str, bytes] = {}
        self.requests: list[tuple[float, str, str, int]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (library override)
                pass

            def _answer(self, status: int, body: bytes = b"") -> None:
                server.requests.append((time.monotonic(), self.command, self.path, status))
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                if body:
                    self.send_header("Content-Type", "application/octet-stream")
                self.end_headers()
                if body and self.command != "HEAD":
                    self.wfile.write(body)

            def do_GET(self) -> None:
                body = server.files.get(urllib.parse.urlsplit(self.path).path)
                self._answer(404 if body is None else 200, body or b"")

            def _store(self) -> None:
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not path.startswith("/upload/") or path == "/upload/":
                    self._answer(404)
                    return
                server.uploads[path] = body
                self._answer(201)

            do_PUT = _store
            do_POST = _store

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="transfer-server", daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> "TransferServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def unused_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Security scenarios: test PKI and chargers of their own --------------------------------------------

AUTHORIZATION_KEY = "interop-basic-key-0123456789"  # security whitepaper §2: at least 16 characters


class Pki:
    """The run's certificates, made once with the `openssl` CLI (pki.py): the trusted test CA
    and its server certificate, an unknown CA and its server certificate, a firmware signer."""

    _made: Optional["Pki"] = None

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ca = CertificateAuthority(folder, "trusted")
        self.server = self.ca.server()
        self.unknown_ca = CertificateAuthority(folder, "unknown")
        self.unknown_server = self.unknown_ca.server()

    @classmethod
    def get(cls) -> "Pki":
        if cls._made is None:
            cls._made = Pki(Path(tempfile.mkdtemp(prefix="ocpp-interop-pki-")))
        return cls._made


class Bench:
    """A central system of its own (`csms`, often TLS) and `chargesim fleet --count 1` chargers
    started against it, each with profile settings and fleet flags of its own; `async with`
    stops the chargers and the server and fails the scenario on any schema violation."""

    def __init__(self, ctx: Context, csms: CentralSystem) -> None:
        self.ctx = ctx
        self.csms = csms
        self.processes: list[tuple[asyncio.subprocess.Process, Any]] = []
        self.folder = Path(tempfile.mkdtemp(prefix="ocpp-interop-bench-"))

    async def __aenter__(self) -> "Bench":
        await self.csms.start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        for process, log in self.processes:
            if process.returncode is None:
                process.send_signal(signal.SIGINT)
                try:
                    await asyncio.wait_for(process.wait(), 10)
                except asyncio.TimeoutError:
                    process.kill()
                    await process.wait()
            log.close()
        await self.csms.stop()
        if exc[0] is not None and self.ctx.args.verbose:
            for record in self.csms.recorder.records[-25:]:
                print(f"    {record}")
        violations = self.csms.schema_violations()
        if violations and exc[0] is None:
            raise ScenarioFailure("the ocpp package rejected charger messages: "
                                  + "; ".join(v.describe(400) for v in violations))

    async def charger(self, id_prefix: str, configuration: dict[str, str], *fleet_args: str,
                      url: Optional[str] = None) -> tuple[str, Context]:
        """Starts one charger `<id_prefix>1` (the run's profile plus `configuration`) against
        `url` (default: the bench's central system); its id and a scenario context for it."""
        profile = self.folder / f"{id_prefix}profile.yaml"
        extra = "".join(f'  {key}: "{value}"\n' for key, value in configuration.items())
        profile.write_text(Path(self.ctx.args.profile).read_text().replace("configuration:\n", "configuration:\n" + extra, 1))
        log = open(self.folder / f"{id_prefix}fleet.log", "wb")
        command = [*shlex.split(self.ctx.args.chargesim), "fleet", "--csms", url or self.csms.url, "--profile",
                   str(profile), "--count", "1", "--id-prefix", id_prefix, "--state-dir",
                   str(self.folder / f"{id_prefix}state"), "--seed", "7", *fleet_args]
        process = await asyncio.create_subprocess_exec(*command, stdout=log, stderr=asyncio.subprocess.STDOUT,
                                                       stdin=asyncio.subprocess.DEVNULL)
        self.processes.append((process, log))
        return f"{id_prefix}1", Context(self.csms, f"{id_prefix}1", self.ctx.args)

    def output(self, id_prefix: str) -> str:
        return (self.folder / f"{id_prefix}fleet.log").read_text(errors="replace")

    async def wait_output(self, id_prefix: str, text: str, timeout: float = 15) -> str:
        """The charger's output line that contains `text`, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.output(id_prefix).splitlines():
                if text in line:
                    return line
            await asyncio.sleep(0.1)
        raise ScenarioFailure(f"{id_prefix}1 did not print {text!r} within {timeout:.0f}s; its output:\n"
                              + "\n".join(self.output(id_prefix).splitlines()[-8:]))

    async def connected(self, cp_id: str, timeout: float = 20, after: int = 0,
                        where: Optional[Callable[[dict], bool]] = None) -> Record:
        """The `connected` event of `cp_id` (after `after`) matching `where`."""
        try:
            return await self.csms.recorder.wait_one(timeout, after=after, direction="event", kind=0,
                                                     action="connected", cp_id=cp_id, where=where)
        except WaitTimeout:
            events = [str(r) for r in self.csms.recorder.select(after=after, direction="event", kind=0,
                                                                 cp_id=cp_id)][-5:]
            raise ScenarioFailure(f"{cp_id} did not connect as expected within {timeout:.0f}s; its connection "
                                  f"events: {events or 'none'}") from None

    def connections(self, cp_id: str) -> list[Record]:
        return self.csms.recorder.select(direction="event", kind=0, action="connected", cp_id=cp_id)


async def security_event(ctx: Context, kind: str, timeout: float = 15, after: Optional[int] = None) -> Record:
    return await ctx.wait("SecurityEventNotification", timeout, after, where=lambda p: p["type"] == kind,
                          what=f"of type {kind}")


# Scenarios ------------------------------------------------------------------------------------

Scenario = Callable[[Context], Awaitable[None]]
SCENARIOS: list[tuple[str, Scenario]] = []


def scenario(name: str):
    def register(function: Scenario) -> Scenario:
        SCENARIOS.append((name, function))
        return function
    return register


@scenario("boot")
async def boot(ctx: Context) -> None:
    """The charger was answered Pending first (its BootNotification is retried after the
    returned interval, with no other CALL meanwhile); then Accepted, after which it reports
    connector 0 and every connector, and heartbeats at the interval Accepted gave."""
    rec = ctx.rec
    first = await ctx.wait("BootNotification", 30, after=0)
    payload = first.payload
    check(payload.get("chargePointVendor") == "Ampvia" and payload.get("chargePointModel") == "CityPost Duo 22",
          f"BootNotification identity {payload}, expected the profile's vendor Ampvia / model CityPost Duo 22")
    for key in ("firmwareVersion", "chargePointSerialNumber", "chargeBoxSerialNumber", "meterSerialNumber"):
        check(key in payload, f"BootNotification lacks {key} (the profile has it): {payload}")
    answer = await ctx.answer_to(first)
    check(answer["status"] == "Pending", f"the CSMS answered the first boot {answer['status']}, expected Pending")
    second = await ctx.wait("BootNotification", 15, after=first.seq, what="retried after Pending")
    gap = second.t - first.t
    check(ctx.csms.boot_retry_interval - 0.8 <= gap <= ctx.csms.boot_retry_interval + 2.5,
          f"BootNotification retried {gap:.1f}s after Pending with interval {ctx.csms.boot_retry_interval}s")
    others = [r for r in rec.select(after=first.seq, cp_id=ctx.cp_id) if r.seq < second.seq
              and r.action != "BootNotification"]
    check(not others, f"CALLs sent while Pending: {[str(r) for r in others]}")
    # The runner switched to Accepted once the first boot was seen; wait for the accepted boot.
    accepted = second
    while (await ctx.answer_to(accepted))["status"] != "Accepted":
        accepted = await ctx.wait("BootNotification", 15, after=accepted.seq, what="after Pending")
    for connector in (0, 1, 2):
        report = await ctx.wait("StatusNotification", 10, after=accepted.seq,
                                where=lambda p, c=connector: p["connectorId"] == c,
                                what=f"for connector {connector} after the accepted boot")
        check(report.payload["status"] == "Available" and report.payload["errorCode"] == "NoError",
              f"connector {connector} reported {report.payload}, expected Available/NoError")
    # Heartbeats at the interval from the accepted boot, then a live change of HeartbeatInterval.
    interval = (await ctx.answer_to(accepted))["interval"]
    beats = await ctx.rec.wait_for(interval * 2 + 6, 2, after=accepted.seq, action="Heartbeat", cp_id=ctx.cp_id)
    gap = beats[1].t - beats[0].t
    check(interval - 1 <= gap <= interval + 1.5, f"Heartbeats {gap:.1f}s apart, BootNotification interval {interval}s")
    ctx.csms.heartbeat_interval = 600  # what later boots (Reset, TriggerMessage) are answered
    await ctx.set_config("HeartbeatInterval", "600")
    mark = rec.mark
    await asyncio.sleep(interval + 1.5)
    late = rec.select(after=mark, action="Heartbeat", cp_id=ctx.cp_id)
    check(not late, f"Heartbeat still sent after HeartbeatInterval=600: {[str(r) for r in late]}")


@scenario("configuration")
async def configuration(ctx: Context) -> None:
    """GetConfiguration (all, listed, unknown) and ChangeConfiguration (Accepted, Rejected for a
    read-only key and a bad value, NotSupported for an unknown key)."""
    everything = await ctx.call(call.GetConfiguration())
    keys = {entry["key"]: entry for entry in everything.configuration_key or []}
    for key in ("HeartbeatInterval", "MeterValueSampleInterval", "NumberOfConnectors", "SupportedFeatureProfiles",
                "AuthorizeRemoteTxRequests", "LocalAuthListMaxLength", "ChargeProfileMaxStackLevel"):
        check(key in keys, f"GetConfiguration (all) lacks {key}; got {sorted(keys)}")
    check(keys["NumberOfConnectors"].get("value") == "2", f"NumberOfConnectors {keys['NumberOfConnectors']}, expected 2")
    check(keys["NumberOfConnectors"].get("readonly") is True, f"NumberOfConnectors not read-only: {keys['NumberOfConnectors']}")
    check(keys["HeartbeatInterval"].get("readonly") is False, f"HeartbeatInterval read-only: {keys['HeartbeatInterval']}")
    check(keys["HeartbeatInterval"].get("value") == "600", f"HeartbeatInterval {keys['HeartbeatInterval']}, set to 600")
    features = set(keys["SupportedFeatureProfiles"].get("value", "").split(","))
    check({"Core", "SmartCharging", "Reservation", "RemoteTrigger"} <= features,
          f"SupportedFeatureProfiles {features}")
    check(not everything.unknown_key, f"GetConfiguration (all) reported unknown keys {everything.unknown_key}")

    listed = await ctx.call(call.GetConfiguration(key=["MeterValueSampleInterval", "ConnectionTimeOut"]))
    got = sorted(entry["key"] for entry in listed.configuration_key or [])
    check(got == ["ConnectionTimeOut", "MeterValueSampleInterval"], f"GetConfiguration (listed) gave keys {got}")
    check(not listed.unknown_key, f"GetConfiguration (listed) unknownKey {listed.unknown_key}")

    unknown = await ctx.call(call.GetConfiguration(key=["InteropNoSuchKey", "HeartbeatInterval"]))
    check(unknown.unknown_key == ["InteropNoSuchKey"], f"GetConfiguration unknownKey {unknown.unknown_key}")
    check([e["key"] for e in unknown.configuration_key or []] == ["HeartbeatInterval"],
          f"GetConfiguration with an unknown key gave {unknown.configuration_key}")

    for key, value, expected in (
        ("ConnectionTimeOut", "45", "Accepted"),
        ("NumberOfConnectors", "5", "Rejected"),
        ("HeartbeatInterval", "soon", "Rejected"),
        ("InteropNoSuchKey", "1", "NotSupported"),
    ):
        result = await ctx.call(call.ChangeConfiguration(key=key, value=value))
        check(result.status == expected, f"ChangeConfiguration {key}={value!r} → {result.status}, expected {expected}")
    readback = await ctx.call(call.GetConfiguration(key=["ConnectionTimeOut", "NumberOfConnectors"]))
    values = {e["key"]: e.get("value") for e in readback.configuration_key or []}
    check(values == {"ConnectionTimeOut": "45", "NumberOfConnectors": "2"}, f"after the changes: {values}")


@scenario("remote-start-stop")
async def remote_start_stop(ctx: Context) -> None:
    """RemoteStartTransaction → Preparing, StartTransaction, Charging, MeterValues every
    MeterValueSampleInterval (set live to 5 s) with a rising energy register → RemoteStop →
    StopTransaction reason Remote with meterStop ≥ meterStart."""
    await ctx.set_config("MeterValueSampleInterval", "5")
    mark = ctx.rec.mark
    transaction_id, meter_start, start = await ctx.start_transaction(1, "INTEROP-1")
    auths = ctx.rec.select(after=mark, action="Authorize", cp_id=ctx.cp_id)
    check(bool(auths) and auths[0].seq < start.seq,
          "AuthorizeRemoteTxRequests=true but no Authorize before StartTransaction")
    preparing = await ctx.status(1, "Preparing", 5, after=mark)
    check(preparing.seq < start.seq, "Preparing reported after StartTransaction")
    await ctx.status(1, "Charging", 10, after=mark)
    values = await ctx.transaction_meter_values(transaction_id, 3, 20, after=start.seq)
    periodic = [r for r in values if all(s.context == "Sample.Periodic" for s in samples(r.payload))]
    energies = [energy_of(r.payload) for r in values]
    check(all(e is not None for e in energies), f"MeterValues without {ENERGY}: {[str(r) for r in values]}")
    check(all(b >= a for a, b in zip(energies, energies[1:])) and energies[-1] > energies[0],
          f"energy register not rising: {energies}")
    check(energies[0] >= meter_start, f"first MeterValues energy {energies[0]} < meterStart {meter_start}")
    stamps = [samples(r.payload)[0].timestamp for r in periodic]
    gaps = [(b - a).total_seconds() for a, b in zip(stamps, stamps[1:])]
    check(len(gaps) >= 1 and all(4 <= g <= 6.5 for g in gaps),
          f"periodic samples {gaps} s apart with MeterValueSampleInterval=5")
    # MeterValuesSampledData of the profile, each with its unit, on the outlet, per phase where AC has phases.
    expected_units = {ENERGY: "Wh", "Power.Active.Import": "W", "Power.Offered": "W", "Current.Import": "A",
                      "Voltage": "V"}
    for record in values:
        for meter_value in record.payload["meterValue"]:
            seen: dict[str, list] = {}
            for sampled in meter_value["sampledValue"]:
                measurand = sampled.get("measurand", ENERGY)
                seen.setdefault(measurand, []).append(sampled.get("phase"))
                check(sampled.get("unit", "Wh") == expected_units.get(measurand, sampled.get("unit")),
                      f"{measurand} in unit {sampled.get('unit')}, expected {expected_units.get(measurand)}")
                check(sampled.get("context", "Sample.Periodic") == "Sample.Periodic",
                      f"periodic sample with context {sampled.get('context')}")
            check(set(seen) == set(expected_units),
                  f"MeterValues measurands {sorted(seen)}, MeterValuesSampledData asks for {sorted(expected_units)}")
            check(sorted(seen["Current.Import"]) == ["L1", "L2", "L3"],
                  f"Current.Import phases {seen['Current.Import']} on a three-phase connector")
    before_stop = ctx.rec.mark
    stop = await ctx.stop_transaction(transaction_id, "Remote")
    meter_stop = float(stop.payload["meterStop"])
    contexts = {s.context for s in samples(stop.payload)}
    check({"Transaction.Begin", "Transaction.End"} <= contexts,
          f"StopTransaction transactionData contexts {contexts} (StopTxnSampledData is set)")
    check(meter_stop >= meter_start, f"meterStop {meter_stop} < meterStart {meter_start}")
    check(meter_stop >= energies[-1], f"meterStop {meter_stop} < last MeterValues energy {energies[-1]}")
    check(stop.payload.get("idTag") in (None, "INTEROP-1"), f"StopTransaction idTag {stop.payload.get('idTag')}")
    await ctx.status(1, "Finishing", 10, after=before_stop)
    ctx.note(f"transaction {transaction_id}: {meter_start:.0f} → {meter_stop:.0f} Wh, samples {gaps} s apart")


@scenario("trigger-message")
async def trigger_message(ctx: Context) -> None:
    """TriggerMessage for every trigger: Accepted, then the requested message."""
    expectations = [
        (MessageTrigger.boot_notification, None, "BootNotification", None),
        (MessageTrigger.heartbeat, None, "Heartbeat", None),
        (MessageTrigger.status_notification, 2, "StatusNotification", lambda p: p["connectorId"] == 2),
        (MessageTrigger.status_notification, None, "StatusNotification", lambda p: p["connectorId"] == 0),
        (MessageTrigger.meter_values, 1, "MeterValues", lambda p: p["connectorId"] == 1),
        (MessageTrigger.firmware_status_notification, None, "FirmwareStatusNotification",
         lambda p: p["status"] == "Idle"),
        (MessageTrigger.diagnostics_status_notification, None, "DiagnosticsStatusNotification",
         lambda p: p["status"] == "Idle"),
    ]
    for trigger, connector, action, where in expectations:
        mark = ctx.rec.mark
        result = await ctx.call(call.TriggerMessage(requested_message=trigger, connector_id=connector))
        check(result.status == "Accepted", f"TriggerMessage {trigger.value} connector {connector} → {result.status}")
        got = await ctx.wait(action, 8, mark, where=where, what=f"after TriggerMessage {trigger.value}")
        if action == "MeterValues":
            contexts = {s.context for s in samples(got.payload)}
            check(contexts == {"Trigger"}, f"triggered MeterValues context {contexts}, expected Trigger")
        if action == "StatusNotification" and connector is None:
            # §5.17: without a connector id, the message for every connector (0 included).
            for other in (1, 2):
                await ctx.wait(action, 5, mark, where=lambda p, c=other: p["connectorId"] == c,
                               what=f"for connector {other} after TriggerMessage StatusNotification (all)")


@scenario("data-transfer")
async def data_transfer(ctx: Context) -> None:
    """DataTransfer with an unknown vendor → UnknownVendorId; with the profile's vendor → Accepted."""
    unknown = await ctx.call(call.DataTransfer(vendor_id="org.example.nobody", message_id="x", data="{}"))
    check(unknown.status == "UnknownVendorId", f"DataTransfer unknown vendor → {unknown.status}")
    known = await ctx.call(call.DataTransfer(vendor_id="com.ampvia", message_id="ping"))
    check(known.status == "Accepted", f"DataTransfer vendor com.ampvia (in the profile) → {known.status}")


@scenario("clear-cache")
async def clear_cache(ctx: Context) -> None:
    """ClearCache → Accepted."""
    result = await ctx.call(call.ClearCache())
    check(result.status == "Accepted", f"ClearCache → {result.status}")


@scenario("local-list")
async def local_list(ctx: Context) -> None:
    """GetLocalListVersion, SendLocalList Full then Differential, with versions."""
    initial = await ctx.call(call.GetLocalListVersion())
    check(initial.list_version == 0, f"GetLocalListVersion before any list → {initial.list_version}, expected 0")
    accepted = {"status": "Accepted"}
    full = await ctx.call(call.SendLocalList(list_version=3, update_type=UpdateType.full, local_authorization_list=[
        {"id_tag": "LOCAL-A", "id_tag_info": accepted},
        {"id_tag": "LOCAL-B", "id_tag_info": accepted},
        {"id_tag": "LOCAL-C", "id_tag_info": {"status": "Blocked"}},
    ]))
    check(full.status == "Accepted", f"SendLocalList Full v3 → {full.status}")
    version = await ctx.call(call.GetLocalListVersion())
    check(version.list_version == 3, f"GetLocalListVersion after Full v3 → {version.list_version}")
    differential = await ctx.call(call.SendLocalList(
        list_version=4, update_type=UpdateType.differential,
        local_authorization_list=[{"id_tag": "LOCAL-D", "id_tag_info": accepted}, {"id_tag": "LOCAL-B"}]))
    check(differential.status == "Accepted", f"SendLocalList Differential v4 → {differential.status}")
    version = await ctx.call(call.GetLocalListVersion())
    check(version.list_version == 4, f"GetLocalListVersion after Differential v4 → {version.list_version}")


@scenario("reservation")
async def reservation(ctx: Context) -> None:
    """ReserveNow → Reserved → CancelReservation → Available; an unknown reservation is Rejected."""
    mark = ctx.rec.mark
    expiry = iso(datetime.now(timezone.utc) + timedelta(minutes=10))
    result = await ctx.call(call.ReserveNow(connector_id=2, expiry_date=expiry, id_tag="RES-1", reservation_id=71))
    check(result.status == "Accepted", f"ReserveNow connector 2 → {result.status}")
    reserved = await ctx.status(2, "Reserved", 8, after=mark)
    cancel = await ctx.call(call.CancelReservation(reservation_id=71))
    check(cancel.status == "Accepted", f"CancelReservation 71 → {cancel.status}")
    await ctx.status(2, "Available", 8, after=reserved.seq)
    unknown = await ctx.call(call.CancelReservation(reservation_id=9999))
    check(unknown.status == "Rejected", f"CancelReservation of an unknown id → {unknown.status}")


@scenario("change-availability")
async def change_availability(ctx: Context) -> None:
    """Inoperative → Unavailable and back; during a transaction Scheduled, applied once it ends."""
    mark = ctx.rec.mark
    result = await ctx.call(call.ChangeAvailability(connector_id=2, type=AvailabilityType.inoperative))
    check(result.status == "Accepted", f"ChangeAvailability 2 Inoperative (idle) → {result.status}")
    down = await ctx.status(2, "Unavailable", 8, after=mark)
    result = await ctx.call(call.ChangeAvailability(connector_id=2, type=AvailabilityType.operative))
    check(result.status == "Accepted", f"ChangeAvailability 2 Operative → {result.status}")
    await ctx.status(2, "Available", 8, after=down.seq)

    transaction_id, _, start = await ctx.start_transaction(1, "INTEROP-2")
    await ctx.status(1, "Charging", 10, after=start.seq - 1)
    result = await ctx.call(call.ChangeAvailability(connector_id=1, type=AvailabilityType.inoperative))
    check(result.status == "Scheduled", f"ChangeAvailability 1 Inoperative during a transaction → {result.status}")
    await asyncio.sleep(1)
    early = ctx.rec.select(after=start.seq, action="StatusNotification", cp_id=ctx.cp_id,
                           where=lambda p: p["connectorId"] == 1 and p["status"] == "Unavailable")
    check(not early, "connector 1 went Unavailable while its transaction ran")
    before_stop = ctx.rec.mark
    await ctx.stop_transaction(transaction_id)
    down = await ctx.status(1, "Unavailable", 10, after=before_stop)
    result = await ctx.call(call.ChangeAvailability(connector_id=1, type=AvailabilityType.operative))
    check(result.status == "Accepted", f"ChangeAvailability 1 Operative → {result.status}")
    back = await ctx.wait("StatusNotification", 8, down.seq, where=lambda p: p["connectorId"] == 1,
                          what="for connector 1 after Operative")
    check(back.payload["status"] != "Unavailable", f"connector 1 after Operative: {back.payload}")


@scenario("unlock-connector")
async def unlock_connector(ctx: Context) -> None:
    """UnlockConnector on an idle connector → Unlocked; during a transaction → Unlocked and
    StopTransaction reason UnlockCommand."""
    result = await ctx.call(call.UnlockConnector(connector_id=2))
    check(result.status == "Unlocked", f"UnlockConnector 2 (idle) → {result.status}")
    transaction_id, _, start = await ctx.start_transaction(1, "INTEROP-3")
    result = await ctx.call(call.UnlockConnector(connector_id=1))
    check(result.status == "Unlocked", f"UnlockConnector 1 during transaction {transaction_id} → {result.status}")
    stop = await ctx.wait("StopTransaction", 10, start.seq, where=lambda p: p["transactionId"] == transaction_id)
    check(stop.payload.get("reason") == "UnlockCommand", f"StopTransaction after UnlockConnector: {stop.payload}")


@scenario("smart-charging")
async def smart_charging(ctx: Context) -> None:
    """SetChargingProfile TxProfile 6 A on the 32 A connector during a transaction → the first
    MeterValues sampled after it show Current.Import ≈ 6 A per phase; GetCompositeSchedule gives
    6 A; ClearChargingProfile brings the full current back."""
    await ctx.set_config("MeterValueSampleInterval", "2")
    transaction_id, _, start = await ctx.start_transaction(1, "INTEROP-4")
    try:
        before = (await ctx.transaction_meter_values(transaction_id, 1, 8, after=start.seq))[-1]
        unlimited = currents(before.payload)
        check(unlimited and max(unlimited.values()) > 12,
              f"Current.Import before the limit {unlimited} (expected the EV's 32 A three-phase draw)")
        profile = datatypes.ChargingProfile(
            charging_profile_id=601, stack_level=1,
            charging_profile_purpose=ChargingProfilePurposeType.tx_profile,
            charging_profile_kind=ChargingProfileKindType.relative,
            transaction_id=transaction_id,
            charging_schedule=datatypes.ChargingSchedule(
                charging_rate_unit=ChargingRateUnitType.amps,
                charging_schedule_period=[datatypes.ChargingSchedulePeriod(start_period=0, limit=6.0)]))
        mark = ctx.rec.mark
        outcome = await ctx.call(call.SetChargingProfile(connector_id=1, cs_charging_profiles=profile),
                                 expect_error=True)
        check(outcome.error is None,
              f"SetChargingProfile TxProfile 6 A → CALLERROR {type(outcome.error).__name__}: "
              f"{getattr(outcome.error, 'description', '')!r} (the charger does not handle SmartCharging yet)")
        check(outcome.result.status == "Accepted", f"SetChargingProfile TxProfile 6 A → {outcome.result.status}")
        accepted_at = parse_time(ctx.rec.select(after=mark, direction="cp", kind=CALLRESULT, cp_id=ctx.cp_id,
                                                action="SetChargingProfile")[0].wall)
        # The first sample taken after the profile was accepted (within one interval) shows the limit.
        limited = await ctx.wait("MeterValues", 2 + 2, mark,
                                 where=lambda p: p.get("transactionId") == transaction_id
                                 and samples(p)[0].timestamp > accepted_at,
                                 what="sampled after SetChargingProfile was accepted")
        amps = currents(limited.payload)
        check(amps and all(abs(a - 6) <= 0.6 for a in amps.values()),
              f"Current.Import after a 6 A TxProfile: {amps} (before: {unlimited})")
        composite = await ctx.call(call.GetCompositeSchedule(connector_id=1, duration=300,
                                                             charging_rate_unit=ChargingRateUnitType.amps))
        check(composite.status == "Accepted", f"GetCompositeSchedule → {composite.status}")
        periods = (composite.charging_schedule or {}).get("charging_schedule_period", [])
        check(periods and abs(float(periods[0]["limit"]) - 6) < 0.01,
              f"GetCompositeSchedule periods {periods}, expected a first limit of 6 A")
        mark = ctx.rec.mark
        cleared = await ctx.call(call.ClearChargingProfile(id=601))
        check(cleared.status == "Accepted", f"ClearChargingProfile id 601 → {cleared.status}")
        restored = await ctx.transaction_meter_values(transaction_id, 2, 8, after=mark)
        restored_amps = currents(restored[-1].payload)
        check(restored_amps and max(restored_amps.values()) > 12,
              f"Current.Import after ClearChargingProfile: {restored_amps}")
        ctx.note(f"Current.Import {unlimited} → 6 A TxProfile → {amps} → cleared → {restored_amps}")
    finally:
        await ctx.stop_transaction(transaction_id)


@scenario("reset-soft")
async def reset_soft(ctx: Context) -> None:
    """Reset Soft during a transaction → StopTransaction reason SoftReset, the connection drops,
    a new BootNotification and StatusNotifications."""
    transaction_id, _, start = await ctx.start_transaction(1, "INTEROP-5")
    mark = ctx.rec.mark
    result = await ctx.call(call.Reset(type=ResetType.soft))
    check(result.status == "Accepted", f"Reset Soft → {result.status}")
    stop = await ctx.wait("StopTransaction", 20, mark, where=lambda p: p["transactionId"] == transaction_id)
    check(stop.payload.get("reason") == "SoftReset", f"StopTransaction after Reset Soft: {stop.payload}")
    boot = await ctx.wait("BootNotification", 20, mark, what="after Reset Soft")
    dropped = ctx.rec.select(after=mark, direction="event", kind=0, action="disconnected", cp_id=ctx.cp_id)
    check(bool(dropped) and dropped[0].seq < boot.seq, "no reconnect between the reset and the new BootNotification")
    for connector in (0, 1, 2):
        await ctx.wait("StatusNotification", 10, boot.seq, where=lambda p, c=connector: p["connectorId"] == c,
                       what=f"for connector {connector} after the reboot")
    # §5.14: on a soft reset the charger stops its transactions and sends StopTransaction, then restarts.
    check(stop.seq < dropped[0].seq,
          f"StopTransaction (reason SoftReset, stamped {stop.payload['timestamp']}) was sent only after the reboot "
          f"(connection closed at {dropped[0].wall}, BootNotification at {boot.wall}, StopTransaction at {stop.wall}); "
          "OCPP 1.6 §5.14: stop the transactions and send StopTransaction, then restart")


@scenario("reset-hard")
async def reset_hard(ctx: Context) -> None:
    """Reset Hard during a transaction → reboot, BootNotification, and StopTransaction reason
    HardReset (§5.14: sent after the restart at the latest)."""
    transaction_id, _, start = await ctx.start_transaction(1, "INTEROP-8")
    mark = ctx.rec.mark
    result = await ctx.call(call.Reset(type=ResetType.hard))
    check(result.status == "Accepted", f"Reset Hard → {result.status}")
    boot = await ctx.wait("BootNotification", 20, mark, what="after Reset Hard")
    stop = await ctx.wait("StopTransaction", 20, mark, where=lambda p: p["transactionId"] == transaction_id)
    check(stop.payload.get("reason") == "HardReset", f"StopTransaction after Reset Hard: {stop.payload}")
    for connector in (0, 1, 2):
        await ctx.wait("StatusNotification", 10, boot.seq, where=lambda p, c=connector: p["connectorId"] == c,
                       what=f"for connector {connector} after the reboot")


@scenario("get-diagnostics")
async def get_diagnostics(ctx: Context) -> None:
    """GetDiagnostics to a local HTTP upload server: the confirmation names the file,
    DiagnosticsStatusNotification Uploading → Uploaded, and the file (JSON naming the charge
    point) landed at location + fileName; an upload to a port nothing listens on (retries 1) →
    Uploading → UploadFailed."""
    with TransferServer() as server:
        mark = ctx.rec.mark
        since = datetime.now(timezone.utc) - timedelta(hours=1)
        result = await ctx.call(call.GetDiagnostics(location=server.url("/upload/"), retries=2, retry_interval=5,
                                                    start_time=iso(since)))
        file_name = result.file_name
        check(bool(file_name), f"GetDiagnostics → fileName {file_name!r}, expected a name")
        await ctx.wait("DiagnosticsStatusNotification", 20, mark, where=lambda p: p["status"] != "Uploading",
                       what="ending the upload")
        statuses = [r.payload["status"] for r in ctx.rec.select(after=mark, action="DiagnosticsStatusNotification",
                                                                 cp_id=ctx.cp_id)]
        check(statuses == ["Uploading", "Uploaded"],
              f"DiagnosticsStatusNotification {statuses}, expected Uploading → Uploaded "
              f"(server saw {server.requests})")
        path = f"/upload/{file_name}"
        check(path in server.uploads, f"nothing uploaded to {path}; the server saw {server.requests}")
        methods = [method for _, method, p, _ in server.requests if urllib.parse.unquote(p) == path]
        body = server.uploads[path]
        try:
            report = json.loads(body)
        except ValueError as error:
            raise ScenarioFailure(f"the uploaded {path} is no JSON ({error}): {body[:200]!r}") from None
        check(ctx.cp_id in body.decode("utf-8", "replace") and report.get("chargePointId") == ctx.cp_id,
              f"the uploaded report names charge point {report.get('chargePointId')!r}, expected {ctx.cp_id!r}")
        check(bool(report.get("messages")), "the uploaded report has no OCPP messages (the last hour was asked for)")

        mark = ctx.rec.mark
        nowhere = f"http://127.0.0.1:{unused_port()}/upload/"
        result = await ctx.call(call.GetDiagnostics(location=nowhere, retries=1, retry_interval=1))
        check(bool(result.file_name), f"GetDiagnostics to {nowhere} → fileName {result.file_name!r}")
        await ctx.wait("DiagnosticsStatusNotification", 20, mark, where=lambda p: p["status"] != "Uploading",
                       what=f"ending the upload to {nowhere}")
        failed = [r.payload["status"] for r in ctx.rec.select(after=mark, action="DiagnosticsStatusNotification",
                                                               cp_id=ctx.cp_id)]
        check(failed == ["Uploading", "UploadFailed"],
              f"upload to {nowhere} (nothing listening, retries 1): {failed}, expected Uploading → UploadFailed")
    ctx.note(f"{methods} {path}: {len(body)} bytes of JSON, {len(report['messages'])} messages; "
             f"unreachable → {' → '.join(failed)}")


@scenario("update-firmware")
async def update_firmware(ctx: Context) -> None:
    """UpdateFirmware from a port nothing listens on (retries 1) → Downloading → DownloadFailed;
    then from a local HTTP server (retrieveDate now): the GET reaches it, FirmwareStatusNotification
    Downloading → Downloaded → Installing → Installed, the charger reboots and its new
    BootNotification carries firmwareVersion 2.1.0 (from the file name)."""
    boots = ctx.rec.select(action="BootNotification", cp_id=ctx.cp_id)
    old_version = boots[-1].payload.get("firmwareVersion") if boots else None
    check(old_version != "2.1.0", f"the charger already runs firmware {old_version} before the update")
    nowhere = f"http://127.0.0.1:{unused_port()}/fw/fw-9.9.9.bin"
    mark = ctx.rec.mark
    await ctx.call(call.UpdateFirmware(location=nowhere, retrieve_date=iso(datetime.now(timezone.utc)), retries=1,
                                       retry_interval=1))
    await ctx.wait("FirmwareStatusNotification", 20, mark, where=lambda p: p["status"] != "Downloading",
                   what=f"ending the download from {nowhere}")
    failed = [r.payload["status"] for r in ctx.rec.select(after=mark, action="FirmwareStatusNotification",
                                                           cp_id=ctx.cp_id)]
    check(failed == ["Downloading", "DownloadFailed"],
          f"download from {nowhere} (nothing listening, retries 1): {failed}, expected Downloading → DownloadFailed")

    with TransferServer() as server:
        path = "/fw/fw-2.1.0.bin"
        server.files[path] = bytes(range(256)) * 64
        mark = ctx.rec.mark
        before = time.monotonic()
        await ctx.call(call.UpdateFirmware(location=server.url(path), retrieve_date=iso(datetime.now(timezone.utc)),
                                           retries=2, retry_interval=5))
        installed = await ctx.wait("FirmwareStatusNotification", 30, mark,
                                   where=lambda p: p["status"] not in ("Downloading", "Downloaded", "Installing"),
                                   what="ending the update")
        gets = [(t, status) for t, method, p, status in server.requests if method == "GET" and p == path]
    statuses = [r.payload["status"] for r in ctx.rec.select(after=mark, action="FirmwareStatusNotification",
                                                             cp_id=ctx.cp_id)]
    check(statuses == ["Downloading", "Downloaded", "Installing", "Installed"],
          f"FirmwareStatusNotification {statuses}, expected Downloading → Downloaded → Installing → Installed")
    check(bool(gets), f"the charger never GET {path}; the server saw {server.requests}")
    downloaded = ctx.rec.select(after=mark, action="FirmwareStatusNotification", cp_id=ctx.cp_id,
                                where=lambda p: p["status"] == "Downloaded")[0]
    check(before <= gets[0][0] <= downloaded.t, "the GET did not happen between UpdateFirmware and Downloaded")
    installing = ctx.rec.select(after=mark, action="FirmwareStatusNotification", cp_id=ctx.cp_id,
                                where=lambda p: p["status"] == "Installing")[0]
    boot = await ctx.wait("BootNotification", 30, installed.seq, what="after Installed (the reboot)")
    dropped = ctx.rec.select(after=installed.seq, direction="event", kind=0, action="disconnected", cp_id=ctx.cp_id)
    check(bool(dropped) and dropped[0].seq < boot.seq, "no reconnect between Installed and the new BootNotification")
    version = boot.payload.get("firmwareVersion")
    check(version == "2.1.0", f"BootNotification after the update has firmwareVersion {version!r}, expected '2.1.0'")
    for connector in (0, 1, 2):
        await ctx.wait("StatusNotification", 10, boot.seq, where=lambda p, c=connector: p["connectorId"] == c,
                       what=f"for connector {connector} after the reboot")
    ctx.note(f"unreachable → {' → '.join(failed)}; GET {path} {gets[0][1]} ({len(gets)}x); "
             f"installing {installed.t - installing.t:.1f}s; reboot {boot.t - installed.t:.1f}s; "
             f"BootNotification firmwareVersion {old_version} → {version}")


@scenario("extended-trigger")
async def extended_trigger(ctx: Context) -> None:
    """ExtendedTriggerMessage (security extension) for every requestedMessage: Accepted, then the
    message it names (FirmwareStatusNotification → SignedFirmwareStatusNotification,
    SignChargePointCertificate → SignCertificate with a CSR for this charge point)."""
    expectations = [
        (MessageTrigger.boot_notification, None, "BootNotification", None),
        (MessageTrigger.log_status_notification, None, "LogStatusNotification", lambda p: p["status"] == "Idle"),
        (MessageTrigger.firmware_status_notification, None, "SignedFirmwareStatusNotification",
         lambda p: p["status"] == "Idle"),
        (MessageTrigger.heartbeat, None, "Heartbeat", None),
        (MessageTrigger.meter_values, 1, "MeterValues", lambda p: p["connectorId"] == 1),
        (MessageTrigger.sign_charge_point_certificate, None, "SignCertificate", None),
        (MessageTrigger.status_notification, 2, "StatusNotification", lambda p: p["connectorId"] == 2),
    ]
    for trigger, connector, action, where in expectations:
        mark = ctx.rec.mark
        result = await ctx.call(call.ExtendedTriggerMessage(requested_message=trigger, connector_id=connector))
        check(result.status == "Accepted",
              f"ExtendedTriggerMessage {trigger.value} connector {connector} → {result.status}")
        got = await ctx.wait(action, 8, mark, where=where, what=f"after ExtendedTriggerMessage {trigger.value}")
        if action == "SignCertificate":
            subject = csr_subject(got.payload["csr"], Pki.get().folder)
            check(subject.get("CN") == ctx.cp_id, f"the SignCertificate CSR's subject is {subject}, "
                                                  f"expected CN {ctx.cp_id}")
    rejected = await ctx.call(call.ExtendedTriggerMessage(requested_message=MessageTrigger.meter_values,
                                                          connector_id=9))
    check(rejected.status == "Rejected", f"ExtendedTriggerMessage MeterValues connector 9 → {rejected.status}")


@scenario("get-log")
async def get_log(ctx: Context) -> None:
    """GetLog SecurityLog and DiagnosticsLog to a local HTTP server: Accepted with a file name,
    LogStatusNotification Uploading → Uploaded (with the requestId), the file arrived non-empty
    (the security log lists the charger's StartupOfTheDevice)."""
    notes = []
    with TransferServer() as server:
        for request_id, log_type in ((301, Log.security_log), (302, Log.diagnostics_log)):
            mark = ctx.rec.mark
            since = iso(datetime.now(timezone.utc) - timedelta(hours=1))
            result = await ctx.call(call.GetLog(log={"remoteLocation": server.url("/upload/"), "oldestTimestamp": since},
                                                log_type=log_type, request_id=request_id, retries=1, retry_interval=2))
            check(result.status == "Accepted" and bool(result.filename),
                  f"GetLog {log_type.value} → {result.status} filename {result.filename!r}")
            await ctx.wait("LogStatusNotification", 20, mark, where=lambda p: p["status"] != "Uploading",
                           what=f"ending the {log_type.value} upload")
            reports = [r.payload for r in ctx.rec.select(after=mark, action="LogStatusNotification", cp_id=ctx.cp_id)]
            check([p["status"] for p in reports] == ["Uploading", "Uploaded"],
                  f"LogStatusNotification {reports}, expected Uploading → Uploaded (server saw {server.requests})")
            check(all(p.get("requestId") == request_id for p in reports),
                  f"LogStatusNotification requestIds {[p.get('requestId') for p in reports]}, GetLog had {request_id}")
            path = f"/upload/{result.filename}"
            body = server.uploads.get(path, b"")
            check(bool(body), f"nothing (or an empty file) uploaded to {path}; the server saw {server.requests}")
            if log_type == Log.security_log:
                check(b"StartupOfTheDevice" in body, f"the security log has no StartupOfTheDevice: {body[:300]!r}")
            notes.append(f"{log_type.value} {path} {len(body)} bytes")
    ctx.note("; ".join(notes))


@scenario("signed-update-firmware")
async def signed_update_firmware(ctx: Context) -> None:
    """SignedUpdateFirmware, the signing certificate issued by a test CA installed as
    ManufacturerRootCertificate, the signature by `openssl dgst -sha256 -sign`: a certificate from
    an unknown CA → InvalidCertificate; a tampered signature → Downloading → Downloaded →
    InvalidSignature; a valid one → … SignatureVerified → Installing → Installed, then the reboot
    into firmwareVersion 3.0.0."""
    pki = Pki.get()
    installed = await ctx.call(call.InstallCertificate(certificate_type=CertificateUse.manufacturer_root_certificate,
                                                       certificate=pki.ca.pem))
    check(installed.status == "Accepted", f"InstallCertificate ManufacturerRootCertificate → {installed.status}")
    signer = pki.ca.firmware_signer()
    stranger = pki.unknown_ca.firmware_signer()
    firmware = bytes(range(256)) * 32
    with TransferServer() as server:
        path = "/fw/fw-3.0.0.bin"
        server.files[path] = firmware
        now = iso(datetime.now(timezone.utc))

        def request(request_id: int, certificate: str, signature: str):
            return call.SignedUpdateFirmware(request_id=request_id, retries=1, retry_interval=2, firmware={
                "location": server.url(path), "retrieveDateTime": now, "signingCertificate": certificate,
                "signature": signature})

        unknown = await ctx.call(request(401, stranger.pem, sign_file(firmware, stranger, pki.folder)))
        check(unknown.status == "InvalidCertificate",
              f"SignedUpdateFirmware signed by a certificate of an unknown CA → {unknown.status}")
        await security_event(ctx, "InvalidFirmwareSigningCertificate", 8)

        mark = ctx.rec.mark
        tampered = sign_file(firmware + b"tampered", signer, pki.folder)
        result = await ctx.call(request(402, signer.pem, tampered))
        check(result.status == "Accepted", f"SignedUpdateFirmware (tampered signature) → {result.status}")
        await ctx.wait("SignedFirmwareStatusNotification", 20, mark,
                       where=lambda p: p["status"] not in ("Downloading", "Downloaded"), what="ending the update")
        statuses = [(r.payload["status"], r.payload.get("requestId"))
                    for r in ctx.rec.select(after=mark, action="SignedFirmwareStatusNotification", cp_id=ctx.cp_id)]
        check(statuses == [("Downloading", 402), ("Downloaded", 402), ("InvalidSignature", 402)],
              f"SignedFirmwareStatusNotification (status, requestId) {statuses}, expected Downloading → Downloaded "
              "→ InvalidSignature for requestId 402")
        await security_event(ctx, "InvalidFirmwareSignature", 8, mark)

        mark = ctx.rec.mark
        result = await ctx.call(request(403, signer.pem, sign_file(firmware, signer, pki.folder)))
        check(result.status == "Accepted", f"SignedUpdateFirmware (valid) → {result.status}")
        ended = await ctx.wait("SignedFirmwareStatusNotification", 30, mark,
                               where=lambda p: p["status"] in ("Installed", "InstallationFailed", "InvalidSignature",
                                                               "DownloadFailed"), what="ending the update")
    statuses = [r.payload["status"] for r in ctx.rec.select(after=mark, action="SignedFirmwareStatusNotification",
                                                             cp_id=ctx.cp_id)]
    check(statuses == ["Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed"],
          f"SignedFirmwareStatusNotification {statuses}, expected Downloading → Downloaded → SignatureVerified → "
          "Installing → Installed")
    plain = ctx.rec.select(after=mark, action="FirmwareStatusNotification", cp_id=ctx.cp_id)
    check(not plain, f"FirmwareStatusNotification during a signed update: {[str(r) for r in plain]}")
    boot = await ctx.wait("BootNotification", 30, ended.seq, what="after Installed (the reboot)")
    version = boot.payload.get("firmwareVersion")
    check(version == "3.0.0", f"BootNotification after the signed update has firmwareVersion {version!r}")
    for connector in (0, 1, 2):
        await ctx.wait("StatusNotification", 10, boot.seq, where=lambda p, c=connector: p["connectorId"] == c,
                       what=f"for connector {connector} after the reboot")
    await security_event(ctx, "FirmwareUpdated", 10, mark)
    ctx.note(f"unknown CA → InvalidCertificate; tampered → InvalidSignature; valid → {' → '.join(statuses)}; "
             f"firmwareVersion {version}")


@scenario("offline")
async def offline(ctx: Context) -> None:
    """The CSMS goes away for ~15 s mid-transaction and comes back on the same port: the
    MeterValues sampled meanwhile arrive in order after the reconnect, none lost or twice,
    then RemoteStop gives one StopTransaction."""
    csms = ctx.csms
    await ctx.set_config("MeterValueSampleInterval", "2")
    transaction_id, meter_start, start = await ctx.start_transaction(1, "INTEROP-6")
    await ctx.transaction_meter_values(transaction_id, 2, 10, after=start.seq)
    await csms.stop()
    went_down = time.monotonic()
    down_at = datetime.now(timezone.utc)
    down_mark = ctx.rec.mark
    await asyncio.sleep(ctx.args.offline_seconds)
    await csms.start()
    await csms.wait_connected(ctx.cp_id, 45)
    back_after = time.monotonic() - went_down
    reconnected = ctx.rec.select(after=down_mark, direction="event", kind=0, action="connected", cp_id=ctx.cp_id)
    # Wait for the backlog: samples stamped during the offline period.
    offline_samples = ctx.args.offline_seconds / 2 - 2
    await ctx.transaction_meter_values(transaction_id, int(offline_samples), 20, after=down_mark)
    stop = await ctx.stop_transaction(transaction_id)
    arrived = ctx.rec.select(after=start.seq, action="MeterValues", cp_id=ctx.cp_id,
                             where=lambda p: p.get("transactionId") == transaction_id)
    # A MeterValues whose confirmation never left the CSMS (it was closing) is rightly sent again.
    confirmed = confirmed_calls(csms, ctx.cp_id)
    values = [r for r in arrived if r.seq in confirmed]
    resent = len(arrived) - len(values)
    series = [(samples(r.payload)[0].timestamp, energy_of(r.payload), r) for r in values]
    stamps = [s[0] for s in series]
    check(stamps == sorted(stamps), f"MeterValues out of order: {[iso(s) for s in stamps]}")
    check(len(set(stamps)) == len(stamps), f"a MeterValues sample was confirmed twice: {[iso(s) for s in stamps]}")
    energies = [s[1] for s in series]
    check(all(b >= a for a, b in zip(energies, energies[1:])), f"energy not monotonic: {energies}")
    during = [e for when, e, _ in series if when > down_at + timedelta(seconds=1)]
    check(len(during) >= 2 and during[-1] > during[0],
          f"no rising energy in the samples taken while the CSMS was away: {during}")
    gaps = [(b - a).total_seconds() for a, b in zip(stamps, stamps[1:])]
    check(max(gaps) <= 3.5, f"samples missing: the longest gap between MeterValues is {max(gaps):.1f}s "
                            f"(interval 2 s; offline {back_after:.0f}s): {[iso(s) for s in stamps]}")
    # Every CALL the charger re-sent for this transaction: one StartTransaction, one StopTransaction.
    starts = ctx.rec.select(after=ctx.start_mark, action="StartTransaction", cp_id=ctx.cp_id)
    check(len(starts) == 1, f"{len(starts)} StartTransaction in the offline scenario")
    stops = ctx.rec.select(after=ctx.start_mark, action="StopTransaction", cp_id=ctx.cp_id)
    check(len(stops) == 1 and stops[0].payload["transactionId"] == transaction_id,
          f"StopTransactions: {[str(r) for r in stops]}")
    check(float(stop.payload["meterStop"]) >= energies[-1], f"meterStop {stop.payload['meterStop']} < {energies[-1]}")
    ctx.note(f"offline {ctx.args.offline_seconds}s, reconnected after {back_after:.1f}s "
             f"({len(reconnected)} connect), {len(values)} MeterValues confirmed ({resent} unconfirmed re-sent), "
             "none lost or duplicated")


async def restore(csms: CentralSystem, cp_id: str) -> list[str]:
    """After a failed scenario: stop open transactions and make every connector operative again,
    so one failure does not cascade into the scenarios after it. Returns what it did."""
    done = []
    rec = csms.recorder
    try:
        await csms.wait_connected(cp_id, 20)
        for transaction_id in open_transactions(csms, cp_id):
            mark = rec.mark
            outcome = await csms.call(cp_id, call.RemoteStopTransaction(transaction_id=transaction_id))
            done.append(f"RemoteStop {transaction_id} → {outcome}")
            try:
                await rec.wait_one(10, after=mark, action="StopTransaction", cp_id=cp_id,
                                   where=lambda p, t=transaction_id: p["transactionId"] == t)
            except WaitTimeout:
                done.append(f"no StopTransaction for {transaction_id}")
        outcome = await csms.call(cp_id, call.ChangeAvailability(connector_id=0, type=AvailabilityType.operative))
        done.append(f"ChangeAvailability 0 Operative → {outcome}")
    except Exception as error:  # noqa: BLE001 — best effort
        done.append(f"restore failed: {type(error).__name__}: {error}")
    return done


def open_transactions(csms: CentralSystem, cp_id: str) -> list[int]:
    rec = csms.recorder
    answers = {r.unique_id: r.payload for r in rec.select(direction="csms", kind=CALLRESULT, cp_id=cp_id,
                                                          action="StartTransaction")}
    issued = [answers[s.unique_id]["transactionId"] for s in rec.select(action="StartTransaction", cp_id=cp_id)
              if s.unique_id in answers]
    stopped = {r.payload["transactionId"] for r in rec.select(action="StopTransaction", cp_id=cp_id)}
    return [t for t in issued if t not in stopped]


@scenario("offline-unconfirmed-stop")
async def offline_unconfirmed_stop(ctx: Context) -> None:
    """The CSMS receives a StopTransaction but goes away before confirming it: after the
    reconnect the charger sends the same StopTransaction again (a transaction message leaves
    the queue only when confirmed), and nothing else for that transaction twice."""
    csms = ctx.csms
    await ctx.set_config("MeterValueSampleInterval", "2")
    transaction_id, meter_start, start = await ctx.start_transaction(1, "INTEROP-7")
    await ctx.transaction_meter_values(transaction_id, 1, 10, after=start.seq)
    csms.unanswered_actions.add("StopTransaction")
    try:
        mark = ctx.rec.mark
        result = await ctx.call(call.RemoteStopTransaction(transaction_id=transaction_id))
        check(result.status == "Accepted", f"RemoteStopTransaction {transaction_id} → {result.status}")
        first = await ctx.wait("StopTransaction", 10, mark, where=lambda p: p["transactionId"] == transaction_id)
        await asyncio.sleep(0.5)
        await csms.stop()
    finally:
        csms.unanswered_actions.discard("StopTransaction")
    down = ctx.rec.mark
    await asyncio.sleep(5)
    await csms.start()
    await csms.wait_connected(ctx.cp_id, 45)
    again = await ctx.wait("StopTransaction", 20, down, where=lambda p: p["transactionId"] == transaction_id,
                           what=f"re-sent for transaction {transaction_id} after the reconnect")
    check(again.payload == first.payload,
          f"the re-sent StopTransaction differs from the unconfirmed one: {first.payload} vs {again.payload}")
    await ctx.answer_to(again)
    await asyncio.sleep(1)
    stops = ctx.rec.select(after=down, action="StopTransaction", cp_id=ctx.cp_id)
    check(len(stops) == 1, f"{len(stops)} StopTransactions after the reconnect: {[str(r) for r in stops]}")
    ctx.note(f"StopTransaction for {transaction_id} re-sent after the reconnect, identical, confirmed once")


@scenario("tls-profile2")
async def tls_profile2(ctx: Context) -> None:
    """Security profile 2 against a TLS `websockets` server with a certificate of a test CA
    (`--ca-file`): the charger connects over wss with Basic auth (user = its id, password = its
    AuthorizationKey, checked by the server), is accepted, and never reveals the key in
    GetConfiguration."""
    pki = Pki.get()
    async with Bench(ctx, CentralSystem(ssl_context=server_context(pki.server))) as bench:
        bench.csms.passwords["TLS2A1"] = AUTHORIZATION_KEY
        cp_id, charger = await bench.charger("TLS2A", {"SecurityProfile": "2", "AuthorizationKey": AUTHORIZATION_KEY},
                                             "--ca-file", str(pki.ca.certificate))
        connected = await bench.connected(cp_id)
        check(connected.payload["tls"] and connected.payload["basicUser"] == cp_id,
              f"{cp_id} connected with {connected.payload}, expected TLS and Basic user {cp_id}")
        boot = await charger.wait("BootNotification", 10)
        check((await charger.answer_to(boot))["status"] == "Accepted", "the BootNotification was not accepted")
        config = await charger.call(call.GetConfiguration(key=["SecurityProfile", "AuthorizationKey"]))
        values = {e["key"]: e.get("value") for e in config.configuration_key or []}
        check(values.get("SecurityProfile") == "2", f"GetConfiguration SecurityProfile {values}")
        check(AUTHORIZATION_KEY not in json.dumps(values), f"GetConfiguration revealed the AuthorizationKey: {values}")
        await security_event(charger, "StartupOfTheDevice", 10)
    ctx.note(f"wss + Basic {cp_id}; GetConfiguration {values}")


@scenario("tls-unknown-ca")
async def tls_unknown_ca(ctx: Context) -> None:
    """A profile-2 charger refuses a server certificate from an unknown CA (a clear error in its
    output, no WebSocket reaches the server); once the same port presents the trusted CA's
    certificate it connects and sends SecurityEventNotification InvalidCentralSystemCertificate."""
    pki = Pki.get()
    context = server_context(pki.unknown_server)
    async with Bench(ctx, CentralSystem(ssl_context=context)) as bench:
        cp_id, charger = await bench.charger("TLS2B", {"SecurityProfile": "2", "AuthorizationKey": AUTHORIZATION_KEY},
                                             "--ca-file", str(pki.ca.certificate))
        line = await bench.wait_output("TLS2B", "not signed by a trusted certificate authority")
        check("security profile 2" in line, f"the refusal does not name the security profile: {line!r}")
        check(not bench.connections(cp_id), f"{cp_id} opened a WebSocket to a server it must not trust")
        context.load_cert_chain(str(pki.server.certificate), str(pki.server.key))
        await bench.connected(cp_id, 30)
        event = await security_event(charger, "InvalidCentralSystemCertificate", 15)
        check("trusted certificate authority" in event.payload.get("techInfo", ""),
              f"InvalidCentralSystemCertificate techInfo {event.payload.get('techInfo')!r}")
    ctx.note(f"refused: {line.strip()[:120]}")


@scenario("tls-wrong-hostname")
async def tls_wrong_hostname(ctx: Context) -> None:
    """A profile-2 charger refuses a server certificate of the trusted CA that is valid for
    another host only (its URL names 127.0.0.1): a clear error naming the address, no WebSocket."""
    pki = Pki.get()
    elsewhere = pki.ca.server("server-elsewhere", names="DNS:csms.elsewhere.example")
    async with Bench(ctx, CentralSystem(ssl_context=server_context(elsewhere))) as bench:
        cp_id, _ = await bench.charger("TLS2D", {"SecurityProfile": "2", "AuthorizationKey": AUTHORIZATION_KEY},
                                       "--ca-file", str(pki.ca.certificate))
        line = await bench.wait_output("TLS2D", "not valid for 127.0.0.1")
        check(not bench.connections(cp_id), f"{cp_id} opened a WebSocket to a server with another host's certificate")
    ctx.note(f"refused: {line.strip()[:120]}")


@scenario("tls-wrong-password")
async def tls_wrong_password(ctx: Context) -> None:
    """A profile-2 charger with a wrong Basic password: the server answers HTTP 401 on the
    upgrade and the charger says so (check the password); once the server takes its password it
    connects and reports FailedToAuthenticateAtCentralSystem."""
    pki = Pki.get()
    async with Bench(ctx, CentralSystem(ssl_context=server_context(pki.server))) as bench:
        bench.csms.passwords["TLS2C1"] = "another-password-of-the-csms"
        cp_id, charger = await bench.charger("TLS2C", {"SecurityProfile": "2", "AuthorizationKey": AUTHORIZATION_KEY},
                                             "--ca-file", str(pki.ca.certificate))
        line = await bench.wait_output("TLS2C", "HTTP 401")
        check("password" in line, f"the 401 report does not point at the password: {line!r}")
        refused = bench.csms.recorder.select(direction="event", kind=0, action="refused", cp_id=cp_id)
        check(bool(refused) and refused[0].payload["status"] == 401, f"the server's refusals: {refused}")
        check(not bench.connections(cp_id), f"{cp_id} connected with a wrong password")
        bench.csms.passwords[cp_id] = AUTHORIZATION_KEY
        await bench.connected(cp_id, 30)
        event = await security_event(charger, "FailedToAuthenticateAtCentralSystem", 15)
        check("401" in event.payload.get("techInfo", ""), f"techInfo {event.payload.get('techInfo')!r}")
    ctx.note(f"refused: {line.strip()[:120]}")


@scenario("tls-profile3")
async def tls_profile3(ctx: Context) -> None:
    """Security profile 3 against a server that requires a client certificate of the test CA:
    a charger with one whose CN is its id connects (no Basic auth); one without a certificate is
    refused in the TLS handshake, and one whose certificate names another charger gets HTTP 403;
    each says why in its output."""
    pki = Pki.get()
    context = server_context(pki.server, client_ca=pki.ca, require_client_certificate=True)
    async with Bench(ctx, CentralSystem(ssl_context=context)) as bench:
        bench.csms.client_certificate_required.update({"TLS3A1", "TLS3B1", "TLS3C1"})
        own, other = pki.ca.client("TLS3A1"), pki.ca.client("TLS3Z1")
        ca = str(pki.ca.certificate)
        cp_id, charger = await bench.charger("TLS3A", {"SecurityProfile": "3"}, "--ca-file", ca,
                                             "--cert", str(own.certificate), "--key", str(own.key))
        bare_id, _ = await bench.charger("TLS3B", {"SecurityProfile": "3"}, "--ca-file", ca)
        wrong_id, _ = await bench.charger("TLS3C", {"SecurityProfile": "3"}, "--ca-file", ca,
                                          "--cert", str(other.certificate), "--key", str(other.key))
        connected = await bench.connected(cp_id)
        check(connected.payload["tls"] and connected.payload["clientCN"] == cp_id and connected.payload["basicUser"]
              is None, f"{cp_id} connected with {connected.payload}, expected its client certificate, no Basic auth")
        boot = await charger.wait("BootNotification", 10)
        check((await charger.answer_to(boot))["status"] == "Accepted", "the BootNotification was not accepted")
        bare = await bench.wait_output("TLS3B", "client certificate")
        wrong = await bench.wait_output("TLS3C", "HTTP 403")
        for refused_id in (bare_id, wrong_id):
            check(not bench.connections(refused_id), f"{refused_id} connected without a valid client certificate")
    ctx.note(f"no certificate: {bare.strip()[:110]}; CN of another charger: {wrong.strip()[:90]}")


@scenario("security-profile-upgrade")
async def security_profile_upgrade(ctx: Context) -> None:
    """A charger at profile 1 (ws, Basic auth) on a port that serves ws and wss: InstallCertificate
    CentralSystemRootCertificate, ChangeConfiguration SecurityProfile 2 → it reconnects over wss
    with Basic auth; ExtendedTriggerMessage SignChargePointCertificate → SignCertificate (CSR
    signed by `openssl x509 -req`) → CertificateSigned Accepted; SecurityProfile 3 → it
    reconnects with the new certificate (CN = its id, no Basic auth)."""
    pki = Pki.get()
    csms = CentralSystem()
    csms.add_listener(server_context(pki.server, client_ca=pki.ca))
    async with Bench(ctx, csms) as bench:
        shared = SharedPort(csms.host, csms.listeners[0].port, csms.listeners[1].port)
        await shared.start()
        try:
            csms.passwords["UPG1"] = AUTHORIZATION_KEY
            cp_id, charger = await bench.charger("UPG", {"SecurityProfile": "1", "AuthorizationKey": AUTHORIZATION_KEY},
                                                 url=f"ws://{csms.host}:{shared.port}/ocpp")
            first = await bench.connected(cp_id)
            check(not first.payload["tls"] and first.payload["basicUser"] == cp_id, f"profile 1: {first.payload}")
            await charger.wait("BootNotification", 10)
            installed = await charger.call(call.InstallCertificate(
                certificate_type=CertificateUse.central_system_root_certificate, certificate=pki.ca.pem))
            check(installed.status == "Accepted", f"InstallCertificate CentralSystemRootCertificate → {installed.status}")
            mark = csms.recorder.mark
            await charger.set_config("SecurityProfile", "2")
            second = await bench.connected(cp_id, 20, after=mark)
            check(second.payload["tls"] and second.payload["basicUser"] == cp_id, f"profile 2: {second.payload}")
            await security_event(charger, "ReconfigurationOfSecurityParameters", 10, mark)

            mark = csms.recorder.mark
            result = await charger.call(call.ExtendedTriggerMessage(
                requested_message=MessageTrigger.sign_charge_point_certificate))
            check(result.status == "Accepted", f"ExtendedTriggerMessage SignChargePointCertificate → {result.status}")
            sign = await charger.wait("SignCertificate", 10, mark)
            subject = csr_subject(sign.payload["csr"], pki.folder)
            check(subject.get("CN") == cp_id, f"the CSR's subject {subject} does not name the charger")
            chain = pki.ca.sign_csr_pem(sign.payload["csr"], f"signed-{cp_id}")
            signed = await charger.call(call.CertificateSigned(certificate_chain=chain))
            check(signed.status == "Accepted", f"CertificateSigned (the CSR signed by the test CA) → {signed.status}")
            foreign = await charger.call(call.CertificateSigned(certificate_chain=pki.ca.client("UPG9").pem))
            check(foreign.status == "Rejected", f"CertificateSigned for a key the charger never made → {foreign.status}")

            del csms.passwords[cp_id]
            csms.client_certificate_required.add(cp_id)
            mark = csms.recorder.mark
            await charger.set_config("SecurityProfile", "3")
            third = await bench.connected(cp_id, 20, after=mark)
            check(third.payload["tls"] and third.payload["clientCN"] == cp_id and third.payload["basicUser"] is None,
                  f"profile 3: {third.payload}, expected the signed certificate (CN {cp_id}) and no Basic auth")
            config = await charger.call(call.GetConfiguration(key=["SecurityProfile"]))
            check([e.get("value") for e in config.configuration_key or []] == ["3"], f"{config.configuration_key}")
        finally:
            await shared.stop()
    ctx.note("ws+Basic → wss+Basic → SignCertificate/CertificateSigned → wss+client certificate")


@scenario("security-profile-fallback")
async def security_profile_fallback(ctx: Context) -> None:
    """SecurityProfile 1 → 2 without the CentralSystemRootCertificate that signs the wss
    listener's certificate: every wss attempt fails verification, and after 3 the charger falls
    back to profile 1 over ws (security extension A05), reporting InvalidCentralSystemCertificate
    and the fall-back (ReconfigurationOfSecurityParameters); GetConfiguration says 1 again."""
    pki = Pki.get()
    csms = CentralSystem()
    csms.add_listener(server_context(pki.server))
    async with Bench(ctx, csms) as bench:
        shared = SharedPort(csms.host, csms.listeners[0].port, csms.listeners[1].port)
        await shared.start()
        try:
            cp_id, charger = await bench.charger("FBK", {"SecurityProfile": "1", "AuthorizationKey": AUTHORIZATION_KEY},
                                                 url=f"ws://{csms.host}:{shared.port}/ocpp")
            csms.passwords[cp_id] = AUTHORIZATION_KEY
            await bench.connected(cp_id)
            await charger.wait("BootNotification", 10)
            mark = csms.recorder.mark
            began = time.monotonic()
            await charger.set_config("SecurityProfile", "2")
            back = await bench.connected(cp_id, 30, after=mark)
            check(not back.payload["tls"] and back.payload["basicUser"] == cp_id,
                  f"after the failed upgrade {cp_id} connected with {back.payload}, expected ws + Basic (profile 1)")
            check(not bench.csms.recorder.select(after=mark, direction="event", kind=0, action="connected",
                                                 cp_id=cp_id, where=lambda p: p["tls"]),
                  "a wss connection opened although the charger has no root that signs the server's certificate")
            await security_event(charger, "InvalidCentralSystemCertificate", 10, mark)
            fallback = await charger.wait("SecurityEventNotification", 10, mark,
                                          where=lambda p: p["type"] == "ReconfigurationOfSecurityParameters"
                                          and "back to 1" in p.get("techInfo", ""), what="reporting the fall-back")
            config = await charger.call(call.GetConfiguration(key=["SecurityProfile"]))
            check([e.get("value") for e in config.configuration_key or []] == ["1"],
                  f"SecurityProfile after the fall-back: {config.configuration_key}")
            await bench.wait_output("FBK", "security profile 2", 1)
        finally:
            await shared.stop()
    ctx.note(f"back on ws after {time.monotonic() - began:.1f}s: {fallback.payload['techInfo'][:100]}")


# OCPP 1.6 §4.9 (edition 2, the status transition table): status → the statuses it may go to.
LEGAL_TRANSITIONS = {
    "Available": {"Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Reserved", "Unavailable", "Faulted"},
    "Preparing": {"Available", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Faulted"},
    "Charging": {"Available", "SuspendedEV", "SuspendedEVSE", "Finishing", "Unavailable", "Faulted"},
    "SuspendedEV": {"Available", "Charging", "SuspendedEVSE", "Finishing", "Unavailable", "Faulted"},
    "SuspendedEVSE": {"Available", "Charging", "SuspendedEV", "Finishing", "Unavailable", "Faulted"},
    "Finishing": {"Available", "Preparing", "Unavailable", "Faulted"},
    "Reserved": {"Available", "Preparing", "Unavailable", "Faulted"},
    "Unavailable": {"Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Faulted"},
    "Faulted": {"Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved",
                "Unavailable"},
}


def illegal_transitions(csms: CentralSystem, cp_id: str) -> list[str]:
    """StatusNotifications that jump where §4.9 allows no transition (a BootNotification starts afresh;
    repeating the same status, e.g. when triggered, is fine)."""
    problems = []
    last: dict[int, str] = {}
    for record in csms.recorder.select(cp_id=cp_id):
        if record.action == "BootNotification":
            last.clear()
        elif record.action == "StatusNotification":
            connector, status = record.payload["connectorId"], record.payload["status"]
            if connector == 0 and status not in ("Available", "Unavailable", "Faulted"):
                problems.append(f"connector 0 reported {status} ({record.wall})")
            previous = last.get(connector)
            if previous is not None and previous != status and status not in LEGAL_TRANSITIONS[previous]:
                problems.append(f"connector {connector}: {previous} → {status} ({record.wall})")
            last[connector] = status
    return problems


def confirmed_calls(csms: CentralSystem, cp_id: str) -> set[int]:
    """The sequence numbers of the charger's CALLs that we confirmed: a CALLRESULT with the CALL's
    id went out on the wire after it (and before any re-send with that id)."""
    confirmed: set[int] = set()
    latest: dict[str, int] = {}
    for record in csms.recorder.select(direction=None, kind=None, cp_id=cp_id):
        if record.direction == "cp" and record.kind == CALL:
            latest[record.unique_id] = record.seq
        elif record.direction == "csms" and record.kind == CALLRESULT and record.unique_id in latest:
            confirmed.add(latest.pop(record.unique_id))
    return confirmed


# Checks over the whole run --------------------------------------------------------------------


def whole_run_problems(csms: CentralSystem, cp_id: str) -> list[str]:
    """Every transaction id we handed out got exactly one confirmed StopTransaction; no
    transaction MeterValues confirmed twice."""
    rec = csms.recorder
    problems = []
    issued = []
    for start in rec.select(action="StartTransaction", cp_id=cp_id):
        for answer in rec.select(after=start.seq - 1, direction="csms", kind=CALLRESULT, cp_id=cp_id):
            if answer.unique_id == start.unique_id:
                issued.append(answer.payload["transactionId"])
                break
    confirmed = confirmed_calls(csms, cp_id)
    stops = [r.payload["transactionId"] for r in rec.select(action="StopTransaction", cp_id=cp_id)
             if r.seq in confirmed]
    for transaction_id in issued:
        if stops.count(transaction_id) != 1:
            problems.append(f"transaction {transaction_id}: {stops.count(transaction_id)} confirmed StopTransaction")
    for transaction_id in set(stops) - set(issued):
        problems.append(f"StopTransaction for transaction {transaction_id}, which was never issued")
    seen = set()
    for record in rec.select(action="MeterValues", cp_id=cp_id):
        if record.seq not in confirmed:
            continue
        key = json.dumps(record.payload, sort_keys=True)
        if key in seen and record.payload.get("transactionId") is not None:
            problems.append(f"MeterValues confirmed twice: {record}")
        seen.add(key)
    return problems


# Running ----------------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    csms = CentralSystem(response_timeout=15)
    csms.boot_mode = "pending"
    csms.boot_retry_interval = 2
    csms.heartbeat_interval = 3
    await csms.start()
    state_dir = Path(tempfile.mkdtemp(prefix="ocpp-interop-"))
    log_path = state_dir / "fleet.log"
    command = [*shlex.split(args.chargesim), "fleet", "--csms", csms.url, "--profile", str(args.profile), "--count", "1",
               "--id-prefix", "CP", "--state-dir", str(state_dir / "state"), "--seed", "1", *args.fleet_arg]
    print(f"central system on {csms.url}; charger: {' '.join(command)}", flush=True)
    log_file = open(log_path, "wb")
    try:
        process = await asyncio.create_subprocess_exec(*command, stdout=log_file, stderr=asyncio.subprocess.STDOUT,
                                                       stdin=asyncio.subprocess.DEVNULL)
    except OSError as error:
        print(f"cannot start the charger: {error}", flush=True)
        print("0 passed, 1 failed")
        await csms.stop()
        return 2
    results: list[tuple[str, bool, str, float]] = []
    began = time.monotonic()
    try:
        try:
            connecting = asyncio.ensure_future(csms.recorder.wait_one(30, direction="event", kind=0, action="connected"))
            await asyncio.wait([connecting, asyncio.ensure_future(process.wait())], return_when=asyncio.FIRST_COMPLETED)
            if not connecting.done():
                connecting.cancel()
                raise WaitTimeout("the charger exited")
            first = connecting.result()
        except WaitTimeout:
            exited = f" (it exited with {process.returncode})" if process.returncode is not None else ""
            print(f"FAIL: the charger did not connect within 30 s{exited}; its output:\n{_tail(log_path)}", flush=True)
            print("0 passed, 1 failed")
            return 2
        cp_id = first.cp_id
        print(f"charger {cp_id} connected", flush=True)

        async def accept_after_first_boot() -> None:
            await csms.recorder.wait_one(30, action="BootNotification")
            await asyncio.sleep(0.2)  # let the Pending answer go out first
            csms.boot_mode = "accepted"

        switcher = asyncio.create_task(accept_after_first_boot())
        chosen = [(n, f) for n, f in SCENARIOS if not args.only or n in args.only]
        for name, function in chosen:
            ctx = Context(csms, cp_id, args, start_mark=csms.recorder.mark)
            if name == "boot":
                ctx.start_mark = 0
            t0 = time.monotonic()
            problem = ""
            try:
                await asyncio.wait_for(function(ctx), args.scenario_timeout)
            except ScenarioFailure as failure:
                problem = str(failure)
            except (WaitTimeout, CallTimeout) as timeout:
                problem = str(timeout)
            except asyncio.TimeoutError:
                problem = f"scenario timed out after {args.scenario_timeout:.0f}s"
            except Exception as error:  # noqa: BLE001 — any other error fails this scenario only
                problem = f"{type(error).__name__}: {error}"
                if args.verbose:
                    traceback.print_exc()
            if process.returncode is not None and not problem:
                problem = f"chargesim exited with {process.returncode}"
            violations = csms.schema_violations(after=ctx.start_mark)
            if violations:
                rejected = "; ".join(f"{v.describe(400)} (answer to the charger's {v.unique_id})" for v in violations)
                problem = f"the ocpp package rejected charger messages: {rejected}" + (f"; then: {problem}" if problem else "")
            elapsed = time.monotonic() - t0
            results.append((name, not problem, problem, elapsed))
            detail = problem or "; ".join(ctx.notes)
            print(f"{'PASS' if not problem else 'FAIL'} {name} ({elapsed:.1f}s){': ' + detail if detail else ''}",
                  flush=True)
            if problem and args.verbose:
                for record in csms.recorder.select(after=ctx.start_mark, direction=None, kind=None)[-25:]:
                    print(f"    {record}")
            if process.returncode is not None:
                break
            if problem:
                cleanup = await restore(csms, cp_id)
                if args.verbose:
                    print(f"    restore: {cleanup}")
            # Let the connection settle between scenarios (the charger may be reconnecting).
            try:
                await csms.wait_connected(cp_id, 30)
            except asyncio.TimeoutError:
                pass
        switcher.cancel()
        await asyncio.sleep(1)  # the answers to the last CALLs are still being written
        illegal = illegal_transitions(csms, cp_id)
        results.append(("status-transitions", not illegal, "; ".join(illegal), 0.0))
        print(f"{'PASS' if not illegal else 'FAIL'} status-transitions{': ' + '; '.join(illegal) if illegal else ''}",
              flush=True)
        problems = whole_run_problems(csms, cp_id)
        results.append(("transaction-integrity", not problems, "; ".join(problems), 0.0))
        print(f"{'PASS' if not problems else 'FAIL'} transaction-integrity"
              f"{': ' + '; '.join(problems) if problems else ''}", flush=True)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), 10)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()
        log_file.close()
        await csms.stop()
        if args.log:
            with open(args.log, "w") as out:
                for record in csms.recorder.records:
                    out.write(record.describe() + "\n")
    failed = [r for r in results if not r[1]]
    if failed:
        print(f"charger output (last lines of {log_path}):\n{_tail(log_path)}")
    print(f"total {time.monotonic() - began:.0f}s")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no output)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chargesim", default=os.environ.get("CHARGESIM_BIN"),
                        help="the chargesim binary, or a command line (default: $CHARGESIM_BIN)")
    parser.add_argument("--profile", default=str(DEFAULT_PROFILE), help="the charger profile")
    parser.add_argument("--only", nargs="*", default=[], help="run only these scenarios (boot always runs first)")
    parser.add_argument("--fleet-arg", action="append", default=[], help="an extra argument for chargesim fleet")
    parser.add_argument("--offline-seconds", type=float, default=15)
    parser.add_argument("--scenario-timeout", type=float, default=90)
    parser.add_argument("--log", help="write every recorded message to this file")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = parser.parse_args()
    if args.list:
        for name, function in SCENARIOS:
            print(f"{name}: {' '.join((function.__doc__ or '').split())}")
        return 0
    if not args.chargesim:
        parser.error("give the chargesim binary with --chargesim or $CHARGESIM_BIN")
    if args.only and "boot" not in args.only:
        args.only = ["boot", *args.only]
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(message)s")
    if not args.verbose:
        # The ocpp package logs every CALLERROR it receives as a warning; our lines say it better.
        logging.getLogger("ocpp").setLevel(logging.ERROR)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())

"""An OCPP 1.6J central system built on the PyPI `ocpp` package (mobilityhouse) and `websockets`.

This is the peer of the interoperability suite: code we do not write validates every message
the charger sends against the official OCPP 1.6 JSON schemas (the `ocpp` package does it for
every CALL it receives and every CALLRESULT it gets back; the validation stays on).

- Every charger-initiated action has a handler; every frame in both directions is recorded with
  a timestamp in a `Recorder` that scenarios query and wait on.
- The control API is in-process: a scenario is an async function holding a `CentralSystem`; it
  sends CSMS-initiated operations with `await csms.call(cp_id, call.Reset(...))`, switches the
  BootNotification answer (`boot_mode`), and stops and restarts the server on the same port.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import itertools
import json
import logging
import ssl
import time
import uuid
from datetime import datetime, timezone
from http import HTTPStatus
from typing import Any, Callable, Optional

import websockets
from websockets.asyncio.server import ServerConnection, serve

from ocpp.exceptions import OCPPError
from ocpp.routing import on
from ocpp.v16 import ChargePoint as OCPPChargePoint
from ocpp.v16 import call, call_result, datatypes
from ocpp.v16.enums import (
    Action,
    AuthorizationStatus,
    DataTransferStatus,
    RegistrationStatus,
)

LOG = logging.getLogger("interop.csms")

CALL, CALLRESULT, CALLERROR = 2, 3, 4


def utc_now() -> str:
    """An OCPP (RFC 3339) UTC timestamp with milliseconds."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_time(text: str) -> datetime:
    """An OCPP timestamp as an aware datetime (accepts `Z` and offsets, with or without fractions)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclasses.dataclass
class Record:
    """One frame on the wire (or a connection event) as the central system saw it."""

    seq: int
    t: float  # time.monotonic() when seen
    wall: str  # UTC wall clock when seen
    cp_id: str
    direction: str  # "cp" (charger → CSMS), "csms" (CSMS → charger), "event"
    kind: int  # 2 CALL, 3 CALLRESULT, 4 CALLERROR (negative: could not be sent); 0 for events
    unique_id: str
    action: str  # the CALL's action (also for its result/error); for events: connected/disconnected
    payload: Any

    def __str__(self) -> str:
        return self.describe(limit=300)

    def describe(self, limit: Optional[int] = None) -> str:
        """One line: sequence, time, charger, direction, kind, action and the payload (cut at `limit`)."""
        kinds = {0: "EVENT", CALL: "CALL", CALLRESULT: "RESULT", CALLERROR: "ERROR", -1: "UNPARSEABLE",
                 -CALL: "UNSENT-CALL", -CALLRESULT: "UNSENT-RESULT", -CALLERROR: "UNSENT-ERROR"}
        body = json.dumps(self.payload, separators=(",", ":"))
        if limit is not None and len(body) > limit:
            body = body[:limit] + "..."
        arrow = {"cp": "CP->CSMS", "csms": "CSMS->CP", "event": "--"}[self.direction]
        message_id = f" [{self.unique_id}]" if self.unique_id else ""
        return f"#{self.seq} {self.wall} {self.cp_id} {arrow} {kinds[self.kind]}{message_id} {self.action} {body}"


class Recorder:
    """Every frame both ways, in order, with a way to wait for one that matches."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self._changed = asyncio.Condition()
        self._seq = itertools.count(1)

    def add(self, cp_id: str, direction: str, kind: int, unique_id: str, action: str, payload: Any) -> Record:
        record = Record(next(self._seq), time.monotonic(), utc_now(), cp_id, direction, kind, unique_id, action, payload)
        self.records.append(record)
        LOG.debug("%s", record)
        asyncio.get_running_loop().create_task(self._notify())
        return record

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    @property
    def mark(self) -> int:
        """The sequence number of the last record; pass it as `after` to look only at what follows."""
        return self.records[-1].seq if self.records else 0

    def select(
        self,
        *,
        after: int = 0,
        direction: Optional[str] = "cp",
        kind: Optional[int] = CALL,
        action: Optional[str] = None,
        cp_id: Optional[str] = None,
        unique_id: Optional[str] = None,
        where: Optional[Callable[[dict], bool]] = None,
    ) -> list[Record]:
        """The records after sequence number `after` that match every given filter, in order."""
        found = []
        for record in self.records:
            if record.seq <= after:
                continue
            if direction is not None and record.direction != direction:
                continue
            if kind is not None and record.kind != kind:
                continue
            if action is not None and record.action != action:
                continue
            if cp_id is not None and record.cp_id != cp_id:
                continue
            if unique_id is not None and record.unique_id != unique_id:
                continue
            if where is not None:
                try:
                    if not where(record.payload):
                        continue
                except (KeyError, TypeError, IndexError, ValueError):
                    continue
            found.append(record)
        return found

    async def wait_for(self, timeout: float, count: int = 1, **filters: Any) -> list[Record]:
        """Waits until `count` records match (see `select`); raises `WaitTimeout` saying what was missing."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                found = self.select(**filters)
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    described = ", ".join(f"{k}={v!r}" for k, v in filters.items() if k != "where")
                    if "where" in filters:
                        described += ", where=<predicate>"
                    raise WaitTimeout(f"waited {timeout:.0f}s for {count} message(s) [{described}], saw {len(found)}")
                try:
                    await asyncio.wait_for(self._changed.wait(), left)
                except asyncio.TimeoutError:
                    pass

    async def wait_one(self, timeout: float, **filters: Any) -> Record:
        """The first record that matches, waiting for it up to `timeout` seconds."""
        return (await self.wait_for(timeout, 1, **filters))[0]


class WaitTimeout(AssertionError):
    """An expected message did not arrive in time."""


class CallTimeout(AssertionError):
    """The charger did not answer a CSMS-initiated CALL in time."""


@dataclasses.dataclass
class CallOutcome:
    """What a CSMS-initiated CALL got back: a result payload (snake_case dataclass) or a CALLERROR."""

    result: Any = None
    error: Optional[OCPPError] = None

    def __str__(self) -> str:
        if self.error is not None:
            return f"CALLERROR {type(self.error).__name__}: {self.error}"
        return repr(self.result)


class InteropChargePoint(OCPPChargePoint):
    """The `ocpp` package's v1.6 ChargePoint (the CSMS side of one connection) with handlers for
    every charger-initiated action; it records every frame in and out."""

    def __init__(self, cp_id: str, connection: ServerConnection, csms: "CentralSystem") -> None:
        super().__init__(cp_id, connection, response_timeout=csms.response_timeout)
        self.csms = csms
        self._pending_actions: dict[str, str] = {}  # unique id of our CALL → its action

    # Recording -----------------------------------------------------------------------------

    async def route_message(self, raw_msg):  # noqa: D401 (library override)
        try:
            frame = json.loads(raw_msg)
            kind = frame[0]
            unique_id = frame[1]
            if kind == CALL:
                action, payload = frame[2], frame[3]
            elif kind == CALLRESULT:
                action, payload = self._pending_actions.pop(unique_id, "?"), frame[2]
            else:
                action = self._pending_actions.pop(unique_id, "?")
                payload = {"errorCode": frame[2], "errorDescription": frame[3], "errorDetails": frame[4]}
            self.csms.recorder.add(self.id, "cp", kind, unique_id, action, payload)
        except (ValueError, IndexError, KeyError, TypeError):
            self.csms.recorder.add(self.id, "cp", -1, "", "unparseable", raw_msg)
        else:
            if kind == CALL and action in self.csms.unanswered_actions:
                return  # recorded, never answered: the charger must keep it and send it again
        await super().route_message(raw_msg)

    async def _send(self, message):
        frame = json.loads(message)
        kind, unique_id = frame[0], frame[1]
        if kind == CALL:
            self._pending_actions[unique_id] = frame[2]
            action, payload = frame[2], frame[3]
        else:
            action = self.csms.recorder_answering(self.id, unique_id)
            payload = (
                frame[2]
                if kind == CALLRESULT
                else {"errorCode": frame[2], "errorDescription": frame[3], "errorDetails": frame[4]}
            )
        try:
            await super()._send(message)
        except websockets.ConnectionClosed:
            # Not sent (the connection was closing): recorded as such, so that an answer the
            # charger never got does not count as a confirmation.
            self.csms.recorder.add(self.id, "csms", -kind, unique_id, action, {"unsent": payload})
            if kind == CALL:
                raise
            # An answer: the package's receive loop must go on, so that what the charger sent
            # before its close frame (e.g. its answer to our CALL) is still routed and recorded.
            return
        self.csms.recorder.add(self.id, "csms", kind, unique_id, action, payload)

    # Charger-initiated actions (OCPP 1.6 §4) --------------------------------------------------

    @on(Action.boot_notification)
    async def on_boot_notification(self, charge_point_vendor: str, charge_point_model: str, **kwargs):
        mode = self.csms.boot_mode
        if mode == "accepted":
            status, interval = RegistrationStatus.accepted, self.csms.heartbeat_interval
        elif mode == "pending":
            status, interval = RegistrationStatus.pending, self.csms.boot_retry_interval
        else:
            status, interval = RegistrationStatus.rejected, self.csms.boot_retry_interval
        return call_result.BootNotification(current_time=utc_now(), interval=interval, status=status)

    @on(Action.heartbeat)
    async def on_heartbeat(self, **kwargs):
        return call_result.Heartbeat(current_time=utc_now())

    @on(Action.status_notification)
    async def on_status_notification(self, connector_id: int, error_code: str, status: str, **kwargs):
        self.csms.connector_status[(self.id, connector_id)] = status
        return call_result.StatusNotification()

    @on(Action.authorize)
    async def on_authorize(self, id_tag: str, **kwargs):
        return call_result.Authorize(id_tag_info=self.csms.id_tag_info(id_tag))

    @on(Action.start_transaction)
    async def on_start_transaction(self, connector_id: int, id_tag: str, meter_start: int, timestamp: str, **kwargs):
        transaction_id = next(self.csms.transaction_ids)
        return call_result.StartTransaction(transaction_id=transaction_id, id_tag_info=self.csms.id_tag_info(id_tag))

    @on(Action.meter_values)
    async def on_meter_values(self, connector_id: int, meter_value: list, **kwargs):
        return call_result.MeterValues()

    @on(Action.stop_transaction)
    async def on_stop_transaction(self, meter_stop: int, timestamp: str, transaction_id: int, **kwargs):
        id_tag = kwargs.get("id_tag")
        if id_tag is None:
            return call_result.StopTransaction()
        return call_result.StopTransaction(id_tag_info=self.csms.id_tag_info(id_tag))

    @on(Action.data_transfer)
    async def on_data_transfer(self, vendor_id: str, **kwargs):
        if vendor_id in self.csms.data_transfer_vendors:
            return call_result.DataTransfer(status=DataTransferStatus.accepted)
        return call_result.DataTransfer(status=DataTransferStatus.unknown_vendor_id)

    @on(Action.firmware_status_notification)
    async def on_firmware_status_notification(self, status: str, **kwargs):
        return call_result.FirmwareStatusNotification()

    @on(Action.diagnostics_status_notification)
    async def on_diagnostics_status_notification(self, status: str, **kwargs):
        return call_result.DiagnosticsStatusNotification()

    # The security extension's charger-initiated messages (the charger speaks it by default).
    @on(Action.security_event_notification)
    async def on_security_event_notification(self, type: str, timestamp: str, **kwargs):
        return call_result.SecurityEventNotification()

    @on(Action.log_status_notification)
    async def on_log_status_notification(self, status: str, **kwargs):
        return call_result.LogStatusNotification()

    @on(Action.signed_firmware_status_notification)
    async def on_signed_firmware_status_notification(self, status: str, **kwargs):
        return call_result.SignedFirmwareStatusNotification()

    @on(Action.sign_certificate)
    async def on_sign_certificate(self, csr: str, **kwargs):
        # Accepted: the scenario signs the CSR and sends CertificateSigned itself.
        return call_result.SignCertificate(status=self.csms.sign_certificate_status)


@dataclasses.dataclass
class Listener:
    """One listening socket of the central system: plain (`ws://`) or TLS (`wss://`)."""

    port: int = 0
    ssl_context: Optional[ssl.SSLContext] = None
    server: Any = None

    @property
    def scheme(self) -> str:
        return "ws" if self.ssl_context is None else "wss"


class SharedPort:
    """One port for `ws://` and `wss://` alike (as a load balancer that terminates both): each
    connection is forwarded, byte for byte, to the plain or the TLS listener by its first byte
    (0x16 opens a TLS handshake). TLS stays end to end between the charger and the listener."""

    def __init__(self, host: str, plain_port: int, tls_port: int) -> None:
        self.host, self.plain_port, self.tls_port = host, plain_port, tls_port
        self.port = 0
        self._server: Optional[asyncio.AbstractServer] = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._forward, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        first = await reader.read(1)
        if not first:
            writer.close()
            return
        port = self.tls_port if first == b"\x16" else self.plain_port
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, port)
        except OSError:
            writer.close()
            return
        up_writer.write(first)

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


class CentralSystem:
    """The OCPP 1.6J server (`ws://HOST:PORT/<anything>/<chargePointId>`, subprotocol `ocpp1.6`)
    and the state the handlers answer from. Scenarios drive it in-process."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, response_timeout: float = 15,
                 ssl_context: Optional[ssl.SSLContext] = None) -> None:
        self.host = host
        self.listeners = [Listener(port, ssl_context)]
        self.response_timeout = response_timeout
        self.recorder = Recorder()
        # How BootNotification is answered: "accepted", "pending" or "rejected".
        self.boot_mode = "accepted"
        self.heartbeat_interval = 600
        self.boot_retry_interval = 3
        self.transaction_ids = itertools.count(1)
        # idTag → AuthorizationStatus value; tags not listed get `default_tag_status`.
        self.tag_status: dict[str, str] = {}
        self.default_tag_status = AuthorizationStatus.accepted
        self.data_transfer_vendors = {"org.chargesim.interop"}
        # CALLs of these actions are recorded but not answered (a central system that went away
        # before confirming them).
        self.unanswered_actions: set[str] = set()
        self.connector_status: dict[tuple[str, int], str] = {}
        # Basic auth (security profiles 1 and 2): charge point id → the password it must send;
        # a charger listed here that sends none or another gets HTTP 401 on the upgrade.
        self.passwords: dict[str, str] = {}
        # Security profile 3: chargers that must present a client certificate whose CN is their id.
        self.client_certificate_required: set[str] = set()
        self.sign_certificate_status = "Accepted"
        self.charge_points: dict[str, InteropChargePoint] = {}
        self._connected: dict[str, asyncio.Event] = {}
        self._answering: dict[tuple[str, str], str] = {}
        self._server = None
        self._tasks: set[asyncio.Task] = set()

    # Server lifecycle ---------------------------------------------------------------------

    async def start(self) -> None:
        """Listens on every listener's port (0 picks a free one, kept for restarts)."""
        for listener in self.listeners:
            listener.server = await serve(
                self._handle,
                self.host,
                listener.port,
                subprotocols=["ocpp1.6"],
                select_subprotocol=self._select_subprotocol,
                process_request=self._check_credentials,
                ssl=listener.ssl_context,
            )
            listener.port = listener.server.sockets[0].getsockname()[1]
            LOG.info("listening on %s://%s:%d/ocpp", listener.scheme, self.host, listener.port)

    def add_listener(self, ssl_context: Optional[ssl.SSLContext]) -> Listener:
        """Another port (e.g. `wss://` beside `ws://`), opened by the next `start`."""
        listener = Listener(0, ssl_context)
        self.listeners.append(listener)
        return listener

    async def stop(self) -> None:
        """Stops listening and closes every connection (going away, 1001)."""
        for listener in self.listeners:
            if listener.server is None:
                continue
            listener.server.close()
            await listener.server.wait_closed()
            listener.server = None

    @property
    def port(self) -> int:
        return self.listeners[0].port

    @property
    def url(self) -> str:
        return f"{self.listeners[0].scheme}://{self.host}:{self.port}/ocpp"

    def _check_credentials(self, connection: ServerConnection, request):
        """Security profiles 1–3 on the upgrade request: HTTP 401 for missing or wrong Basic
        credentials, 403 for a client certificate that is missing or names another charger."""
        cp_id = request.path.rstrip("/").rsplit("/", 1)[-1]
        if cp_id in self.passwords:
            user, password = _basic_credentials(request.headers.get("Authorization"))
            if user != cp_id or password != self.passwords[cp_id]:
                what = "no Basic credentials" if user is None else f"wrong Basic credentials for user {user!r}"
                self.recorder.add(cp_id, "event", 0, "", "refused", {"status": 401, "reason": what})
                response = connection.respond(HTTPStatus.UNAUTHORIZED, f"{what}\n")
                response.headers["WWW-Authenticate"] = 'Basic realm="ocpp"'
                return response
        if cp_id in self.client_certificate_required:
            common_name = _client_common_name(connection)
            if common_name != cp_id:
                reason = f"client certificate CN {common_name!r}, expected {cp_id!r}"
                self.recorder.add(cp_id, "event", 0, "", "refused", {"status": 403, "reason": reason})
                return connection.respond(HTTPStatus.FORBIDDEN, reason + "\n")
        return None

    @staticmethod
    def _select_subprotocol(connection: ServerConnection, subprotocols):
        # OCPP-J §3.1.2: the server must agree on ocpp1.6; a charger that does not offer it is refused.
        return "ocpp1.6" if "ocpp1.6" in subprotocols else None

    async def _handle(self, connection: ServerConnection) -> None:
        path = connection.request.path
        cp_id = path.rstrip("/").rsplit("/", 1)[-1]
        if connection.subprotocol != "ocpp1.6":
            self.recorder.add(cp_id, "event", 0, "", "refused", {"path": path, "reason": "no ocpp1.6 subprotocol"})
            await connection.close(1002, "ocpp1.6 subprotocol required")
            return
        cp = InteropChargePoint(cp_id, connection, self)
        self.charge_points[cp_id] = cp
        user, _ = _basic_credentials(connection.request.headers.get("Authorization"))
        tls = connection.transport.get_extra_info("ssl_object") is not None
        self.recorder.add(cp_id, "event", 0, "", "connected", {
            "path": path, "tls": tls, "basicUser": user, "clientCN": _client_common_name(connection)})
        self._event(cp_id).set()
        try:
            await cp.start()
        except websockets.ConnectionClosed as closed:
            self.recorder.add(
                cp_id, "event", 0, "", "disconnected", {"code": closed.rcvd.code if closed.rcvd else None}
            )
        finally:
            if self.charge_points.get(cp_id) is cp:
                del self.charge_points[cp_id]
                self._event(cp_id).clear()

    def _event(self, cp_id: str) -> asyncio.Event:
        if cp_id not in self._connected:
            self._connected[cp_id] = asyncio.Event()
        return self._connected[cp_id]

    def recorder_answering(self, cp_id: str, unique_id: str) -> str:
        """The action of the charger's CALL `unique_id` (for recording our answer to it)."""
        for record in reversed(self.recorder.records):
            if record.cp_id == cp_id and record.unique_id == unique_id and record.kind == CALL:
                return record.action
        return "?"

    # Control API ------------------------------------------------------------------------------

    async def wait_connected(self, cp_id: str, timeout: float) -> InteropChargePoint:
        """The live connection of `cp_id`, waiting for it to (re)connect."""
        await asyncio.wait_for(self._event(cp_id).wait(), timeout)
        return self.charge_points[cp_id]

    async def call(self, cp_id: str, payload: Any, timeout: float = 20) -> CallOutcome:
        """Sends a CSMS-initiated CALL (a `ocpp.v16.call.*` dataclass) and returns the answer,
        schema-validated by the `ocpp` package. A CALLERROR comes back as `CallOutcome.error`;
        an answer that violates the schema raises (the package's FormatViolation & co.)."""
        cp = await self.wait_connected(cp_id, timeout)
        unique_id = str(uuid.uuid4())
        try:
            result = await cp.call(payload, suppress=False, unique_id=unique_id)
        except asyncio.TimeoutError:
            raise CallTimeout(
                f"no answer to {type(payload).__name__} (message id {unique_id}) within {self.response_timeout:.0f}s"
            ) from None
        except OCPPError as error:
            # A CALLERROR the charger sent is an answer; any other OCPPError is the package
            # rejecting the charger's answer (schema validation), which the caller must see.
            answers = self.recorder.select(direction="cp", kind=CALLERROR, cp_id=cp_id)
            if any(record.unique_id == unique_id for record in answers):
                return CallOutcome(error=error)
            raise
        return CallOutcome(result=result)

    def id_tag_info(self, id_tag: str) -> datatypes.IdTagInfo:
        status = self.tag_status.get(id_tag, self.default_tag_status)
        return datatypes.IdTagInfo(status=status)

    def schema_violations(self, after: int = 0) -> list[Record]:
        """CALLERRORs the `ocpp` package answered to the charger's CALLs: messages that failed
        validation against the OCPP 1.6 schemas (or that it could not route)."""
        return self.recorder.select(after=after, direction="csms", kind=CALLERROR)


def _basic_credentials(header: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(user, password) of a Basic Authorization header; (None, None) when absent or malformed."""
    if not header or not header.startswith("Basic "):
        return None, None
    try:
        user, _, password = base64.b64decode(header[6:], validate=True).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None, None
    return user, password


def _client_common_name(connection: ServerConnection) -> Optional[str]:
    """The CN of the client certificate the TLS handshake verified, if any."""
    certificate = connection.transport.get_extra_info("peercert") if connection.transport else None
    for rdn in (certificate or {}).get("subject", ()):
        for key, value in rdn:
            if key == "commonName":
                return value
    return None

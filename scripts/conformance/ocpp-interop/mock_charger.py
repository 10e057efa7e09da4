"""A tiny charge point on the `ocpp` package, to check the suite itself (not a simulator).

    python mock_charger.py fleet --csms URL [--id-prefix CP] [other chargesim fleet flags, ignored]

Takes the same command line as `chargesim fleet` (one charger, id `<prefix>1`) so that
`run_interop.py --chargesim "python mock_charger.py"` exercises every scenario's plumbing.
It is deliberately simple: no offline queue (MeterValues sampled offline are lost, which the
offline scenario must catch), a fixed three-phase EV drawing min(32 A, limit).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime, timezone

import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class MockCharger(ChargePoint):
    def __init__(self, cp_id, connection, state):
        super().__init__(cp_id, connection)
        self.s = state

    async def send_status(self, connector, status):
        self.s["status"][connector] = status
        await self.call(call.StatusNotification(connector_id=connector, error_code="NoError", status=status))

    async def boot(self):
        while True:
            result = await self.call(call.BootNotification(
                charge_point_vendor="Ampvia", charge_point_model="CityPost Duo 22", firmware_version="5.12.3",
                charge_point_serial_number="CPD-00001", charge_box_serial_number="AMPV-CB-000001",
                meter_serial_number="AMV3-0000001"))
            if result.status == "Accepted":
                self.s["hb"] = result.interval
                break
            await asyncio.sleep(result.interval)
        for connector in (0, 1, 2):
            await self.send_status(connector, self.s["status"].get(connector, "Available"))
        asyncio.ensure_future(self.heartbeat())

    async def heartbeat(self):
        while True:
            await asyncio.sleep(self.s["hb"])
            await self.call(call.Heartbeat())

    def meter(self, context="Sample.Periodic", connector=1):
        amps = min(32.0, self.s["limit"]) if self.s["tx"] else 0.0
        sampled = [{"value": str(round(self.s["energy"])), "context": context,
                    "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]
        for phase in ("L1", "L2", "L3"):
            sampled.append({"value": f"{amps:.1f}", "context": context, "measurand": "Current.Import",
                            "phase": phase, "unit": "A"})
        return [{"timestamp": now(), "sampledValue": sampled}]

    async def charging(self, tx):
        while self.s["tx"] == tx:
            await asyncio.sleep(int(self.s["config"]["MeterValueSampleInterval"]))
            if self.s["tx"] != tx:
                break
            self.s["energy"] += min(32.0, self.s["limit"]) * 3 * 230 * int(self.s["config"]["MeterValueSampleInterval"]) / 3600
            try:
                await self.call(call.MeterValues(connector_id=1, transaction_id=tx, meter_value=self.meter()))
            except Exception:
                pass

    async def start_tx(self, tag):
        await self.call(call.Authorize(id_tag=tag))
        await self.send_status(1, "Preparing")
        await asyncio.sleep(0.5)
        result = await self.call(call.StartTransaction(connector_id=1, id_tag=tag, meter_start=int(self.s["energy"]),
                                                       timestamp=now()))
        self.s["tx"] = result.transaction_id
        self.s["limit"] = 32.0
        await self.send_status(1, "Charging")
        asyncio.ensure_future(self.charging(result.transaction_id))

    async def stop_tx(self, reason):
        tx, self.s["tx"] = self.s["tx"], None
        await self.call(call.StopTransaction(meter_stop=int(self.s["energy"]), timestamp=now(), transaction_id=tx,
                                             reason=reason))
        await self.send_status(1, "Finishing")
        if self.s["pending_unavailable"]:
            self.s["pending_unavailable"] = False
            await self.send_status(1, "Unavailable")

    @on(Action.remote_start_transaction)
    async def on_remote_start(self, id_tag, **kw):
        asyncio.get_running_loop().call_later(0.1, lambda: asyncio.ensure_future(self.start_tx(id_tag)))
        return call_result.RemoteStartTransaction(status="Accepted")

    @on(Action.remote_stop_transaction)
    async def on_remote_stop(self, transaction_id, **kw):
        if transaction_id != self.s["tx"]:
            return call_result.RemoteStopTransaction(status="Rejected")
        asyncio.get_running_loop().call_later(0.1, lambda: asyncio.ensure_future(self.stop_tx("Remote")))
        return call_result.RemoteStopTransaction(status="Accepted")

    @on(Action.get_configuration)
    async def on_get_configuration(self, key=None, **kw):
        config = self.s["config"]
        keys = key or list(config)
        known = [{"key": k, "readonly": k in ("NumberOfConnectors", "SupportedFeatureProfiles"), "value": config[k]}
                 for k in keys if k in config]
        unknown = [k for k in keys if k not in config]
        return call_result.GetConfiguration(configuration_key=known, unknown_key=unknown or None)

    @on(Action.change_configuration)
    async def on_change_configuration(self, key, value, **kw):
        config = self.s["config"]
        if key not in config:
            return call_result.ChangeConfiguration(status="NotSupported")
        if key in ("NumberOfConnectors", "SupportedFeatureProfiles") or (key.endswith("Interval") or key.endswith("Out")) and not value.isdigit():
            return call_result.ChangeConfiguration(status="Rejected")
        config[key] = value
        if key == "HeartbeatInterval":
            self.s["hb"] = int(value)
        return call_result.ChangeConfiguration(status="Accepted")

    @on(Action.trigger_message)
    async def on_trigger(self, requested_message, connector_id=None, **kw):
        async def later():
            await asyncio.sleep(0.1)
            if requested_message == "BootNotification":
                await self.call(call.BootNotification(charge_point_vendor="Ampvia", charge_point_model="CityPost Duo 22"))
            elif requested_message == "Heartbeat":
                await self.call(call.Heartbeat())
            elif requested_message == "StatusNotification":
                for c in ([connector_id] if connector_id is not None else [0, 1, 2]):
                    await self.send_status(c, self.s["status"].get(c, "Available"))
            elif requested_message == "MeterValues":
                await self.call(call.MeterValues(connector_id=connector_id or 1, meter_value=self.meter("Trigger")))
            elif requested_message == "FirmwareStatusNotification":
                await self.call(call.FirmwareStatusNotification(status="Idle"))
            else:
                await self.call(call.DiagnosticsStatusNotification(status="Idle"))
        asyncio.ensure_future(later())
        return call_result.TriggerMessage(status="Accepted")

    @on(Action.data_transfer)
    async def on_data_transfer(self, vendor_id, **kw):
        return call_result.DataTransfer(status="Accepted" if vendor_id == "com.ampvia" else "UnknownVendorId")

    @on(Action.clear_cache)
    async def on_clear_cache(self, **kw):
        return call_result.ClearCache(status="Accepted")

    @on(Action.get_local_list_version)
    async def on_get_local_list_version(self, **kw):
        return call_result.GetLocalListVersion(list_version=self.s["list_version"])

    @on(Action.send_local_list)
    async def on_send_local_list(self, list_version, update_type, **kw):
        self.s["list_version"] = list_version
        return call_result.SendLocalList(status="Accepted")

    @on(Action.reserve_now)
    async def on_reserve_now(self, connector_id, reservation_id, **kw):
        self.s["reservation"] = reservation_id
        asyncio.ensure_future(self.send_status(connector_id, "Reserved"))
        return call_result.ReserveNow(status="Accepted")

    @on(Action.cancel_reservation)
    async def on_cancel_reservation(self, reservation_id, **kw):
        if reservation_id != self.s.get("reservation"):
            return call_result.CancelReservation(status="Rejected")
        self.s["reservation"] = None
        asyncio.ensure_future(self.send_status(2, "Available"))
        return call_result.CancelReservation(status="Accepted")

    @on(Action.change_availability)
    async def on_change_availability(self, connector_id, type, **kw):
        if connector_id == 1 and self.s["tx"] and type == "Inoperative":
            self.s["pending_unavailable"] = True
            return call_result.ChangeAvailability(status="Scheduled")
        asyncio.ensure_future(self.send_status(connector_id, "Available" if type == "Operative" else "Unavailable"))
        return call_result.ChangeAvailability(status="Accepted")

    @on(Action.unlock_connector)
    async def on_unlock(self, connector_id, **kw):
        if connector_id == 1 and self.s["tx"]:
            asyncio.ensure_future(self.stop_tx("UnlockCommand"))
        return call_result.UnlockConnector(status="Unlocked")

    @on(Action.set_charging_profile)
    async def on_set_charging_profile(self, connector_id, cs_charging_profiles, **kw):
        self.s["limit"] = float(cs_charging_profiles["charging_schedule"]["charging_schedule_period"][0]["limit"])
        return call_result.SetChargingProfile(status="Accepted")

    @on(Action.get_composite_schedule)
    async def on_get_composite_schedule(self, connector_id, duration, **kw):
        return call_result.GetCompositeSchedule(status="Accepted", connector_id=connector_id, schedule_start=now(),
                                                charging_schedule={"duration": duration, "charging_rate_unit": "A",
                                                                   "charging_schedule_period": [
                                                                       {"start_period": 0, "limit": self.s["limit"]}]})

    @on(Action.clear_charging_profile)
    async def on_clear_charging_profile(self, **kw):
        self.s["limit"] = 32.0
        return call_result.ClearChargingProfile(status="Accepted")

    @on(Action.reset)
    async def on_reset(self, type, **kw):
        async def later():
            await asyncio.sleep(0.1)
            if self.s["tx"]:
                await self.stop_tx("SoftReset" if type == "Soft" else "HardReset")
            await self._connection.close()
        asyncio.ensure_future(later())
        return call_result.Reset(status="Accepted")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--csms", required=True)
    parser.add_argument("--id-prefix", default="CP")
    args, _ = parser.parse_known_args()
    cp_id = f"{args.id_prefix}1"
    state = {"status": {}, "tx": None, "energy": 1000.0, "limit": 32.0, "list_version": 0, "hb": 600,
             "pending_unavailable": False,
             "config": {"HeartbeatInterval": "600", "MeterValueSampleInterval": "60", "ConnectionTimeOut": "60",
                        "NumberOfConnectors": "2", "AuthorizeRemoteTxRequests": "true",
                        "SupportedFeatureProfiles": "Core,FirmwareManagement,LocalAuthListManagement,Reservation,"
                                                    "SmartCharging,RemoteTrigger",
                        "LocalAuthListMaxLength": "100", "ChargeProfileMaxStackLevel": "10"}}
    while True:
        try:
            async with websockets.connect(f"{args.csms}/{cp_id}", subprotocols=["ocpp1.6"]) as ws:
                charger = MockCharger(cp_id, ws, state)
                serving = asyncio.ensure_future(charger.start())
                await charger.boot()
                await serving
        except (OSError, websockets.ConnectionClosed, asyncio.TimeoutError):
            await asyncio.sleep(1)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)

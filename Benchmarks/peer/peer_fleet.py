#!/usr/bin/env python3
"""A one-process fleet of OCPP 1.6J charge points on the PyPI `ocpp` and `websockets` packages:
the stack users build for load tests, run by `chargesim bench fleet` (Benchmarks/fleet-bench.py)
with the same parameters as our fleet.

Each charger connects to <csms>/<id> (subprotocol ocpp1.6, no compression, like our fleet's
default), boots, reports its connectors Available and heartbeats at the interval the central
system returns. The same share of chargers as `chargesim fleet --charging-share` (the same
evenly spread positions) plugs in: StatusNotification Preparing, Authorize, StartTransaction,
Charging, then MeterValues (energy, power, current, voltage) every --meter-interval seconds.

Every second it writes --stats-file in the shape of `chargesim fleet --stats-file`: counts,
calls sent and round-trip histograms (call() awaited, in the buckets of RoundTripHistogram.swift),
and once more when SIGTERM/SIGINT has cancelled every charger.

--websockets-defaults connects with the `websockets` library's defaults (it offers
permessage-deflate and pings every 20 s), as users build it; without it the connection is tuned
like our fleet (no compression offered, pings every 60 s, at most 16 queued messages).
"""
import argparse
import asyncio
import json
import math
import os
import signal
import time
from datetime import datetime, timezone

import websockets
from ocpp.v16 import ChargePoint, call
from ocpp.v16.enums import ChargePointStatus, ChargePointErrorCode


SUB_BITS = 5  # 32 buckets per power of two, as RoundTripHistogram.swift
SUB_BUCKETS = 1 << SUB_BITS


def bucket(micros):
    if micros < SUB_BUCKETS:
        return micros
    exponent = micros.bit_length() - 1
    sub = (micros >> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1)
    return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub


def lower_bound(index):
    if index < SUB_BUCKETS:
        return index
    exponent = (index - SUB_BUCKETS) // SUB_BUCKETS + SUB_BITS
    sub = (index - SUB_BUCKETS) % SUB_BUCKETS
    return (SUB_BUCKETS + sub) << (exponent - SUB_BITS)


class Stats:
    def __init__(self, total):
        self.total = total
        self.connected = 0
        self.booted = 0
        self.charging = 0
        self.calls_sent = 0
        self.meter_values_sent = 0
        self.round_trip = {}
        self.meter_values_round_trip = {}

    def record(self, action, nanoseconds):
        index = bucket(nanoseconds // 1000)
        self.round_trip[index] = self.round_trip.get(index, 0) + 1
        if action == "MeterValues":
            self.meter_values_round_trip[index] = self.meter_values_round_trip.get(index, 0) + 1

    def write(self, path):
        def buckets(histogram):
            return [[lower_bound(i), histogram[i]] for i in sorted(histogram)]

        body = {
            "total": self.total, "connected": self.connected, "booted": self.booted,
            "charging": self.charging, "faulted": 0, "callsSent": self.calls_sent,
            "meterValuesSent": self.meter_values_sent, "roundTripMicros": buckets(self.round_trip),
            "meterValuesRoundTripMicros": buckets(self.meter_values_round_trip), "time": time.time(),
        }
        temporary = path + ".tmp"
        with open(temporary, "w") as file:
            json.dump(body, file, sort_keys=True)
        os.replace(temporary, path)


def now():
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class Charger(ChargePoint):
    stats = None

    async def timed(self, request):
        action = type(request).__name__
        self.stats.calls_sent += 1
        if action == "MeterValues":
            self.stats.meter_values_sent += 1
        started = time.monotonic_ns()
        response = await self.call(request)
        self.stats.record(action, time.monotonic_ns() - started)
        return response


def charging_positions(count, share):
    if share <= 0:
        return set()
    return {p for p in range(count) if math.floor((p + 1) * share) > math.floor(p * share)}


async def run_charger(args, stats, index, charges, delay):
    await asyncio.sleep(delay)
    width = len(str(args.count))
    charger_id = f"{args.id_prefix}{index:0{width}d}"
    url = args.csms.rstrip("/") + "/" + charger_id
    while True:
        try:
            options = {} if args.websockets_defaults else {
                "compression": None, "ping_interval": 60, "open_timeout": 30, "max_queue": 16}
            async with websockets.connect(url, subprotocols=["ocpp1.6"], **options) as ws:
                stats.connected += 1
                try:
                    await session(args, stats, Charger(charger_id, ws), index, charges)
                finally:
                    stats.connected -= 1
        except (OSError, websockets.exceptions.WebSocketException, asyncio.TimeoutError):
            await asyncio.sleep(5)


async def session(args, stats, cp, index, charges):
    cp.stats = stats
    reader = asyncio.create_task(cp.start())
    booted = charging = False
    try:
        boot = await cp.timed(call.BootNotification(
            charge_point_vendor="Voltaris", charge_point_model="HomeBox 7",
            charge_point_serial_number=f"HB7-{index:05d}", firmware_version="2.4.1"))
        interval = boot.interval or 300
        booted = True
        stats.booted += 1
        for connector in (0, 1):
            await cp.timed(call.StatusNotification(
                connector_id=connector, error_code=ChargePointErrorCode.no_error,
                status=ChargePointStatus.available, timestamp=now()))
        heartbeat = asyncio.create_task(heartbeats(cp, interval))
        try:
            if charges:
                await cp.timed(call.StatusNotification(
                    connector_id=1, error_code=ChargePointErrorCode.no_error,
                    status=ChargePointStatus.preparing, timestamp=now()))
                # One tag per charger, as our fleet does: a shared tag gets ConcurrentTx.
                id_tag = ("LT" + cp.id)[-20:]
                await cp.timed(call.Authorize(id_tag=id_tag))
                start = await cp.timed(call.StartTransaction(
                    connector_id=1, id_tag=id_tag, meter_start=0, timestamp=now()))
                await cp.timed(call.StatusNotification(
                    connector_id=1, error_code=ChargePointErrorCode.no_error,
                    status=ChargePointStatus.charging, timestamp=now()))
                charging = True
                stats.charging += 1
                energy = 0.0
                while True:
                    await asyncio.sleep(args.meter_interval)
                    energy += 7400 * args.meter_interval / 3600
                    await cp.timed(call.MeterValues(
                        connector_id=1, transaction_id=start.transaction_id,
                        meter_value=[{"timestamp": now(), "sampledValue": [
                            {"value": f"{energy:.1f}", "context": "Sample.Periodic",
                             "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
                            {"value": "7400.0", "context": "Sample.Periodic",
                             "measurand": "Power.Active.Import", "unit": "W"},
                            {"value": "32.0", "context": "Sample.Periodic",
                             "measurand": "Current.Import", "unit": "A", "phase": "L1"},
                            {"value": "230.0", "context": "Sample.Periodic",
                             "measurand": "Voltage", "unit": "V", "phase": "L1-N"},
                        ]}]))
            else:
                await reader
        finally:
            heartbeat.cancel()
    finally:
        reader.cancel()
        if booted:
            stats.booted -= 1
        if charging:
            stats.charging -= 1


async def heartbeats(cp, interval):
    while True:
        await asyncio.sleep(interval)
        await cp.timed(call.Heartbeat())


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csms", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--id-prefix", default="PY")
    parser.add_argument("--ramp", type=float, default=100)
    parser.add_argument("--charging-share", type=float, default=0)
    parser.add_argument("--meter-interval", type=float, default=10)
    parser.add_argument("--stats-file", required=True)
    parser.add_argument("--websockets-defaults", action="store_true",
                        help="connect with websockets' defaults (permessage-deflate offered, pings every 20 s)")
    args = parser.parse_args()
    stats = Stats(args.count)
    picked = charging_positions(args.count, args.charging_share)
    tasks = [
        asyncio.create_task(run_charger(args, stats, p + 1, p in picked, p / args.ramp))
        for p in range(args.count)
    ]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    while not stop.is_set():
        stats.write(args.stats_file)
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass
    for task in tasks:
        task.cancel()
    # Final: a cancelled charger sends nothing more, and a call it was awaiting is never counted as
    # answered. Written before the (possibly slow) closing handshakes, which may be cut short.
    stats.write(args.stats_file)
    await asyncio.wait(tasks, timeout=5)


if __name__ == "__main__":
    import logging
    logging.getLogger("ocpp").setLevel(logging.WARNING)
    asyncio.run(main())

#!/usr/bin/env python3
"""One fleet against one fresh central system, for the round trip (issue 11): starts `chargesim
csms --stats-file`, then `chargesim fleet --stats-file` with the load of `chargesim bench fleet`'s
charging phase, waits until every charger is up, and prints over a window the fleet's MeterValues
round trip and the central system's own time per MeterValues (frame read → answer written), p50
and p99, with the CPU of both. Two binaries (--csms-bin) or two --timer-slack values side by side
show which side a change of the round trip is on. Stdlib only; reuses fleet-bench.py's readers.

    Benchmarks/round-trip.py .build-release/release/chargesim --timer-slack 0
    Benchmarks/round-trip.py NEW --csms-bin OLD --chargers 2000 --charging-share 1 --meter-interval 1
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location("fleet_bench", os.path.join(HERE, "fleet-bench.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
# The central system replaces its stats file every 5 s: a window opens and closes past a write.
STATS_PERIOD = 5.5


def main():
    parser = argparse.ArgumentParser(description="ChargeSim round trip: one fleet, one central system.")
    parser.add_argument("chargesim", help="the chargesim binary of the fleet")
    parser.add_argument("--csms-bin", help="the chargesim binary of the central system (default: the fleet's)")
    parser.add_argument("--chargers", type=int, default=19000)
    parser.add_argument("--ramp", type=float, default=500)
    parser.add_argument("--charging-share", type=float, default=0.2)
    parser.add_argument("--meter-interval", type=int, default=10)
    parser.add_argument("--warmup", type=float, default=5, help="seconds after all are up, before measuring")
    parser.add_argument("--window", type=float, default=60, help="measured seconds")
    parser.add_argument("--timer-slack", help="passed to chargesim fleet (auto or ms)")
    parser.add_argument("--threads", type=int, help="passed to chargesim fleet (default: the fleet's, one per core; "
                        "chargesim bench fleet runs 1)")
    parser.add_argument("--boot-timeout", type=float, default=120)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="chargesim-round-trip-")
    ready = os.path.join(folder, "ready.json")
    central_stats = os.path.join(folder, "csms.json")
    central = subprocess.Popen(
        [args.csms_bin or args.chargesim, "csms", "--data-dir", os.path.join(folder, "csms"), "--ocpp-port", "0",
         "--api-port", "0", "--auto-register", "--unknown-id-tags", "accept", "--ready-file", ready,
         "--stats-file", central_stats],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "csms.log"), "w"))
    fleet = None
    try:
        deadline = time.time() + 60
        while not os.path.exists(ready):
            if central.poll() is not None or time.time() > deadline:
                raise SystemExit(f"round-trip: the central system did not start (see {folder}/csms.log)")
            time.sleep(0.2)
        with open(ready) as file:
            url = json.load(file)["ocppUrl"]
        fleet_stats = os.path.join(folder, "fleet.json")
        command = [
            args.chargesim, "fleet", "--csms", url, "--profile",
            f"{os.path.join(ROOT, 'profiles/ac-wallbox-7kw.yaml')}:{args.chargers}", "--id-prefix", "R",
            "--ramp", str(args.ramp), "--charging-share", str(args.charging_share),
            "--meter-interval", str(args.meter_interval), "--stats-file", fleet_stats, "--on-stop", "leave-queued",
        ] + (["--timer-slack", str(args.timer_slack)] if args.timer_slack is not None else []) \
          + (["--threads", str(args.threads)] if args.threads is not None else [])
        fleet = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "fleet.log"), "w"))
        share = args.charging_share
        charging = sum(1 for p in range(args.chargers) if int((p + 1) * share) > int(p * share))
        bench.wait_up("fleet", fleet, fleet_stats, args.chargers, charging, args, folder)
        time.sleep(args.warmup + STATS_PERIOD)

        def snapshot():
            return (bench.read_stats(fleet_stats), bench.read_stats(central_stats), bench.cpu_seconds(fleet.pid),
                    bench.cpu_seconds(central.pid), time.time())

        before = snapshot()
        time.sleep(args.window + STATS_PERIOD)
        after = snapshot()

        def hist(index, key):
            return bench.window(bench.histogram(before[index], key), bench.histogram(after[index], key))

        fleet_mv = hist(0, "meterValuesRoundTripMicros")
        calls = sum(hist(0, "roundTripMicros").values())
        central_mv = hist(1, "meterValuesProcessingMicros")
        elapsed = after[4] - before[4]

        def ms(micros):
            return "-" if micros is None else f"{micros / 1000:.2f}"

        print(f"timer slack {args.timer_slack if args.timer_slack is not None else 'default'}: "
              f"fleet round trip p50 {ms(bench.quantile(fleet_mv, 0.5))} p99 {ms(bench.quantile(fleet_mv, 0.99))} ms; "
              f"central system p50 {ms(bench.quantile(central_mv, 0.5))} p99 {ms(bench.quantile(central_mv, 0.99))} ms; "
              f"{calls / elapsed:.0f} calls/s, {sum(fleet_mv.values())} MeterValues; "
              f"fleet {(after[2] - before[2]) / elapsed:.4f} cores; "
              f"central system {(after[3] - before[3]) / calls * 1000 if calls else 0:.3f} CPU s per 1,000 calls; "
              f"{(after[0].get('timersFired', 0) - before[0].get('timersFired', 0)) / elapsed:.0f} timers/s in "
              f"{(after[0].get('timerWakeUps', 0) - before[0].get('timerWakeUps', 0)) / elapsed:.0f} wake-ups/s, "
              f"{after[0].get('timerSlackBusyLoops', 0)} loop(s) coalescing at the end, "
              f"{after[0].get('timerSlackSwitches', 0) - before[0].get('timerSlackSwitches', 0)} switch(es) in the "
              f"window ({before[0].get('timerSlackSwitches', 0)} before); "
              f"{after[0]['connected']} connected", flush=True)
    finally:
        for process in (fleet, central):
            if process is not None:
                bench.stop(process, 60)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

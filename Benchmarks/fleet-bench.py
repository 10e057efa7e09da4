#!/usr/bin/env python3
"""The fleet benchmark behind `chargesim bench fleet` (issue 11): starts the embedded central
system (`chargesim csms`), then our fleet (`chargesim fleet`), then the Python peer fleet
(Benchmarks/peer/peer_fleet.py, PyPI `ocpp` + `websockets`), one after the other with the same
parameters against the same central system, and prints a table with the ratio.

For each fleet: wait until every charger is connected and booted and the charging share is
charging, let it settle (--warmup), then measure over --duration seconds from the fleet's stats
file (calls, MeterValues round-trip histogram) and /proc/<pid> (CPU time, VmRSS). Stdlib only.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TICKS = os.sysconf("SC_CLK_TCK")


def log(text):
    print(text, file=sys.stderr, flush=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def read_stats(path):
    try:
        with open(path) as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def histogram(stats, key):
    return {lower: count for lower, count in stats.get(key, [])}


def window(before, after):
    return {k: after[k] - before.get(k, 0) for k in after if after[k] - before.get(k, 0) > 0}


def quantile(hist, fraction):
    """The upper bound (µs) of the bucket holding the quantile, like RoundTripHistogram.quantile."""
    total = sum(hist.values())
    if total == 0:
        return None
    rank = max(int(-(-total * fraction // 1)), 1)
    seen = 0
    bounds = sorted(hist)
    for position, lower in enumerate(bounds):
        seen += hist[lower]
        if seen >= rank:
            return upper_bound(lower)
    return None


def upper_bound(lower):
    if lower < 16:
        return lower
    exponent = lower.bit_length() - 1
    return lower + (1 << (exponent - 3)) - 1


def start_central_system(args, folder):
    ready = os.path.join(folder, "ready.json")
    command = [
        args.chargesim, "csms", "--data-dir", os.path.join(folder, "csms"), "--ocpp-port", "0",
        "--api-port", "0", "--auto-register", "--unknown-id-tags", "accept", "--ready-file", ready,
    ]
    log("$ " + " ".join(command))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "csms.log"), "w"))
    deadline = time.time() + 60
    while not os.path.exists(ready):
        if process.poll() is not None or time.time() > deadline:
            sys.exit(f"fleet-bench: the central system did not start (see {folder}/csms.log)")
        time.sleep(0.2)
    with open(ready) as file:
        return process, json.load(file)["ocppUrl"]


def measure(name, command, stats_path, args, chargers, folder):
    log("$ " + " ".join(command))
    errors = open(os.path.join(folder, name + ".log"), "w")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    expected_charging = sum(
        1 for p in range(chargers) if int((p + 1) * args.charging_share) > int(p * args.charging_share))
    deadline = time.time() + chargers / args.ramp + args.boot_timeout
    stats = None
    started = time.time()
    while True:
        time.sleep(1)
        if process.poll() is not None:
            sys.exit(f"fleet-bench: {name} exited with {process.returncode} (see {folder}/{name}.log)")
        stats = read_stats(stats_path)
        if stats and stats["booted"] >= chargers and stats["charging"] >= expected_charging:
            break
        if time.time() > deadline:
            log(f"fleet-bench: {name}: not all up after {time.time() - started:.0f} s: {stats}; measuring anyway")
            break
    up_after = time.time() - started
    log(f"{name}: up in {up_after:.1f} s: {stats}; warming up {args.warmup} s")
    time.sleep(args.warmup)
    before, cpu_before, t_before = read_stats(stats_path), cpu_seconds(process.pid), time.time()
    lowest = before["connected"]
    end = t_before + args.duration
    while time.time() < end:
        time.sleep(min(1, max(end - time.time(), 0)))
        current = read_stats(stats_path)
        if current:
            lowest = min(lowest, current["connected"])
    after, cpu_after, t_after = read_stats(stats_path), cpu_seconds(process.pid), time.time()
    rss = rss_kib(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    elapsed_stats = after["time"] - before["time"] or (t_after - t_before)
    mv_hist = window(histogram(before, "meterValuesRoundTripMicros"), histogram(after, "meterValuesRoundTripMicros"))
    all_hist = window(histogram(before, "roundTripMicros"), histogram(after, "roundTripMicros"))
    answered = sum(all_hist.values())
    mv_answered = sum(mv_hist.values())
    cpu = cpu_after - cpu_before
    return {
        "connected": after["connected"],
        "lowest": lowest,
        "up_after": up_after,
        "mv_per_s": mv_answered / elapsed_stats,
        "calls_per_s": answered / elapsed_stats,
        "cpu_per_1000": cpu / answered * 1000 if answered else None,
        "cpu_share": cpu / (t_after - t_before),
        "rss_per_charger": rss / after["connected"] if after["connected"] else None,
        "rss_mib": rss / 1024,
        "p50": quantile(mv_hist, 0.5),
        "p99": quantile(mv_hist, 0.99),
        "all_p99": quantile(all_hist, 0.99),
    }


def table(ours, peer):
    rows = [
        ("chargers connected (lowest in window)", lambda r: f"{r['connected']} ({r['lowest']})", None, None),
        ("time to connect and boot all, s", lambda r: f"{r['up_after']:.1f}", "up_after", False),
        ("MeterValues/s answered", lambda r: f"{r['mv_per_s']:.1f}", "mv_per_s", True),
        ("calls/s answered (all actions)", lambda r: f"{r['calls_per_s']:.1f}", "calls_per_s", True),
        ("fleet CPU s per 1,000 calls", lambda r: fmt(r["cpu_per_1000"], 4), "cpu_per_1000", False),
        ("fleet CPU use (cores)", lambda r: f"{r['cpu_share']:.3f}", None, None),
        ("fleet RSS MiB", lambda r: f"{r['rss_mib']:.1f}", None, None),
        ("RSS per connected charger, KiB", lambda r: fmt(r["rss_per_charger"], 1), "rss_per_charger", False),
        ("MeterValues round trip p50, ms", lambda r: fmt_ms(r["p50"]), "p50", False),
        ("MeterValues round trip p99, ms", lambda r: fmt_ms(r["p99"]), "p99", False),
        ("all calls round trip p99, ms", lambda r: fmt_ms(r["all_p99"]), "all_p99", False),
    ]
    lines = ["| metric | ours | peer (Python ocpp) | ratio (better ×) |", "|---|---:|---:|---:|"]
    for title, show, key, higher_is_better in rows:
        ratio = ""
        if peer and key and ours.get(key) and peer.get(key):
            value = ours[key] / peer[key] if higher_is_better else peer[key] / ours[key]
            ratio = f"{value:.1f}×"
        lines.append(f"| {title} | {show(ours) if ours else '-'} | {show(peer) if peer else '-'} | {ratio} |")
    return "\n".join(lines)


def fmt(value, digits):
    return "-" if value is None else f"{value:.{digits}f}"


def fmt_ms(micros):
    return "-" if micros is None else f"≤ {micros / 1000:.2f}"


def main():
    parser = argparse.ArgumentParser(description="ChargeSim fleet benchmark: ours against the Python ocpp peer.")
    parser.add_argument("--chargesim", default=os.path.join(ROOT, ".build-release/release/chargesim"))
    parser.add_argument("--chargers", type=int, default=2000, help="chargers of our fleet")
    parser.add_argument("--peer-chargers", type=int, help="chargers of the peer fleet (default: --chargers)")
    parser.add_argument("--ramp", type=float, default=500, help="new connections per second")
    parser.add_argument("--charging-share", type=float, default=0.2)
    parser.add_argument("--meter-interval", type=int, default=10, help="seconds between MeterValues")
    parser.add_argument("--duration", type=float, default=60, help="measured steady state, seconds")
    parser.add_argument("--warmup", type=float, default=15, help="seconds after all are up, before measuring")
    parser.add_argument("--boot-timeout", type=float, default=120)
    parser.add_argument("--threads", type=int, default=1, help="event loop threads of our fleet")
    parser.add_argument("--source-address", help="passed to chargesim fleet")
    parser.add_argument("--python", help="the peer venv's python (default: scripts/conformance/python-peers-venv.sh)")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, database)")
    args = parser.parse_args()
    if not os.access(args.chargesim, os.X_OK):
        sys.exit(f"fleet-bench: no chargesim binary at {args.chargesim}; "
                 "build it: swift build -c release --scratch-path .build-release")
    peer_chargers = args.peer_chargers or args.chargers
    folder = tempfile.mkdtemp(prefix="chargesim-bench-")
    python = None
    if not args.skip_peer:
        python = args.python or subprocess.run(
            [os.path.join(ROOT, "scripts/conformance/python-peers-venv.sh")], check=True, capture_output=True,
            text=True).stdout.strip().splitlines()[-1]
    central, url = start_central_system(args, folder)
    try:
        stats = os.path.join(folder, "ours.json")
        command = [
            args.chargesim, "fleet", "--csms", url, "--profile",
            f"{os.path.join(ROOT, 'profiles/ac-wallbox-7kw.yaml')}:{args.chargers}", "--id-prefix", "SW",
            "--ramp", str(args.ramp), "--charging-share", str(args.charging_share),
            "--meter-interval", str(args.meter_interval), "--threads", str(args.threads), "--stats-file", stats,
        ]
        if args.source_address:
            command += ["--source-address", args.source_address]
        ours = measure("ours", command, stats, args, args.chargers, folder)
        peer = None
        if python:
            stats = os.path.join(folder, "peer.json")
            command = [
                python, os.path.join(HERE, "peer/peer_fleet.py"), "--csms", url, "--count", str(peer_chargers),
                "--id-prefix", "PY", "--ramp", str(args.ramp), "--charging-share", str(args.charging_share),
                "--meter-interval", str(args.meter_interval), "--stats-file", stats,
            ]
            peer = measure("peer", command, stats, args, peer_chargers, folder)
    finally:
        central.send_signal(signal.SIGTERM)
        try:
            central.wait(timeout=60)
        except subprocess.TimeoutExpired:
            central.kill()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    print(f"fleet benchmark: ours {args.chargers} chargers, peer {peer_chargers if python else '-'}; "
          f"ramp {args.ramp:g}/s, {args.charging_share:.0%} charging, MeterValues every {args.meter_interval} s, "
          f"{args.duration:g} s measured after {args.warmup:g} s warm-up; our fleet on {args.threads} thread(s); "
          f"{os.cpu_count()} cores, load average {load[0]:.1f} at the end")
    print(table(ours, peer))
    if args.keep:
        print(f"work folder: {folder}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The steady-state scale run behind `chargesim bench scale` (issue 11): one fleet of N chargers
cut into K shards (`chargesim fleet --shard k/K`), each shard a process with its own embedded
central system (`chargesim csms`), all on this machine; then a long steady state in which every
disconnect is counted.

Why K pairs of processes: a process may hold at most `ulimit -Hn` open files (20,000 on the
machine this was written on, and raising it needs CAP_SYS_RESOURCE), and every connection is one
file on each side. A single central system therefore tops out below that many chargers; the
fleet's own shards are what a many-pod deployment (Examples/deploy) runs.

What it prints, summed or merged over the shards:
- the ramp: time until every charger is connected and booted (the fleet is asked for --ramp
  connections per second in total);
- over the steady state (--duration seconds after --warmup): the lowest connected count (read every
  second), the connections lost (`connectionsLost` from each fleet's stats file, counted by the
  fleet as they happen, not sampled), MeterValues/s, fleet and central-system CPU per 1,000 calls,
  fleet RSS per charger, MeterValues round trip p50/p99 (bucket upper bounds, merged histograms);
- keep-up: MeterValues sent, answered and stored (each central system's SQLite), lost.
Stdlib only; reuses the helpers of fleet-bench.py.
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location("fleet_bench", os.path.join(HERE, "fleet-bench.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
log = bench.log


def merged(histograms):
    total = {}
    for hist in histograms:
        for lower, count in hist.items():
            total[lower] = total.get(lower, 0) + count
    return total


def stats_sum(stats, key):
    return sum(entry.get(key, 0) or 0 for entry in stats)


def read_all(paths):
    stats = [bench.read_stats(path) for path in paths]
    return None if any(entry is None for entry in stats) else stats


def start_central_systems(args, folder):
    central = []
    for shard in range(args.shards):
        shard_folder = os.path.join(folder, f"shard-{shard}")
        os.makedirs(shard_folder)
        process, ready = bench.start_central_system(args, shard_folder, False)
        ready["dataDir"] = os.path.join(shard_folder, "csms")
        central.append((process, ready))
    return central


def start_fleets(args, folder, central):
    fleets, paths = [], []
    for shard, (_, ready) in enumerate(central):
        stats_path = os.path.join(folder, f"shard-{shard}", "fleet.json")
        url = ready["ocppUrl"]
        command = [
            args.chargesim, "fleet", "--csms", url, "--profile", f"{args.profile}:{args.chargers}",
            "--shard", f"{shard}/{args.shards}", "--id-prefix", args.id_prefix,
            "--ramp", str(args.ramp / args.shards), "--charging-share", str(args.charging_share),
            "--meter-interval", str(args.meter_interval), "--threads", str(args.threads),
            "--stats-file", stats_path, "--on-stop", "leave-queued",
        ]
        if args.source_address:
            command += ["--source-address", args.source_address]
        log("$ " + " ".join(command))
        fleets.append(subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=open(os.path.join(folder, f"shard-{shard}", "fleet.log"), "w")))
        paths.append(stats_path)
    return fleets, paths


def wait_up(args, fleets, paths, folder):
    """Until every charger is booted and the charging share charges (faulted ones excused);
    returns (seconds to all booted, seconds to all charging)."""
    expected_charging = sum(
        1 for p in range(args.chargers)
        if int((p + 1) * args.charging_share) > int(p * args.charging_share))
    started = time.time()
    booted_after = None
    deadline = started + args.chargers / args.ramp + args.boot_timeout
    last = None
    while True:
        time.sleep(0.5)
        for shard, fleet in enumerate(fleets):
            if fleet.poll() is not None:
                sys.exit(f"scale-bench: fleet shard {shard} exited with {fleet.returncode} "
                         f"(see {folder}/shard-{shard}/fleet.log)")
        stats = read_all(paths)
        if not stats:
            continue
        booted = stats_sum(stats, "booted")
        charging = stats_sum(stats, "charging") + stats_sum(stats, "faulted")
        now = time.time()
        if booted >= args.chargers and booted_after is None:
            booted_after = now - started
            log(f"scale-bench: all {booted} booted after {booted_after:.1f} s")
        if booted_after is not None and charging >= expected_charging:
            return booted_after, now - started
        if last is None or now - last >= 10:
            last = now
            log(f"scale-bench: {now - started:.0f} s: connected {stats_sum(stats, 'connected')} "
                f"booted {booted} charging {stats_sum(stats, 'charging')}/{expected_charging}")
        if now > deadline:
            log(f"scale-bench: not all up after {now - started:.0f} s; measuring anyway")
            return booted_after, None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chargesim", default=os.path.join(ROOT, ".build-release/release/chargesim"))
    parser.add_argument("--chargers", type=int, default=50000)
    parser.add_argument("--shards", type=int, default=3, help="fleet processes, each with its own central system")
    parser.add_argument("--ramp", type=float, default=2000, help="new connections per second, all shards together")
    parser.add_argument("--charging-share", type=float, default=0.2)
    parser.add_argument("--meter-interval", type=int, default=10)
    parser.add_argument("--warmup", type=float, default=15)
    parser.add_argument("--duration", type=float, default=300)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--source-address", help="passed to every chargesim fleet")
    parser.add_argument("--profile", default=os.path.join(ROOT, "profiles/ac-wallbox-7kw.yaml"))
    parser.add_argument("--id-prefix", default="SC")
    parser.add_argument("--boot-timeout", type=float, default=240)
    # fleet-bench.start_central_system reads these.
    parser.set_defaults(deflate=False)
    args = parser.parse_args()
    if not os.access(args.chargesim, os.X_OK):
        sys.exit(f"scale-bench: no chargesim binary at {args.chargesim}; build it: "
                 "swift build -c release --scratch-path .build-release --product chargesim")
    folder = tempfile.mkdtemp(prefix="chargesim-scale-")
    log(f"scale-bench: working folder {folder}")
    central = start_central_systems(args, folder)
    fleets, paths = start_fleets(args, folder, central)
    try:
        booted_after, charging_after = wait_up(args, fleets, paths, folder)
        log(f"scale-bench: up; warming up {args.warmup} s")
        time.sleep(args.warmup)
        before = read_all(paths)
        cpu_before = [bench.cpu_seconds(fleet.pid) for fleet in fleets]
        central_before = [bench.cpu_seconds(process.pid) for process, _ in central]
        started = time.time()
        lowest = stats_sum(before, "connected")
        end = started + args.duration
        next_report = started + 30
        while time.time() < end:
            time.sleep(min(1, max(end - time.time(), 0)))
            current = read_all(paths)
            if current:
                lowest = min(lowest, stats_sum(current, "connected"))
                if time.time() >= next_report:
                    next_report += 30
                    log(f"scale-bench: {time.time() - started:.0f}/{args.duration:.0f} s: connected "
                        f"{stats_sum(current, 'connected')}, lowest {lowest}, lost "
                        f"{stats_sum(current, 'connectionsLost') - stats_sum(before, 'connectionsLost')}")
        after = read_all(paths)
        elapsed = time.time() - started
        fleet_cpu = sum(bench.cpu_seconds(fleet.pid) for fleet in fleets) - sum(cpu_before)
        central_cpu = sum(bench.cpu_seconds(process.pid) for process, _ in central) - sum(central_before)
        fleet_rss = sum(bench.rss_kib(fleet.pid) for fleet in fleets)
        central_rss = sum(bench.rss_kib(process.pid) for process, _ in central)
    finally:
        for fleet in fleets:
            bench.stop(fleet)
    finals = [bench.read_stats(path) for path in paths]
    keep = {"sent": 0, "answered": 0, "stored": 0, "lost": 0}
    for shard, (_, ready) in enumerate(central):
        final = finals[shard] or after[shard]
        answered = sum(count for _, count in final.get("meterValuesRoundTripMicros", []))
        counts = bench.keep_up(ready, args.id_prefix, (0, 0), final["meterValuesSent"], answered)
        keep["sent"] += counts["mv_sent"]
        keep["answered"] += counts["mv_answered_total"]
        keep["stored"] += counts["mv_stored"]
        keep["lost"] += counts["mv_lost"]
    for process, _ in central:
        bench.stop(process)

    mv = bench.window(merged(bench.histogram(s, "meterValuesRoundTripMicros") for s in before),
                      merged(bench.histogram(s, "meterValuesRoundTripMicros") for s in after))
    calls = bench.window(merged(bench.histogram(s, "roundTripMicros") for s in before),
                         merged(bench.histogram(s, "roundTripMicros") for s in after))
    answered = sum(calls.values())
    connected = stats_sum(after, "connected")
    lost_window = stats_sum(after, "connectionsLost") - stats_sum(before, "connectionsLost")
    lost_life = stats_sum(finals, "connectionsLost") if all(finals) else None
    opened_life = stats_sum(after, "connectionsOpened")

    def ms(micros):
        return "-" if micros is None else f"≤ {micros / 1000:.2f}"

    rows = [
        ("chargers (shards × central systems)", f"{args.chargers} ({args.shards} × 1)"),
        ("ramp asked, connections/s", f"{args.ramp:g}"),
        ("all connected and booted after, s", "-" if booted_after is None else f"{booted_after:.1f}"),
        ("charging share charging after, s", "-" if charging_after is None else f"{charging_after:.1f}"),
        ("steady state measured, s", f"{elapsed:.0f}"),
        ("connected at the end / lowest in the window", f"{connected} / {lowest}"),
        ("connections lost in the window", str(lost_window)),
        ("connections opened / lost, whole run", f"{opened_life} / {lost_life}"),
        ("MeterValues/s answered", f"{sum(mv.values()) / elapsed:.1f}"),
        ("calls/s answered", f"{answered / elapsed:.1f}"),
        ("fleet CPU s per 1,000 calls (all shards)", f"{fleet_cpu / answered * 1000:.4f}" if answered else "-"),
        ("fleet CPU use, cores", f"{fleet_cpu / elapsed:.3f}"),
        ("central systems CPU s per 1,000 calls", f"{central_cpu / answered * 1000:.4f}" if answered else "-"),
        ("fleet RSS MiB (all shards) / per connected charger KiB",
         f"{fleet_rss / 1024:.1f} / {fleet_rss / connected:.2f}" if connected else "-"),
        ("central systems RSS MiB", f"{central_rss / 1024:.1f}"),
        ("MeterValues round trip p50 / p99, ms", f"{ms(bench.quantile(mv, 0.5))} / {ms(bench.quantile(mv, 0.99))}"),
        ("all calls round trip p99, ms", ms(bench.quantile(calls, 0.99))),
        ("MeterValues sent / answered / stored, lost", f"{keep['sent']} / {keep['answered']} / {keep['stored']}, "
                                                       f"lost {keep['lost']}"),
    ]
    print(f"scale run: {args.chargers} chargers in {args.shards} shard(s), {args.charging_share:.0%} charging, "
          f"MeterValues every {args.meter_interval} s, fleet threads {args.threads} per shard; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; open-file limit "
          f"{os.sysconf('SC_OPEN_MAX')} per process")
    print("| metric | value |")
    print("|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    if lost_window or keep["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()

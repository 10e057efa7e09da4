import Simulator

/// `--stats-file`: the fleet's counts, calls and round-trip histograms as one JSON object,
/// replaced atomically each time, for `chargesim bench fleet` (and the Python peer fleet of
/// Benchmarks/peer, which writes the same shape):
///
///     {"connected": 2000, "booted": 2000, "charging": 400, "callsSent": 81234,
///      "meterValuesSent": 4000, "roundTripMicros": [[lowerBound, count], ...],
///      "meterValuesRoundTripMicros": [[lowerBound, count], ...],
///      "connectionsOpened": 2000, "connectionsLost": 0, "timersFired": 90210, "timerWakeUps": 4100,
///      "timerSlackBusyLoops": 1, "timerSlackSwitches": 1, "time": 1764093600.5}
struct FleetStatsFile {
    let path: String

    func write(counts: FleetCounts, traffic: FleetTraffic) {
        StatsFileJSON.write(
            [
                ("booted", "\(counts.booted)"),
                ("callsSent", "\(traffic.callsSent)"),
                ("charging", "\(counts.charging)"),
                ("connected", "\(counts.connected)"),
                ("connectionsLost", "\(traffic.connectionsLost)"),
                ("connectionsOpened", "\(traffic.connectionsOpened)"),
                ("faulted", "\(counts.faulted)"),
                ("meterValuesRoundTripMicros", StatsFileJSON.buckets(traffic.meterValuesRoundTrip)),
                ("meterValuesSent", "\(traffic.meterValuesSent)"),
                ("roundTripMicros", StatsFileJSON.buckets(traffic.roundTrip)),
                ("timerWakeUps", "\(traffic.timerWakeUps)"),
                ("timersFired", "\(traffic.timersFired)"),
                ("timerSlackBusyLoops", "\(traffic.loopsCoalescing)"),
                ("timerSlackSwitches", "\(traffic.timerSlackSwitches)"),
                ("total", "\(counts.total)"),
            ], to: path)
    }
}

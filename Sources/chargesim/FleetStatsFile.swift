import Foundation
import OCPP16
import Simulator

/// `--stats-file`: the fleet's counts, calls and round-trip histograms as one JSON object,
/// replaced atomically each time, for `chargesim bench fleet` (and the Python peer fleet of
/// Benchmarks/peer, which writes the same shape):
///
///     {"connected": 2000, "booted": 2000, "charging": 400, "callsSent": 81234,
///      "meterValuesSent": 4000, "roundTripMicros": [[lowerBound, count], ...],
///      "meterValuesRoundTripMicros": [[lowerBound, count], ...],
///      "connectionsOpened": 2000, "connectionsLost": 0, "time": 1764093600.5}
struct FleetStatsFile {
    let path: String

    func write(counts: FleetCounts, traffic: FleetTraffic) {
        // Written every second while the fleet runs: the text is built directly, keys sorted as
        // before (JSONSerialization's boxing of every value was ~2 % of a busy fleet's CPU, issue 11).
        func buckets(_ histogram: RoundTripHistogram) -> String {
            let pairs = histogram.nonEmptyBuckets.map { "[\($0.lowerBoundMicroseconds),\($0.count)]" }
            return "[" + pairs.joined(separator: ",") + "]"
        }
        let fields: [(key: String, value: String)] = [
            ("booted", "\(counts.booted)"),
            ("callsSent", "\(traffic.callsSent)"),
            ("charging", "\(counts.charging)"),
            ("connected", "\(counts.connected)"),
            ("connectionsLost", "\(traffic.connectionsLost)"),
            ("connectionsOpened", "\(traffic.connectionsOpened)"),
            ("faulted", "\(counts.faulted)"),
            ("meterValuesRoundTripMicros", buckets(traffic.meterValuesRoundTrip)),
            ("meterValuesSent", "\(traffic.meterValuesSent)"),
            ("roundTripMicros", buckets(traffic.roundTrip)),
            ("time", "\(Date().timeIntervalSince1970)"),
            ("total", "\(counts.total)"),
        ]
        let text = "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

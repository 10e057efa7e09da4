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
        func buckets(_ histogram: RoundTripHistogram) -> [[UInt64]] {
            histogram.nonEmptyBuckets.map { [$0.lowerBoundMicroseconds, $0.count] }
        }
        let object: [String: Any] = [
            "total": counts.total, "connected": counts.connected, "booted": counts.booted,
            "charging": counts.charging, "faulted": counts.faulted,
            "callsSent": traffic.callsSent, "meterValuesSent": traffic.meterValuesSent,
            "roundTripMicros": buckets(traffic.roundTrip),
            "meterValuesRoundTripMicros": buckets(traffic.meterValuesRoundTrip),
            "connectionsOpened": traffic.connectionsOpened, "connectionsLost": traffic.connectionsLost,
            "time": Date().timeIntervalSince1970,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

import CentralSystem
import Foundation
import OCPP16

/// `chargesim csms --stats-file`: how long the central system took to answer the chargers'
/// CALLs (frame read → answer written, on the event loop), as one JSON object replaced
/// atomically each time, in the buckets of the fleet's `--stats-file` (issue 11):
///
///     {"callsAnswered": 81234, "meterValuesAnswered": 4000,
///      "processingMicros": [[lowerBound, count], ...],
///      "meterValuesProcessingMicros": [[lowerBound, count], ...], "time": 1764093600.5}
struct CentralSystemStatsFile {
    let path: String

    func write(_ times: OCPPProcessingTimes) {
        func buckets(_ histogram: RoundTripHistogram) -> [[UInt64]] {
            histogram.nonEmptyBuckets.map { [$0.lowerBoundMicroseconds, $0.count] }
        }
        let object: [String: Any] = [
            "callsAnswered": times.calls.total, "meterValuesAnswered": times.meterValues.total,
            "processingMicros": buckets(times.calls), "meterValuesProcessingMicros": buckets(times.meterValues),
            "time": Date().timeIntervalSince1970,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

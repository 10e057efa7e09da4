import Foundation
import OCPP16

/// The JSON text of a `--stats-file` (the fleet's and the central system's): fields in the
/// order given (callers list them sorted), histograms as `[[lowerBound, count], ...]`,
/// replaced atomically. Built as text because it is written every second while the process is
/// busy (JSONSerialization's boxing of every value was ~2 % of a busy fleet's CPU, issue 11).
enum StatsFileJSON {
    /// A histogram's non-empty buckets as `[[lowerBoundMicroseconds, count], ...]`.
    static func buckets(_ histogram: RoundTripHistogram) -> String {
        "[" + histogram.nonEmptyBuckets.map { "[\($0.lowerBoundMicroseconds),\($0.count)]" }.joined(separator: ",")
            + "]"
    }

    /// Replaces the file at `path` with the object of `fields` (values already JSON text) and
    /// a `time` field (seconds since 1970) last; a failed write is skipped, the next one retries.
    static func write(_ fields: [(key: String, value: String)], to path: String) {
        let all = fields + [("time", "\(Date().timeIntervalSince1970)")]
        let text = "{" + all.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

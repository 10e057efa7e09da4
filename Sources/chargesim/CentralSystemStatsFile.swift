import CentralSystem

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
        StatsFileJSON.write(
            [
                ("callsAnswered", "\(times.calls.total)"),
                ("meterValuesAnswered", "\(times.meterValues.total)"),
                ("meterValuesProcessingMicros", StatsFileJSON.buckets(times.meterValues)),
                ("processingMicros", StatsFileJSON.buckets(times.calls)),
            ], to: path)
    }
}

import Foundation
import TestSupport
import Testing

/// `chargesim csms --stats-file`: a real fleet charging through the central system, whose file
/// then counts the answered calls and MeterValues in histograms that add up to those counts.
@Suite struct CSMSStatsFileTests {
    @Test("csms --stats-file counts the answers to a real charging fleet, MeterValues apart, in µs buckets")
    func statsFileCountsTheAnswers() async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-csms-stats")
        defer { directory.remove() }
        let ready = directory.url.appendingPathComponent("ready.json").path
        let stats = directory.url.appendingPathComponent("stats.json").path
        let central = try RunningCommand(
            "chargesim",
            [
                "csms", "--data-dir", directory.url.appendingPathComponent("data").path, "--ocpp-port", "0",
                "--api-port", "0", "--ready-file", ready, "--auto-register", "--unknown-id-tags", "accept",
                "--stats-file", stats,
            ], directory: directory.url)
        defer { central.send(SIGKILL) }
        let ocppURL = try #require(try await central.readyFile(at: ready)["ocppUrl"] as? String)
        let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", ocppURL, "--profile", profile + ":2", "--id-prefix", "STATS-",
                "--charging-share", "1", "--meter-interval", "1",
            ], directory: directory.url)
        defer { fleet.send(SIGKILL) }

        let data = try await LiveTimeout.run("three MeterValues answered in the stats file", seconds: 60) {
            () -> Data in
            while true {
                if let data = FileManager.default.contents(atPath: stats),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let meterValues = object["meterValuesAnswered"] as? Int, meterValues >= 3
                {
                    return data
                }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func total(_ key: String) -> Int? {
            (object[key] as? [[Int]])?.reduce(0) { $0 + ($1.count == 2 ? $1[1] : 0) }
        }
        let calls = try #require(object["callsAnswered"] as? Int)
        let meterValues = try #require(object["meterValuesAnswered"] as? Int)
        // Boot, status, authorize and start came before the first MeterValues.
        #expect(calls > meterValues)
        #expect(total("processingMicros") == calls)
        #expect(total("meterValuesProcessingMicros") == meterValues)
        #expect(object["time"] is Double)
    }
}

// The central system's store under MeterValues, by session length: CPU per MeterValues while the
// sessions are young and after hundreds and thousands of samples, as an AC wallbox sends them
// (energy, power, current, voltage; no SoC). A store whose cost grows with the session's length
// shows it here. Run in release mode, on two commits to compare:
// `swift run -c release chargesim-store-bench [sessions] [samples per session]`.
import CentralSystem
import Foundation
import GRDB
import OCPP16

/// CPU seconds of this process so far (every thread: the store writes on its own).
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// CPU µs per MeterValues over each window of session lengths, for one store.
func run(sessions: Int, samples: Int, windows: [Range<Int>]) async throws -> [Double] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chargesim-store-bench-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("store.sqlite").path)
    let origin: Int64 = 1_795_000_000_000
    var transactionIds: [Int] = []
    for index in 0..<sessions {
        let identity = "CP\(index)"
        _ = try await store.registerChargePoint(
            identity: identity, evseCount: 1, now: OCPPTimestamp(millisecondsSince1970: origin))
        let start = StartTransactionRequest(
            connectorId: 1, idTag: CiString20(truncating: "TAG\(index)"), meterStart: 0,
            timestamp: OCPPTimestamp(millisecondsSince1970: origin)
        )
        let outcome = try await store.startTransaction(
            identity: identity, request: start, unknownTagPolicy: .accept,
            now: OCPPTimestamp(millisecondsSince1970: origin))
        transactionIds.append(outcome.transactionId)
    }
    var figures: [Double] = []
    var windowStart = 0.0
    for sample in 0..<samples {
        if windows.contains(where: { $0.lowerBound == sample }) { windowStart = processCPUSeconds() }
        let at = OCPPTimestamp(millisecondsSince1970: origin + Int64(sample + 1) * 10_000)
        // Every session's MeterValues of this instant at once, as chargers on a 10 s interval.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, transactionId) in transactionIds.enumerated() {
                group.addTask {
                    let request = MeterValuesRequest(
                        connectorId: 1, transactionId: transactionId,
                        meterValue: [
                            MeterValue(
                                timestamp: at,
                                sampledValue: [
                                    SampledValue(
                                        value: String((sample + 1) * 20), measurand: .energyActiveImportRegister,
                                        unit: .wh),
                                    SampledValue(value: "7200", measurand: .powerActiveImport, unit: .w),
                                    SampledValue(value: "31.3", measurand: .currentImport, unit: .a),
                                    SampledValue(value: "230.1", measurand: .voltage, unit: .v),
                                ])
                        ])
                    _ = try await store.applyMeterValues(identity: "CP\(index)", request: request, now: at)
                }
            }
            try await group.waitForAll()
        }
        if let window = windows.first(where: { $0.upperBound == sample + 1 }) {
            figures.append((processCPUSeconds() - windowStart) / Double(window.count * sessions) * 1e6)
        }
    }
    return figures
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let sessions = arguments.first ?? 100
let samples = max(arguments.dropFirst().first ?? 3000, 200)
let windows = [0..<100, samples / 3 - 100..<samples / 3, samples - 100..<samples]
print("Store: CPU µs per MeterValues, \(sessions) sessions, samples 1–\(samples) each (energy, power; no SoC)")
let figures = try await run(sessions: sessions, samples: samples, windows: windows)
for (index, window) in windows.enumerated() {
    let label = "samples \(window.lowerBound + 1)–\(window.upperBound)".padding(
        toLength: 20, withPad: " ", startingAt: 0)
    print(label, String(format: "%8.1f µs", figures[index]))
}

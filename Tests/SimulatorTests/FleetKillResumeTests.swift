import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// `chargesim fleet` as a real subprocess, killed with SIGKILL mid-transaction and started
/// again with the same state directory: the transaction resumes with its id, and the central
/// system sees exactly one StartTransaction and one StopTransaction.
@Suite(.serialized) struct FleetKillResumeTests {
    @Test func aKilledFleetResumesItsTransaction() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try FleetFixtures.profileFile(in: folder)
        let arguments = [
            "fleet", "--csms", central.url, "--profile", profile.path + ":1", "--id-prefix", "KR",
            "--state-dir", folder.url.appendingPathComponent("state").path, "--seed", "5", "--threads", "1",
            "--on-stop", "leave-queued",
        ]
        let first = try RunningCommand("chargesim", arguments, directory: folder.url)
        try await central.wait(for: "the first boot", seconds: 20) {
            !$0.calls(from: "KR1", BootNotificationRequest.action).isEmpty
        }
        let started = try await central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-K"), to: "KR1")
        #expect(started.status == .accepted)
        // A MeterValues with the real id means the StartTransaction answer reached the charger.
        try await central.wait(for: "a MeterValues of transaction 1000") {
            $0.requests(MeterValuesRequest.self, from: "KR1").contains { $0.transactionId == 1000 }
        }
        first.send(SIGKILL)
        #expect(await first.waitForExit() != nil)
        try await central.wait(for: "the killed charger's connection to go") {
            !$0.connectedChargePoints.contains("KR1")
        }

        let second = try RunningCommand("chargesim", arguments, directory: folder.url)
        try await central.wait(for: "the second boot", seconds: 20) {
            $0.calls(from: "KR1", BootNotificationRequest.action).count == 2
        }
        let stopped = try await central.call(RemoteStopTransactionRequest(transactionId: 1000), to: "KR1")
        #expect(stopped.status == .accepted, "the restarted charger does not know transaction 1000")
        try await central.wait(for: "StopTransaction") {
            !$0.calls(from: "KR1", StopTransactionRequest.action).isEmpty
        }
        second.send(SIGTERM)
        #expect(await second.waitForExit() == 0, "stderr: \(second.standardError)")

        let starts = central.requests(StartTransactionRequest.self, from: "KR1")
        let stops = central.requests(StopTransactionRequest.self, from: "KR1")
        #expect(starts.count == 1)
        #expect(stops.count == 1)
        let start = try #require(starts.first)
        let stop = try #require(stops.first)
        #expect(stop.transactionId == 1000)
        #expect(stop.meterStop >= start.meterStart)
        let energy = FleetFixtures.energyReadings(central, "KR1")
        #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 <= $1 }, "the register went back: \(energy)")
        #expect(central.schemaViolations == [])
        await central.stop()
    }

    @Test func messagesQueuedOfflineSurviveAKill() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try FleetFixtures.profileFile(in: folder)
        let arguments = [
            "fleet", "--csms", central.url, "--profile", profile.path + ":1", "--id-prefix", "KQ",
            "--state-dir", folder.url.appendingPathComponent("state").path, "--threads", "1",
            "--on-stop", "leave-queued",
        ]
        let first = try RunningCommand("chargesim", arguments, directory: folder.url)
        try await central.wait(for: "the first boot", seconds: 20) {
            !$0.calls(from: "KQ1", BootNotificationRequest.action).isEmpty
        }
        _ = try await central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-Q"), to: "KQ1")
        try await central.wait(for: "a MeterValues of transaction 1000") {
            $0.requests(MeterValuesRequest.self, from: "KQ1").contains { $0.transactionId == 1000 }
        }
        await central.stop()
        // Offline for a while: a sample a second goes into the journal only.
        try await Task.sleep(for: .milliseconds(2500))
        first.send(SIGKILL)
        #expect(await first.waitForExit() != nil)
        let journal = try String(
            contentsOf: folder.url.appendingPathComponent("state/KQ1/queue.jsonl"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count >= 2, "samples taken offline are in the journal")
        try await central.restart()

        let second = try RunningCommand("chargesim", arguments, directory: folder.url)
        try await central.wait(for: "the second boot", seconds: 20) {
            $0.calls(from: "KQ1", BootNotificationRequest.action).count == 2
        }
        let stopped = try await central.call(RemoteStopTransactionRequest(transactionId: 1000), to: "KQ1")
        #expect(stopped.status == .accepted)
        try await central.wait(for: "StopTransaction") { !$0.calls(from: "KQ1", StopTransactionRequest.action).isEmpty }
        second.send(SIGTERM)
        #expect(await second.waitForExit() == 0)

        #expect(central.requests(StartTransactionRequest.self, from: "KQ1").count == 1)
        #expect(central.requests(StopTransactionRequest.self, from: "KQ1").count == 1)
        let samples = central.requests(MeterValuesRequest.self, from: "KQ1").filter { $0.transactionId != nil }
        let stamps = samples.flatMap { $0.meterValue.map(\.timestamp) }
        #expect(Set(stamps).count == stamps.count, "a meter value arrived twice")
        #expect(stamps == stamps.sorted(), "meter values out of order")
        #expect(samples.allSatisfy { $0.transactionId == 1000 })
        let energy = FleetFixtures.energyReadings(central, "KQ1")
        #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 <= $1 }, "the register went back: \(energy)")
        await central.stop()
    }
}

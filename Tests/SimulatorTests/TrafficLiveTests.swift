import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing

/// Traffic through real chargers and sockets against a loopback central system: a seeded run
/// twice gives the same OCPP message sequences, the time scale speeds the energy up, and a
/// remote-start driver waits for RemoteStartTransaction.
@Suite(.serialized) struct TrafficLiveTests {
    /// Arrivals from 01:00 to 04:00 only, at 3600× (one wall second per simulated hour): the
    /// chargers have booted before the first driver comes, and every run ends by itself.
    static let finiteDay = TrafficProfile(
        arrivalsPerHour: [0, 3, 3, 3] + Array(repeating: 0, count: 20), startTimeOfDay: 0,
        dwellMinutes: .fixed(90), remoteStartShare: 0,
        // At 3600× the default 5-minute start timeout is 83 ms of real time, which a loaded machine
        // can miss (the driver then tries again and the run differs); 45 minutes is 0.75 s.
        startTimeoutMinutes: 45, idTags: ["CARD-1", "CARD-2", "CARD-3"])

    /// One OCPP message with what may differ between runs (timestamps, message ids, meter
    /// readings) left out.
    static func essence(_ call: ScriptedCentralSystem.Call) -> String {
        switch call.action {
        case StatusNotificationRequest.action:
            let request = try? call.decode(StatusNotificationRequest.self)
            return "Status \(request?.connectorId ?? -1) \(request?.status.rawValue ?? "?")"
        case AuthorizeRequest.action:
            return "Authorize \((try? call.decode(AuthorizeRequest.self))?.idTag.value ?? "?")"
        case StartTransactionRequest.action:
            let request = try? call.decode(StartTransactionRequest.self)
            return "Start \(request?.connectorId ?? -1) \(request?.idTag.value ?? "?")"
        case StopTransactionRequest.action:
            let request = try? call.decode(StopTransactionRequest.self)
            return
                "Stop \(request?.transactionId ?? -1) \(request?.reason?.rawValue ?? "-") \(request?.idTag?.value ?? "-")"
        case MeterValuesRequest.action:
            let request = try? call.decode(MeterValuesRequest.self)
            return "MeterValues \(request?.connectorId ?? -1) \(request?.transactionId.map(String.init) ?? "-")"
        default:
            return call.action
        }
    }

    /// Runs the finite day on 3 chargers with `seed`; returns each charger's message essences.
    static func run(seed: UInt64) async throws -> (sequences: [String: [String]], energyWh: [Int]) {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let fleet = try FleetFixtures.fleet(
            count: 3, central: central, traffic: finiteDay, timeScale: 3600, seed: seed, group: group)
        fleet.start()
        // Arrivals end after 4 s, the last driver leaves 1.5 s later.
        try await Task.sleep(for: .seconds(6))
        try await LiveTimeout.run("every driver to leave") {
            while true {
                var busy = false
                for charger in fleet.chargers {
                    let statistics = try await charger.trafficStatistics().get()
                    if let statistics, statistics.arrivals != statistics.departures { busy = true }
                    if try await charger.inspect({ !$0.queuedTransactionMessages.isEmpty }).get() { busy = true }
                }
                if !busy { return }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        var sequences: [String: [String]] = [:]
        var energy: [Int] = []
        for charger in fleet.chargers {
            let id = charger.chargePointId
            sequences[id] = central.calls(from: id).map(essence)
            FleetFixtures.expectTransactionMessagesExactlyOnce(
                central, id, transactions: central.calls(from: id, StartTransactionRequest.action).count)
            let starts = central.requests(StartTransactionRequest.self, from: id)
            let stops = central.requests(StopTransactionRequest.self, from: id)
            energy += zip(starts, stops).map { $1.meterStop - $0.meterStart }
        }
        #expect(central.schemaViolations == [])
        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
        return (sequences, energy)
    }

    @Test func aSeededRunTwiceGivesTheSameOCPPMessages() async throws {
        let first = try await Self.run(seed: 2024)
        let second = try await Self.run(seed: 2024)
        #expect(first.sequences == second.sequences)
        let sessions = first.sequences.values.map { $0.filter { $0.hasPrefix("Start ") }.count }
        #expect(sessions.reduce(0, +) >= 3, "too few sessions to compare: \(first.sequences)")
        // Each driver stops with the card that started (reason Local) after one sample.
        for sequence in first.sequences.values {
            #expect(sequence.filter { $0.hasPrefix("Stop ") }.allSatisfy { $0.contains(" Local CARD-") })
            #expect(sequence.contains { $0.hasPrefix("MeterValues 1 ") })
        }
        // 90 simulated minutes at 7.4 kW (the EV stays below its target): about 11.1 kWh per
        // session, though each lasts 1.5 s.
        #expect(!first.energyWh.isEmpty)
        for energy in first.energyWh { #expect((9_500...11_200).contains(energy), "energy \(energy) Wh") }
    }

    @Test func aRemoteDriverWaitsForRemoteStartTransaction() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // At 60×, an arrival every few seconds; the driver stays 2 simulated hours (2 minutes).
        let traffic = TrafficProfile(
            arrivalsPerHour: [120], startTimeOfDay: 0, dwellMinutes: .fixed(120), remoteStartShare: 1,
            startTimeoutMinutes: 60)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, traffic: traffic, timeScale: 60, group: group)
        fleet.start()
        try await central.wait(for: "the EV to plug in (Preparing)", seconds: 20) {
            $0.requests(StatusNotificationRequest.self, from: "FT1").contains { $0.status == .preparing }
        }
        #expect(central.calls(from: "FT1", StartTransactionRequest.action).isEmpty)
        #expect(central.calls(from: "FT1", AuthorizeRequest.action).isEmpty)
        let answer = try await central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "APP-42"), to: "FT1")
        #expect(answer.status == .accepted)
        try await central.wait(for: "StartTransaction for the app's tag") {
            $0.requests(StartTransactionRequest.self, from: "FT1").contains { $0.idTag.value == "APP-42" }
        }
        let statistics = try await fleet.chargers[0].trafficStatistics().get()
        #expect(statistics?.remoteStarts == 1)
        #expect(central.schemaViolations == [])
        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }
}

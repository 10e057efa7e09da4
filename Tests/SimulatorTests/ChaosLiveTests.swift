import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing

/// Each chaos mode against a real charger, over real sockets, in the middle of a transaction:
/// the charger recovers, and every transaction message reaches the central system exactly
/// once, in order.
@Suite(.serialized) struct ChaosLiveTests {
    /// `central.call`, tried again while the charger is away (random drops) for up to 20 s.
    static func callRetrying<R: OCPPRequest>(_ central: LoopbackCentralSystem, _ request: R, to id: String)
        async throws -> R.Response
    {
        try await LiveTimeout.run("\(R.action) to \(id)", seconds: 20) {
            while true {
                do {
                    return try await central.call(request, to: id, seconds: 2)
                } catch {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
    }

    /// A charger charging: booted, remote-started, one MeterValues in.
    struct Charging {
        let central: LoopbackCentralSystem
        let group: MultiThreadedEventLoopGroup
        let fleet: Fleet
        let charger: ChargerRuntime

        static func start(chaos: ChaosProfile? = nil, count: Int = 1) async throws -> Charging {
            let central = try await LoopbackCentralSystem.start()
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let fleet = try FleetFixtures.fleet(count: count, central: central, chaos: chaos, group: group)
            fleet.start()
            let charger = fleet.chargers[0]
            let id = charger.chargePointId
            try await central.wait(for: "a boot") { !$0.calls(from: id, BootNotificationRequest.action).isEmpty }
            _ = try await ChaosLiveTests.callRetrying(
                central, RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-1"), to: id)
            try await central.wait(for: "a MeterValues in the transaction") {
                !$0.requests(MeterValuesRequest.self, from: id).filter { $0.transactionId != nil }.isEmpty
            }
            return Charging(central: central, group: group, fleet: fleet, charger: charger)
        }

        var id: String { charger.chargePointId }

        /// How many transaction MeterValues the central system has from the charger.
        var samples: Int {
            central.requests(MeterValuesRequest.self, from: id).filter { $0.transactionId != nil }.count
        }

        /// Waits for `more` further samples, stops the transaction remotely, waits for the queue
        /// to drain and checks exactly-once delivery.
        func finish(more: Int = 2, transactions: Int = 1, sourceLocation: SourceLocation = #_sourceLocation)
            async throws
        {
            let before = samples
            try await central.wait(for: "\(more) more samples", seconds: 15) { _ in samples >= before + more }
            _ = try await ChaosLiveTests.callRetrying(
                central, RemoteStopTransactionRequest(transactionId: 1000), to: id)
            try await central.wait(for: "StopTransaction") {
                !$0.calls(from: id, StopTransactionRequest.action).isEmpty
            }
            try await LiveTimeout.run("the queue to drain") {
                while try await charger.inspect({ $0.queuedTransactionMessages.count }).get() > 0 {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            FleetFixtures.expectTransactionMessagesExactlyOnce(
                central, id, transactions: transactions, sourceLocation: sourceLocation)
        }

        func shutDown() async throws {
            try await fleet.stop(.stopTransactions).get()
            await central.stop()
            try await group.shutdownGracefully()
        }
    }

    @Test func connectorFaultReportsTheCodeAndRecovers() async throws {
        let run = try await Charging.start()
        try await run.charger.inject(
            .connectorFault(connectorId: 1, errorCode: .groundFailure, vendorErrorCode: "GF-1", duration: .seconds(1))
        ).get()
        try await run.central.wait(for: "Faulted, then Charging again") { central in
            let statuses = central.requests(StatusNotificationRequest.self, from: run.id).filter { $0.connectorId == 1 }
            guard let faulted = statuses.firstIndex(where: { $0.status == .faulted }) else { return false }
            return statuses[faulted].errorCode == .groundFailure && statuses[faulted].vendorErrorCode?.value == "GF-1"
                && statuses[(faulted + 1)...].contains { $0.status == .charging }
        }
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func evSideFaultIsSuspendedEVThenCharging() async throws {
        let run = try await Charging.start()
        try await run.charger.inject(.evSuspended(connectorId: 1, duration: .seconds(1))).get()
        try await run.central.wait(for: "SuspendedEV, then Charging again") { central in
            let statuses = central.requests(StatusNotificationRequest.self, from: run.id).map(\.status)
            guard let suspended = statuses.firstIndex(of: .suspendedEV) else { return false }
            return statuses[(suspended + 1)...].contains(.charging)
        }
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func connectionDropReconnectsAfterTheDelay() async throws {
        let run = try await Charging.start()
        let dropped = ContinuousClock.now
        try await run.charger.inject(.connectionDrop(reconnectAfter: .milliseconds(800))).get()
        try await run.central.wait(for: "a second connection") { $0.upgradeCount(run.id) == 2 }
        let reconnected = try #require(run.central.upgradeTimes(run.id).last)
        #expect(reconnected - dropped >= .milliseconds(700))
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func halfOpenSocketIsGivenUpAndReplaced() async throws {
        let run = try await Charging.start()
        let before = run.samples
        try await run.charger.inject(.halfOpen(duration: .milliseconds(2500), reconnectAfter: .milliseconds(100))).get()
        // Silent while stalled: the socket stays open on the central system's side, no frame comes.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(run.central.connectedChargePoints.contains(run.id))
        #expect(run.samples <= before + 1)
        try await run.central.wait(for: "a new connection") { $0.upgradeCount(run.id) == 2 }
        // The samples taken while stalled arrive after the reconnect, once each.
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func rebootLoopThroughRejectedAndPendingBoots() async throws {
        let run = try await Charging.start()
        run.central.script(run.id) { central in
            central.bootAnswers = [.accepted, .rejected, .pending, .accepted]
            central.bootInterval = 1
        }
        try await run.charger.inject(.reboot).get()
        try await run.central.wait(for: "boots until Accepted", seconds: 15) {
            $0.calls(from: run.id, BootNotificationRequest.action).count == 4
        }
        try await LiveTimeout.run("the charger to be accepted") {
            while try await !run.charger.inspect({ $0.isAccepted }).get() {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        // The reboot stopped the transaction (SoftReset) before it went down.
        let stop = try #require(run.central.requests(StopTransactionRequest.self, from: run.id).first)
        #expect(stop.reason == .softReset)
        FleetFixtures.expectTransactionMessagesExactlyOnce(run.central, run.id, transactions: 1)
        // And it charges again after the loop.
        _ = try await run.central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-2"), to: run.id)
        try await run.central.wait(for: "a second StartTransaction") {
            $0.calls(from: run.id, StartTransactionRequest.action).count == 2
        }
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func malformedFrameDoesNotDisturbTheSession() async throws {
        let run = try await Charging.start()
        for _ in 0..<3 { try await run.charger.inject(.malformedFrame).get() }
        try await run.finish()
        // The loopback central system records what it could not parse (and answers nothing).
        #expect(!run.central.schemaViolations.isEmpty)
        #expect(run.central.schemaViolations.allSatisfy { $0.contains("unparsable frame") })
        try await run.shutDown()
    }

    @Test func slowMissingCallErrorAndMalformedAnswers() async throws {
        let run = try await Charging.start()
        let request = GetConfigurationRequest(key: [CiString50(truncating: "HeartbeatInterval")])
        try await run.charger.inject(.answers(.slow(delay: .milliseconds(1200)), count: 1)).get()
        let asked = ContinuousClock.now
        _ = try await run.central.call(request, to: run.id)
        #expect(ContinuousClock.now - asked >= .milliseconds(1100))
        try await run.charger.inject(.answers(.callError, count: 1)).get()
        await #expect(throws: LoopbackCentralSystem.CallFailed.self) {
            _ = try await run.central.call(request, to: run.id)
        }
        // A missing and a malformed answer: the calls never complete (the loopback central
        // system's call cannot be cancelled), so they are left running and the wire is read.
        try await run.charger.inject(.answers(.missing, count: 1)).get()
        let central = run.central
        let id = run.id
        Task { _ = try? await central.call(request, to: id) }
        try await run.central.wait(for: "the call csms-4 on the wire") { central in
            central.records.contains { !$0.fromChargePoint && $0.text.contains("\"csms-4\"") }
        }
        try await run.charger.inject(.answers(.malformed, count: 1)).get()
        Task { _ = try? await central.call(request, to: id) }
        try await run.central.wait(for: "the malformed answer to csms-5") { central in
            central.records.contains { $0.fromChargePoint && $0.text.hasPrefix("[3,\"csms-5\",{\"status\":") }
        }
        #expect(!run.central.records.contains { $0.fromChargePoint && $0.text.contains("\"csms-4\"") })
        // Answers are right again, and the transaction went on throughout.
        let answer = try await run.central.call(request, to: run.id)
        #expect(answer.configurationKey?.first?.value?.value == "300")
        try await run.finish()
        try await run.shutDown()
    }

    @Test func blackoutDropsEveryChargerAndTheyComeBackJittered() async throws {
        let run = try await Charging.start(count: 4)
        let ids = run.fleet.chargers.map(\.chargePointId)
        try await run.central.wait(for: "four boots") { central in
            ids.allSatisfy { !central.calls(from: $0, BootNotificationRequest.action).isEmpty }
        }
        let cut = ContinuousClock.now
        try await run.fleet.blackout(for: .milliseconds(500), reconnectJitter: .milliseconds(1000)).get()
        try await run.central.wait(for: "every charger back") { central in
            ids.allSatisfy { central.upgradeCount($0) == 2 }
        }
        let returns = ids.compactMap { run.central.upgradeTimes($0).last.map { $0 - cut } }
        #expect(returns.allSatisfy { $0 >= .milliseconds(450) && $0 <= .milliseconds(2500) })
        #expect(Set(returns.map { Int(($0 / .milliseconds(100)).rounded(.down)) }).count > 1, "no jitter: \(returns)")
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func surgeStartsSessionsOnFreeChargersAtOnce() async throws {
        let run = try await Charging.start(count: 6)
        let ids = run.fleet.chargers.map(\.chargePointId)
        try await run.central.wait(for: "six boots") { central in
            ids.allSatisfy { !central.calls(from: $0, BootNotificationRequest.action).isEmpty }
        }
        // FT1 is charging already: at most five are free.
        let started = try await run.fleet.surge(4)
        #expect(started.count == 4)
        #expect(!started.contains(run.id))
        try await run.central.wait(for: "four surge transactions") { central in
            started.allSatisfy { id in
                central.requests(StartTransactionRequest.self, from: id).contains { $0.idTag.value.hasPrefix("SURGE") }
            }
        }
        let more = try await run.fleet.surge(4)
        #expect(more.count == 1)
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func clockDriftShiftsTheChargersTimestamps() async throws {
        var chaos = ChaosProfile()
        chaos.clockOffsetSeconds = .fixed(3600)
        let run = try await Charging.start(chaos: chaos)
        let start = try #require(run.central.requests(StartTransactionRequest.self, from: run.id).first)
        let ahead = OCPPTimestamp(Date()).duration(to: start.timestamp)
        #expect(ahead > .seconds(3500) && ahead < .seconds(3700))
        try await run.finish()
        #expect(run.central.schemaViolations == [])
        try await run.shutDown()
    }

    @Test func randomChaosFromAProfileStillDeliversEveryTransactionMessage() async throws {
        var chaos = ChaosProfile()
        chaos.connectionDropsPerHour = 900
        chaos.reconnectDelaySeconds = .fixed(0.2)
        chaos.malformedFramesPerHour = 900
        chaos.slowAnswerShare = 0.5
        chaos.slowAnswerSeconds = .fixed(0.3)
        let run = try await Charging.start(chaos: chaos)
        try await run.finish(more: 8)
        #expect(run.central.upgradeCount(run.id) >= 2)
        try await run.shutDown()
    }
}

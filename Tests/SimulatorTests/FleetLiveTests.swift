import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing
import WebSocket

/// Fleets of real `ChargerRuntime`s over real sockets against a `LoopbackCentralSystem` on
/// port 0: boot, statuses, remote start/stop with meter values, an outage of the central
/// system mid-transaction, reconnects, Reset.
@Suite(.serialized) struct FleetLiveTests {
    @Test func tenChargersConnectBootAndReportStatuses() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let fleet = try FleetFixtures.fleet(count: 10, central: central, group: group)
        fleet.start()
        let ids = fleet.chargers.map(\.chargePointId)
        #expect(ids.first == "FT01" && ids.last == "FT10")
        try await central.wait(for: "10 boots and statuses") { central in
            ids.allSatisfy { id in
                let statuses = central.requests(StatusNotificationRequest.self, from: id)
                return central.calls(from: id, BootNotificationRequest.action).count == 1
                    && Set(statuses.map(\.connectorId)) == [0, 1]
            }
        }
        for id in ids {
            let boot = try #require(central.requests(BootNotificationRequest.self, from: id).first)
            #expect(boot.chargePointVendor.value == "Voltaris")
            #expect(central.requests(StatusNotificationRequest.self, from: id).allSatisfy { $0.status == .available })
            #expect(central.authorization(id) == nil)
        }
        let counts = try await fleet.counts().get()
        #expect(counts == FleetCounts(total: 10, connected: 10, booted: 10, charging: 0, faulted: 0))
        #expect(central.schemaViolations == [])
        try await fleet.stop(.stopTransactions).get()
        #expect(try await fleet.counts().get() == FleetCounts())
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func passwordGoesInBasicAuth() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, password: "s3cret", group: group)
        fleet.start()
        try await central.wait(for: "a boot") { !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty }
        let expected = "Basic " + Data("FT1:s3cret".utf8).base64EncodedString()
        #expect(central.authorization("FT1") == expected)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func securityProfile1SendsTheAuthorizationKey() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(
            count: 1, central: central,
            extraConfiguration: [#"SecurityProfile: "1""#, #"AuthorizationKey: "0123456789abcdef""#],
            group: group)
        fleet.start()
        try await central.wait(for: "a boot") { !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty }
        let expected = "Basic " + Data("FT1:0123456789abcdef".utf8).base64EncodedString()
        #expect(central.authorization("FT1") == expected)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func remoteStartMeterValuesRemoteStop() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, group: group)
        fleet.start()
        try await central.wait(for: "a boot") { !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty }
        let started = try await central.call(
            RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-1"), to: "FT1")
        #expect(started.status == .accepted)
        try await central.wait(for: "three MeterValues in the transaction") {
            $0.requests(MeterValuesRequest.self, from: "FT1").filter { $0.transactionId != nil }.count >= 3
        }
        #expect(try await fleet.counts().get().charging == 1)
        let start = try #require(central.requests(StartTransactionRequest.self, from: "FT1").first)
        let energy = FleetFixtures.energyReadings(central, "FT1")
        #expect(energy.count >= 3)
        #expect(zip(energy, energy.dropFirst()).allSatisfy { $0 <= $1 })
        #expect((energy.last ?? 0) > (energy.first ?? 0))
        let stopped = try await central.call(RemoteStopTransactionRequest(transactionId: 1000), to: "FT1")
        #expect(stopped.status == .accepted)
        try await central.wait(for: "StopTransaction") {
            !$0.calls(from: "FT1", StopTransactionRequest.action).isEmpty
        }
        let stop = try #require(central.requests(StopTransactionRequest.self, from: "FT1").first)
        #expect(stop.transactionId == 1000)
        #expect(stop.reason == .remote)
        #expect(stop.meterStop >= start.meterStart)
        #expect(Double(stop.meterStop) >= (energy.last ?? 0).rounded(.down))
        #expect(central.schemaViolations == [])
        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func outageMidTransactionLosesAndRepeatsNothing() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, group: group)
        let charger = try #require(fleet.charger("FT1"))
        fleet.start()
        try await central.wait(for: "a boot") { !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty }
        _ = try await central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-1"), to: "FT1")
        try await central.wait(for: "a MeterValues") {
            !$0.requests(MeterValuesRequest.self, from: "FT1").filter { $0.transactionId != nil }.isEmpty
        }
        await central.stop()
        // Offline: samples keep coming every second and queue up; then the driver stops.
        try await Task.sleep(for: .milliseconds(2500))
        try await charger.perform { charger, now in charger.pressStop(connectorId: 1, now: now) }.get()
        let queued = try await charger.inspect { $0.queuedTransactionMessages.map(\.action) }.get()
        #expect(queued.count >= 3)
        #expect(queued.last == StopTransactionRequest.action)
        try await central.restart()
        try await central.wait(for: "the StopTransaction after the outage") {
            !$0.calls(from: "FT1", StopTransactionRequest.action).isEmpty
        }
        try await LiveTimeout.run("the queue to drain") {
            while try await charger.inspect({ $0.queuedTransactionMessages.count }).get() > 0 {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let transactionCalls = central.calls(from: "FT1").filter {
            [StartTransactionRequest.action, StopTransactionRequest.action].contains($0.action)
                || ($0.action == MeterValuesRequest.action && $0.payload.description.contains("transactionId"))
        }
        #expect(transactionCalls.first?.action == StartTransactionRequest.action)
        #expect(transactionCalls.last?.action == StopTransactionRequest.action)
        #expect(transactionCalls.filter { $0.action == StartTransactionRequest.action }.count == 1)
        #expect(transactionCalls.filter { $0.action == StopTransactionRequest.action }.count == 1)
        let samples = central.requests(MeterValuesRequest.self, from: "FT1").filter { $0.transactionId != nil }
        let stamps = samples.flatMap { $0.meterValue.map(\.timestamp) }
        #expect(stamps == stamps.sorted(), "meter values out of order")
        #expect(Set(stamps).count == stamps.count, "a meter value arrived twice")
        #expect(samples.allSatisfy { $0.transactionId == 1000 })
        #expect(try await charger.inspect { $0.queuedTransactionMessages.count }.get() == 0)
        #expect(central.upgradeCount("FT1") >= 2)
        #expect(central.schemaViolations == [])
        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func chargersStartedBeforeTheCentralSystemConnectWhenItComesUp() async throws {
        let central = try await LoopbackCentralSystem.start()
        await central.stop()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 3, central: central, group: group)
        fleet.start()
        // Several attempts fail against the closed port (backoff 100 ms doubling to 500 ms).
        try await Task.sleep(for: .milliseconds(1200))
        #expect(try await fleet.counts().get().connected == 0)
        try await central.restart()
        try await central.wait(for: "3 boots") { central in
            ["FT1", "FT2", "FT3"].allSatisfy { !central.calls(from: $0, BootNotificationRequest.action).isEmpty }
        }
        // The central system has the boots; the fleet counts them once it has read the answers.
        try await FleetFixtures.waitUntilBooted(fleet, count: 3)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func resetRebootsAndBootsAgain() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, group: group)
        fleet.start()
        // The statuses after the first boot are in before the reset: a reset that overtook them
        // would leave only the second boot's two, and the count below would wait for nothing.
        try await central.wait(for: "the statuses after the first boot") {
            $0.requests(StatusNotificationRequest.self, from: "FT1").count >= 2
        }
        let reset = try await central.call(ResetRequest(type: .soft), to: "FT1")
        #expect(reset.status == .accepted)
        try await central.wait(for: "a second boot") {
            $0.calls(from: "FT1", BootNotificationRequest.action).count == 2
        }
        #expect(central.upgradeCount("FT1") == 2)
        try await central.wait(for: "the statuses after the reboot") {
            $0.requests(StatusNotificationRequest.self, from: "FT1").count >= 4
        }
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func stoppingTheFleetStopsOpenTransactionsWithReasonLocal() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 2, central: central, group: group)
        fleet.start()
        try await central.wait(for: "two boots") { central in
            ["FT1", "FT2"].allSatisfy { !central.calls(from: $0, BootNotificationRequest.action).isEmpty }
        }
        _ = try await central.call(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG-1"), to: "FT1")
        try await central.wait(for: "FT1 charging") {
            $0.requests(MeterValuesRequest.self, from: "FT1").contains { $0.transactionId == 1000 }
        }
        try await fleet.stop(.stopTransactions).get()
        let stop = try #require(central.requests(StopTransactionRequest.self, from: "FT1").first)
        #expect(stop.reason == .local)
        #expect(stop.transactionId == 1000)
        #expect(central.requests(StopTransactionRequest.self, from: "FT2").isEmpty)
        try await central.wait(for: "the connections to close") { $0.connectedChargePoints.isEmpty }
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func securityProfile3ConnectsOverTLSWithAClientCertificate() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let server = try authority.issueServerCertificate()
        let client = try authority.issueClientCertificate(commonName: "FT1")
        let central = try await LoopbackCentralSystem.start(
            tls: .server(
                certificate: server.certificateFiles,
                clientCertificateVerification: .required(caFile: authority.certificateFile)))
        #expect(central.url.hasPrefix("wss://"))
        let context = try TLSContext(
            configuration: .client(trustRoots: .caFile(authority.certificateFile), certificate: client.certificateFiles)
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, tlsContext: context, group: group)
        fleet.start()
        try await central.wait(for: "a boot over TLS") {
            !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty
        }
        #expect(central.clientCertificateName("FT1") == "FT1")
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func refusedConnectionsBackOffExponentially() async throws {
        let central = try await LoopbackCentralSystem.start()
        central.refuseNextUpgrades(4)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, group: group)
        fleet.start()
        try await central.wait(for: "a boot after four refusals") {
            !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty
        }
        let times = central.upgradeTimes("FT1")
        #expect(times.count == 5)
        let gaps = zip(times, times.dropFirst()).map { $0.duration(to: $1) }
        // Backoff 100 ms doubling, capped at 500 ms, jitter up to half: [50,100], [100,200],
        // [200,400], [250,500] ms, plus connection time.
        let floors: [Duration] = [.milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(250)]
        for (gap, floor) in zip(gaps, floors) {
            #expect(gap >= floor, "gaps \(gaps)")
            #expect(gap < floor * 2 + .milliseconds(300), "gaps \(gaps)")
        }
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }
}

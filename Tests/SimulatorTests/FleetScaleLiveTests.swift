import Foundation
import NIOCore
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing

/// The scale features over real sockets: chargers spread over several source addresses, a
/// charging share that starts transactions by itself, and the per-loop round-trip histograms
/// counting what the central system answered, and the connections opened and lost.
@Suite(.serialized) struct FleetScaleLiveTests {
    @Test func chargersSpreadOverSourceAddressesChargeAndTimeTheirRoundTrips() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let settings = ChargerRuntimeSettings(
            centralSystemURL: central.url, backoff: .init(initial: .milliseconds(100), maximum: .milliseconds(500)),
            connectTimeout: .seconds(2), clock: { OCPPTimestamp(Date()) })
        var configuration = FleetConfiguration(
            groups: [.init(profile: try FleetFixtures.profile(), count: 4)], idPrefix: "SA", runtime: settings)
        configuration.runtime.sourceAddresses = [
            try SocketAddress(ipAddress: "127.0.0.2", port: 0), try SocketAddress(ipAddress: "127.0.0.3", port: 0),
        ]
        let fleet = try Fleet(configuration: configuration, eventLoopGroup: group)
        fleet.start()
        fleet.keepCharging(share: 0.5)
        try await central.wait(for: "two chargers sending MeterValues", seconds: 30) { central in
            ["SA2", "SA4"].allSatisfy { central.requests(MeterValuesRequest.self, from: $0).count >= 2 }
        }
        #expect(["SA1", "SA3"].map(central.remoteIPAddress) == ["127.0.0.2", "127.0.0.2"])
        #expect(["SA2", "SA4"].map(central.remoteIPAddress) == ["127.0.0.3", "127.0.0.3"])
        #expect(central.requests(StartTransactionRequest.self, from: "SA2").map(\.idTag.value) == ["LTSA2"])
        #expect(central.requests(StartTransactionRequest.self, from: "SA1").isEmpty)

        // What the central system received first: the fleet's count, read after, can only be larger.
        let sentMeterValues = ["SA2", "SA4"].map { central.requests(MeterValuesRequest.self, from: $0).count }
        let traffic = try await fleet.traffic().get()
        #expect(traffic.meterValuesSent >= UInt64(sentMeterValues.reduce(0, +)))
        #expect(traffic.meterValuesRoundTrip.total >= 4)
        #expect(traffic.roundTrip.total > traffic.meterValuesRoundTrip.total)
        #expect(traffic.callsSent >= traffic.roundTrip.total)
        // Loopback, a scripted central system: answers come within a second.
        #expect(try #require(traffic.roundTrip.quantile(0.5)) < 1_000_000)
        let counts = try await fleet.counts().get()
        #expect(counts.connected == 4 && counts.charging == 2)
        #expect(traffic.connectionsOpened == 4 && traffic.connectionsLost == 0)

        // The central system drops everyone: four connections lost, four more opened on reconnect.
        await central.stop()
        try await central.restart()
        try await central.wait(for: "the four chargers back", seconds: 30) { $0.connectedChargePoints.count == 4 }
        try await LiveTimeout.run("the fleet counting the reconnects", seconds: 10) {
            while try await fleet.traffic().get().connectionsOpened < 8 { try await Task.sleep(for: .milliseconds(20)) }
        }
        let afterDrop = try await fleet.traffic().get()
        #expect(afterDrop.connectionsLost == 4 && afterDrop.connectionsOpened == 8)

        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func aChargerWhoseTagWasRefusedPresentsItAgainAndCharges() async throws {
        let central = try await LoopbackCentralSystem.start()
        central.script("FT1") { $0.tagStatuses = ["LTFT1": .blocked] }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 1, central: central, group: group)
        fleet.start()
        fleet.keepCharging(share: 1, retry: .milliseconds(300))
        // Refused: the driver presented the tag before plugging in, so no cable goes in and
        // nothing starts.
        try await central.wait(for: "the refused Authorize", seconds: 30) {
            !$0.requests(AuthorizeRequest.self, from: "FT1").isEmpty
        }
        #expect(central.requests(StartTransactionRequest.self, from: "FT1").isEmpty)

        // The central system accepts the tag now: a later presentation starts the transaction.
        central.script("FT1") { $0.tagStatuses = [:] }
        try await central.wait(for: "the transaction", seconds: 10) {
            $0.requests(StartTransactionRequest.self, from: "FT1").map(\.idTag.value) == ["LTFT1"]
        }
        let authorizations = central.requests(AuthorizeRequest.self, from: "FT1").count
        #expect(authorizations >= 2 && authorizations <= Fleet.keepChargingPresentations)

        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func chargersKeptChargingStartAtSpreadPhasesSoTheirMeterValuesDoNotComeInABurst() async throws {
        // Booted long before the last phase: the phases, not the boots, decide when each starts.
        try await Self.withEightBootedChargers { central, _, fleet in
            fleet.keepCharging(share: 1, retry: .milliseconds(800))
            // Phases 0, 100, ..., 700 ms of the 800 ms period: the starts span most of it, where
            // looking at every charger at once started all eight within a few milliseconds. (A
            // look run late on a busy machine plugs in a period or two later.)
            let span = try await Self.transactionStartSpan(central: central)
            #expect(span >= 500 && span < 3_200, "starts span \(span) ms")
        }
    }

    @Test func driversKeepTheirPhasesWhenTheLoopWasHeldUp() async throws {
        try await Self.withEightBootedChargers { central, group, fleet in
            // Phases 0, 250, ..., 1,750 ms of a 2 s period; the loop is held up past all of them
            // (a ramp's connections), so every first look runs at the same instant after it.
            fleet.keepCharging(share: 1, retry: .seconds(2))
            Self.holdUp(group, for: 2.2)
            // The drivers present their tags together, and plug in at their own phases of the
            // next period: scheduled from the late instant, every look would stay merged.
            let span = try await Self.transactionStartSpan(central: central)
            #expect(span >= 1_000 && span < 8_000, "starts span \(span) ms")
        }
    }

    @Test func aDriverWhoseLookRunsLateWaitsForTheNextToPlugIn() async throws {
        try await Self.withEightBootedChargers { central, group, fleet in
            fleet.keepCharging(share: 1, retry: .seconds(2))
            // Every tag presented and accepted (the last at 1,750 ms), and no cable in yet (the
            // first at 2,000 ms): the loop is then held up past every driver's plug-in look.
            try await central.wait(for: "eight Authorize", seconds: 10) { central in
                (1...8).allSatisfy { !central.requests(AuthorizeRequest.self, from: "FT\($0)").isEmpty }
            }
            try await Task.sleep(for: .milliseconds(100))
            #expect(central.requests(StartTransactionRequest.self, from: "FT1").isEmpty)
            Self.holdUp(group, for: 2.1)
            // The late looks plug in nothing; the next ones, on time, at the drivers' phases.
            let span = try await Self.transactionStartSpan(central: central)
            #expect(span >= 1_000 && span < 8_000, "starts span \(span) ms")
        }
    }

    /// Runs `body` with eight booted chargers, FT1...FT8, on one event loop against a loopback
    /// central system, then stops them.
    private static func withEightBootedChargers(
        _ body: (LoopbackCentralSystem, MultiThreadedEventLoopGroup, Fleet) async throws -> Void
    ) async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(count: 8, central: central, group: group)
        fleet.start()
        try await FleetFixtures.waitUntilBooted(fleet, count: 8)
        try await body(central, group, fleet)
        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    /// Blocks the one loop of `group` for `seconds`, as a loop held up by other work.
    private static func holdUp(_ group: MultiThreadedEventLoopGroup, for seconds: Double) {
        group.next().execute { Thread.sleep(forTimeInterval: seconds) }
    }

    /// Waits for the first transactions of FT1...FT8 and returns how far apart (ms) the first and
    /// the last started.
    private static func transactionStartSpan(central: LoopbackCentralSystem) async throws -> Int64 {
        let ids = (1...8).map { "FT\($0)" }
        try await central.wait(for: "eight transactions", seconds: 30) { central in
            ids.allSatisfy { !central.requests(StartTransactionRequest.self, from: $0).isEmpty }
        }
        let starts = try ids.map { id in
            try #require(central.requests(StartTransactionRequest.self, from: id).first).timestamp.millisecondsSince1970
        }
        return try #require(starts.max()) - (try #require(starts.min()))
    }

    @Test func aBusyFleetCoalescesItsTimersAndStillSendsEveryMeterValuesOnItsGrid() async throws {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // The adaptive policy scaled down: eight chargers sending a MeterValues every second are
        // "busy" from 4 firings/s, and then fire in one-second slots.
        let slack = TimerSlack(quiet: .zero, busy: .seconds(1), busyRate: 4, quietRate: 2)
        let fleet = try FleetFixtures.fleet(
            count: 8, central: central, group: group,
            timerSlack: slack)
        fleet.start()
        fleet.keepCharging(share: 1, retry: .milliseconds(800))
        let ids = (1...8).map { "FT\($0)" }
        try await LiveTimeout.run("the fleet judged busy", seconds: 40) {
            while try await fleet.traffic().get().loopsCoalescing == 0 { try await Task.sleep(for: .milliseconds(100)) }
        }
        let busySince = OCPPTimestamp(Date())
        try await Task.sleep(for: .milliseconds(4_500))
        let traffic = try await fleet.traffic().get()
        #expect(traffic.timerSlackSwitches == 1)
        #expect(traffic.timerWakeUps < traffic.timersFired)
        // Sent in the slots: the MeterValues of the eight chargers go out together, a few
        // instants a second (on time their start phases spread them over 700 ms of each second).
        let sent = ids.flatMap { id in
            central.requests(MeterValuesRequest.self, from: id).flatMap(\.meterValue).map(\.timestamp)
                .filter { $0 > busySince + .milliseconds(1_000) }
        }
        let instants = Set(sent.map { $0.millisecondsSince1970 / 50 })
        #expect(sent.count >= 16)
        #expect(instants.count * 3 <= sent.count, "\(sent.count) MeterValues in \(instants.count) 50 ms buckets")
        // Every charger still samples once a second: its samples stay on their grid.
        for id in ids {
            let times = central.requests(MeterValuesRequest.self, from: id).flatMap(\.meterValue)
                .map(\.timestamp.millisecondsSince1970)
            guard let first = times.first, let last = times.last, times.count > 2 else {
                Issue.record("\(id) sent \(times.count) MeterValues")
                continue
            }
            let expected = Int((last - first) / 1_000) + 1
            #expect(abs(times.count - expected) <= 1, "\(id): \(times.count) samples over \(last - first) ms")
        }

        try await fleet.stop(.stopTransactions).get()
        await central.stop()
        try await group.shutdownGracefully()
    }
}

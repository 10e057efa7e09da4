import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing
import WebSocket

/// The fast charger model and helpers the Fleet*Tests suites share: a one-connector AC wallbox
/// that samples every second and plugs a simulated EV in 0.2 s after a remote start.
enum FleetFixtures {
    static let yaml = """
        identity:
          chargePointVendor: Voltaris
          chargePointModel: HomeBox 7
          firmwareVersion: 2.4.1
          chargePointSerialNumber: "HB7-{index:05}"
        connectors:
          - id: 1
            type: Type2
            currentType: AC
            maxCurrentA: 32
            phases: 1
            maxPowerKW: 7.4
        featureProfiles: [Core, RemoteTrigger]
        configuration:
          HeartbeatInterval: "300"
          MeterValueSampleInterval: "1"
          MeterValuesSampledData: "Energy.Active.Import.Register,Power.Active.Import"
          ClockAlignedDataInterval: "0"
          StopTxnSampledData: "Energy.Active.Import.Register"
          ConnectionTimeOut: "60"
          AuthorizeRemoteTxRequests: "false"
          TransactionMessageAttempts: "3"
          TransactionMessageRetryInterval: "1"
          MinimumStatusDuration: "0"
          WebSocketPingInterval: "0"
        evMix:
          - name: Hatchback
            weight: 1
            batteryKWh: 58
            startSoCPercent: [20, 20]
            targetSoCPercent: 80
            maxACPowerKW: 7.4
            acPhases: 1
            maxDCPowerKW: 0
        behaviour:
          autoPlugDelaySeconds: 0.2
        """

    /// The profile, with `extraConfiguration` lines (`  Key: "value"`) added to its configuration.
    static func profile(extraConfiguration: [String] = []) throws -> ChargerProfile {
        let text = yaml.replacingOccurrences(
            of: "configuration:\n", with: "configuration:\n" + extraConfiguration.map { "  \($0)\n" }.joined())
        return try ProfileLoader().load(yaml: text, file: "fleet-test.yaml")
    }

    /// Writes the profile to `directory` (for the `chargesim fleet` subprocess).
    static func profileFile(in directory: TemporaryDirectory) throws -> URL {
        try directory.write("fleet-test.yaml", yaml)
    }

    /// A fleet of `count` test chargers against `central`, reconnecting fast.
    static func fleet(
        count: Int, central: LoopbackCentralSystem, stateDirectory: String? = nil, password: String? = nil,
        tlsContext: TLSContext? = nil, extraConfiguration: [String] = [], traffic: TrafficProfile? = nil,
        timeScale: Double = 1, chaos: ChaosProfile? = nil, seed: UInt64 = 42, group: MultiThreadedEventLoopGroup,
        secureCentralSystemURL: String? = nil, timerSlack: TimerSlack = .adaptive,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Fleet {
        let settings = ChargerRuntimeSettings(
            centralSystemURL: central.url, password: password, tlsContext: tlsContext,
            backoff: .init(initial: .milliseconds(100), maximum: .milliseconds(500)),
            rebootDelay: .milliseconds(100), connectTimeout: .seconds(2), snapshotInterval: .seconds(1),
            stopTimeout: .seconds(3), clock: { OCPPTimestamp(Date()) }, log: log,
            secureCentralSystemURL: secureCentralSystemURL)
        var configuration = FleetConfiguration(
            groups: [.init(profile: try profile(extraConfiguration: extraConfiguration), count: count)],
            idPrefix: "FT", stateDirectory: stateDirectory, seed: seed, runtime: settings)
        configuration.traffic = traffic
        configuration.timeScale = timeScale
        configuration.chaos = chaos
        configuration.timerSlack = timerSlack
        return try Fleet(configuration: configuration, eventLoopGroup: group)
    }

    /// Waits until `fleet` counts `count` booted chargers (it counts a boot once it has read the
    /// answer).
    static func waitUntilBooted(_ fleet: Fleet, count: Int) async throws {
        try await LiveTimeout.run("the fleet counting \(count) booted", seconds: 30) {
            while try await fleet.counts().get().booted < count { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    /// The Energy.Active.Import.Register readings of the MeterValues one charger sent, Wh, in order.
    static func energyReadings(_ central: LoopbackCentralSystem, _ id: String) -> [Double] {
        central.requests(MeterValuesRequest.self, from: id).flatMap { request in
            request.meterValue.flatMap { value in
                value.sampledValue.filter { $0.measurand == nil || $0.measurand == .energyActiveImportRegister }
                    .compactMap { Double($0.value) }
            }
        }
    }

    /// Checks that every transaction message of `id` reached `central` exactly once and in
    /// order: for each transaction one StartTransaction, then its MeterValues (timestamps
    /// rising, none twice), then one StopTransaction; and nothing left in the charger's queue.
    static func expectTransactionMessagesExactlyOnce(
        _ central: LoopbackCentralSystem, _ id: String, transactions: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let calls = central.calls(from: id).filter {
            [StartTransactionRequest.action, StopTransactionRequest.action].contains($0.action)
                || ($0.action == MeterValuesRequest.action && $0.payload.description.contains("transactionId"))
        }
        let starts = calls.filter { $0.action == StartTransactionRequest.action }
        let stops = central.requests(StopTransactionRequest.self, from: id)
        #expect(starts.count == transactions, "StartTransactions: \(starts)", sourceLocation: sourceLocation)
        #expect(stops.count == transactions, "StopTransactions: \(stops)", sourceLocation: sourceLocation)
        #expect(Set(stops.map(\.transactionId)).count == stops.count, sourceLocation: sourceLocation)
        // Per transaction: Start first, Stop last, meter values in between and in order.
        var open: Int?
        for call in calls {
            switch call.action {
            case StartTransactionRequest.action:
                #expect(open == nil, "a StartTransaction inside a transaction", sourceLocation: sourceLocation)
                open = 1
            case StopTransactionRequest.action:
                #expect(open != nil, "a StopTransaction outside a transaction", sourceLocation: sourceLocation)
                open = nil
            default:
                #expect(open != nil, "transaction MeterValues outside a transaction", sourceLocation: sourceLocation)
            }
        }
        let samples = central.requests(MeterValuesRequest.self, from: id).filter { $0.transactionId != nil }
        let stamps = samples.flatMap { $0.meterValue.map(\.timestamp) }
        #expect(stamps == stamps.sorted(), "meter values out of order", sourceLocation: sourceLocation)
        #expect(Set(stamps).count == stamps.count, "a meter value arrived twice", sourceLocation: sourceLocation)
    }
}

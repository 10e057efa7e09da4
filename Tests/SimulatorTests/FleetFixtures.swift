import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
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
        tlsContext: TLSContext? = nil, extraConfiguration: [String] = [], group: MultiThreadedEventLoopGroup,
        secureCentralSystemURL: String? = nil, log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Fleet {
        let settings = ChargerRuntimeSettings(
            centralSystemURL: central.url, password: password, tlsContext: tlsContext,
            backoff: .init(initial: .milliseconds(100), maximum: .milliseconds(500)),
            rebootDelay: .milliseconds(100), connectTimeout: .seconds(2), snapshotInterval: .seconds(1),
            stopTimeout: .seconds(3), clock: { OCPPTimestamp(Date()) }, log: log,
            secureCentralSystemURL: secureCentralSystemURL)
        return try Fleet(
            configuration: FleetConfiguration(
                groups: [.init(profile: try profile(extraConfiguration: extraConfiguration), count: count)],
                idPrefix: "FT", stateDirectory: stateDirectory,
                seed: 42, runtime: settings),
            eventLoopGroup: group)
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
}

import CentralSystem
import Foundation
import NIOPosix
import OCPP16
import PublicAPI
import Simulator
import WebSocket

/// The embedded central system (OCPP server + Public API on a temporary SQLite store, ports 0)
/// with an in-process fleet of fast AC wallboxes connected to it, and a ``PublicAPIClient`` on
/// its API: the end-to-end path of the bridge, for live tests. `with` starts everything, waits
/// until every charger has booted, runs the body and stops it all.
public struct EmbeddedFleet: Sendable {
    /// The token the central system accepts.
    public static let token = "bridge-test-token-0123456789"

    public let system: EmbeddedCentralSystem
    public let fleet: Fleet
    public let client: PublicAPIClient
    /// The chargers' OCPP identities, `BR1`, `BR2`, ...
    public let chargePointIds: [String]

    /// The 7.4 kW wallbox of `profiles/` made fast for tests: meter values every second, the EV
    /// plugs in 0.2 s after a remote start, no random faults.
    public static func wallboxProfile() throws -> ChargerProfile {
        let url = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml")
        var profile = try ProfileLoader().load(contentsOf: url, file: url.path)
        profile.configuration["MeterValueSampleInterval"] = "1"
        profile.configuration["ClockAlignedDataInterval"] = "0"
        profile.configuration["WebSocketPingInterval"] = "0"
        profile.configuration["TransactionMessageRetryInterval"] = "1"
        profile.behaviour.autoPlugDelaySeconds = 0.2
        profile.behaviour.faultRatePerHour = 0
        return profile
    }

    /// Runs `body` against a fresh central system and `chargers` booted chargers. With
    /// `autoRegister` false, unknown chargers are refused, so `register` must create them.
    /// `configuration` adds to (or overrides) the profile's configuration keys; the fleet's log
    /// lines go to `log`. `centralSystem` adjusts the central system's configuration (TLS, a CA,
    /// ...); `tlsContext` is the chargers' for `wss://`.
    public static func with(
        chargers: Int = 1, autoRegister: Bool = true, startFleet: Bool = true, commandTimeout: Duration = .seconds(5),
        rateLimit: Int = 600, configuration extraConfiguration: [String: String] = [:],
        centralSystem: (inout EmbeddedCentralSystem.Configuration) -> Void = { _ in }, tlsContext: TLSContext? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }, _ body: (EmbeddedFleet) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-bridge")
        defer { directory.remove() }
        var systemConfiguration = EmbeddedCentralSystem.Configuration(
            dataDirectory: directory.url.path, ocppPort: 0,
            ocpp: OCPPServerConfiguration(autoRegister: autoRegister, unknownIdTagPolicy: .register),
            api: PublicAPIConfiguration(port: 0, commandTimeout: commandTimeout, rateLimit: rateLimit),
            apiToken: token)
        centralSystem(&systemConfiguration)
        let system = try await EmbeddedCentralSystem.start(configuration: systemConfiguration)
        let settings = ChargerRuntimeSettings(
            centralSystemURL: system.ocppURL, tlsContext: tlsContext,
            backoff: .init(initial: .milliseconds(100), maximum: .milliseconds(500)),
            rebootDelay: .milliseconds(200), connectTimeout: .seconds(2), stopTimeout: .seconds(3),
            clock: { OCPPTimestamp(Date()) }, log: log, secureCentralSystemURL: system.ocppSecureURL)
        var profile = try wallboxProfile()
        profile.configuration.merge(extraConfiguration) { _, new in new }
        let configuration = FleetConfiguration(
            groups: [.init(profile: profile, count: chargers)], idPrefix: "BR", seed: 7,
            runtime: settings)
        let fleet: Fleet
        do {
            fleet = try Fleet(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        } catch {
            await system.shutdown()
            throw error
        }
        let ids = (1...chargers).map { configuration.chargePointId(index: $0) }
        let harness = EmbeddedFleet(
            system: system, fleet: fleet,
            client: PublicAPIClient(baseURL: system.apiBaseURL, token: token, maxRetryDelay: .seconds(2)),
            chargePointIds: ids)
        do {
            if startFleet {
                fleet.start()
                try await harness.waitUntilBooted()
            }
            try await body(harness)
        } catch {
            try? await fleet.stop(.leaveQueued).get()
            await system.shutdown()
            throw error
        }
        try? await fleet.stop(.leaveQueued).get()
        await system.shutdown()
    }

    /// Waits until every charger has booted and reported its EVSEs' status.
    public func waitUntilBooted(seconds: Double = 20) async throws {
        let fleet = self.fleet
        let count = chargePointIds.count
        try await LiveTimeout.run("\(count) chargers to boot", seconds: seconds) {
            while (try await fleet.counts().get().booted) < count { try await Task.sleep(for: .milliseconds(50)) }
            for id in chargePointIds {
                while try await systemId(id) == nil { try await Task.sleep(for: .milliseconds(50)) }
                let chargePoint = try await systemId(id) ?? 0
                while try await client.evses(ofChargePoint: chargePoint).collect().first?.hardwareStatus == nil {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        }
    }

    /// The API's id of the charger whose OCPP identity is `identity`.
    public func systemId(_ identity: String) async throws -> Int? {
        try await client.chargePoint(identity: identity)?.id
    }
}

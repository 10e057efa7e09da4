import CentralSystem
import Foundation
import NIOPosix
import OCPP16
import PublicAPI
import Simulator
import Testing

/// A user's suite: everything in process, nothing to install. The embedded central system
/// (OCPP 1.6J server + AMPECO-compatible Public API), two virtual wallboxes connected to it,
/// and the typed client acting as the back office would.
@Suite("Charging through the Public API", .timeLimit(.minutes(2)))
struct ChargingSessionTests {
    static let token = "example-suite-token-0123456789"

    /// The central system and two chargers, torn down after `body`.
    static func withFleet(_ body: (PublicAPIClient, Fleet) async throws -> Void) async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let system = try await EmbeddedCentralSystem.start(
            configuration: .init(
                dataDirectory: data.path, ocppPort: 0,
                ocpp: OCPPServerConfiguration(autoRegister: true, unknownIdTagPolicy: .register),
                api: PublicAPIConfiguration(port: 0), apiToken: token))
        // The shipped 7.4 kW wallbox, sampling every second and with the EV plugging in quickly.
        let profileFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../profiles/ac-wallbox-7kw.yaml").standardized
        var profile = try ProfileLoader().load(contentsOf: profileFile, file: profileFile.path)
        profile.configuration["MeterValueSampleInterval"] = "1"
        profile.configuration["ClockAlignedDataInterval"] = "0"
        profile.behaviour.autoPlugDelaySeconds = 0.5
        profile.behaviour.faultRatePerHour = 0
        let fleet = try Fleet(
            configuration: FleetConfiguration(
                groups: [.init(profile: profile, count: 2)], idPrefix: "EX",
                runtime: ChargerRuntimeSettings(centralSystemURL: system.ocppURL, clock: { OCPPTimestamp(Date()) })),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        fleet.start()
        do {
            try await body(PublicAPIClient(baseURL: system.apiBaseURL, token: token), fleet)
        } catch {
            try? await fleet.stop(.stopTransactions).get()
            await system.shutdown()
            throw error
        }
        try? await fleet.stop(.stopTransactions).get()
        await system.shutdown()
    }

    @Test("start, rising energy, a charging profile lowers the power, stop")
    func sessionStory() async throws {
        try await Self.withFleet { api, _ in
            // Both chargers boot and report their EVSE.
            let chargePoint = try await api.wait(for: "EX1 and EX2 in the back end", timeout: .seconds(30)) {
                let all = try await api.chargePoints().collect()
                let ids = Set(all.compactMap { $0.network?.id })
                return (ids == ["EX1", "EX2"] ? all.first { $0.network?.id == "EX1" } : nil, "\(ids.sorted())")
            }
            try await api.waitForEVSE(chargePointId: chargePoint.id, evseNetworkId: 1, status: .available)

            let started = try await api.startSession(
                chargePointId: chargePoint.id, evseNetworkId: 1, StartSessionBody(idTag: "SUITE-TAG"))
            #expect(started.success)
            let session = try await api.waitForSession(chargePointId: chargePoint.id, evseNetworkId: 1, status: .active)
            #expect(session.idTag == "SUITE-TAG")

            let early = try await api.waitForEnergy(sessionId: session.id, above: 0)
            let later = try await api.waitForEnergy(sessionId: session.id, above: early.energy)
            #expect(later.energy > early.energy)
            let fullPower = try #require(later.power?.latest)

            try await api.setChargingProfile(
                chargePointId: chargePoint.id, evseNetworkId: 1,
                SetChargingProfileBody(
                    stackLevel: 1, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .relative,
                    chargingSchedule: ChargingScheduleBody(
                        chargingRateUnit: .watts,
                        chargingSchedulePeriod: [SchedulePeriod(startPeriod: 0, limit: 1500)])))
            let limited = try await api.wait(for: "the power to drop to 1.5 kW", timeout: .seconds(20)) {
                let now = try await api.session(session.id)
                let power = now.power?.latest ?? .infinity
                return (power <= 1500 ? now : nil, "power \(power) W")
            }
            #expect((limited.power?.latest ?? .infinity) < fullPower)

            try await api.stopSession(chargePointId: chargePoint.id, sessionId: session.id)
            let finished = try await api.waitForSession(session.id, status: .finished)
            #expect(finished.energy >= limited.energy)
            #expect(finished.energy > 0)
        }
    }
}

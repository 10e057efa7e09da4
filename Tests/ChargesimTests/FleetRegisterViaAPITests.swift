import Foundation
import PublicAPI
import TestSupport
import Testing

/// `chargesim fleet --register-via-api` against a central system that refuses unknown chargers:
/// the fleet creates its charge points (with its password) through the API, then connects.
@Suite("chargesim fleet --register-via-api", .timeLimit(.minutes(2)))
struct FleetRegisterViaAPITests {
    @Test("the chargers exist in the back end before they connect, and then they boot")
    func registersThenConnects() async throws {
        try await EmbeddedFleet.with(chargers: 1, autoRegister: false, startFleet: false) { harness in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
            let fleet = try RunningCommand(
                "chargesim",
                [
                    "fleet", "--csms", harness.system.ocppURL, "--profile", "\(profile):2", "--id-prefix", "REG-",
                    "--password", "fleet-password-1", "--register-via-api", "--api-base-url",
                    harness.system.apiBaseURL, "--api-token", EmbeddedFleet.token,
                ], directory: directory.url)
            defer { fleet.send(SIGKILL) }
            let api = harness.client
            for identity in ["REG-1", "REG-2"] {
                let evse: EVSE = try await api.wait(for: "\(identity) to report its EVSE", timeout: .seconds(30)) {
                    guard let chargePoint = try await api.chargePoint(identity: identity) else {
                        return (nil, "no charge point \(identity)")
                    }
                    let evses = try await api.evses(ofChargePoint: chargePoint.id).collect()
                    return (evses.first { $0.hardwareStatus == .available }, "EVSEs \(evses.map(\.networkId))")
                }
                #expect(evse.networkId == "1")
                let chargePoint = try #require(try await api.chargePoint(identity: identity))
                #expect(chargePoint.networkStatus == .available)
                #expect(chargePoint.lastBootNotification?.model == "HomeBox 7")
            }
            #expect(fleet.standardError.contains("registered 2 charge points via the API: 2 created, 0 found"))
            fleet.send(SIGTERM)
            #expect(await fleet.waitForExit(seconds: 15) == 0)
        }
    }

    @Test("--register-via-api without an API is a usage error naming the flag")
    func needsTheAPI() async throws {
        let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
        let outcome = try await CommandRunner().run(
            "chargesim", ["fleet", "--csms", "ws://127.0.0.1:1/ocpp", "--profile", profile, "--register-via-api"],
            environment: [:])
        #expect(outcome.exitCode == 64)
        #expect(
            outcome.standardError.contains("--register-via-api needs --api-base-url URL (or CHARGESIM_API_BASE_URL)."))
    }
}

import Foundation
import PublicAPI
import Simulator
import Synchronization
import TestSupport
import Testing

/// Security profile 1 (Basic auth over ws) end to end: a fleet charger against the embedded
/// central system's OCPP server, which checks the charge point's `network.password`.
@Suite("Basic auth on the OCPP upgrade against the embedded central system", .timeLimit(.minutes(2)))
struct FleetBasicAuthLiveTests {
    static let chargerKey = "charger-key-0123456789"

    @Test("a wrong password is refused with 401 and logged; with the right one the charger boots")
    func wrongPasswordIsRefusedThenTheRightOneBoots() async throws {
        let log = LogLines()
        try await EmbeddedFleet.with(
            chargers: 1, autoRegister: false, startFleet: false,
            configuration: ["SecurityProfile": "1", "AuthorizationKey": Self.chargerKey], log: log.append
        ) { harness in
            let identity = try #require(harness.chargePointIds.first)
            let registered = try await harness.client.register(
                ChargePointRegistration(identity: identity, password: "central-system-password-42"))
            #expect(registered.created)
            harness.fleet.start()
            try await LiveTimeout.run("the 401 refusal", seconds: 15) {
                while !log.contains("HTTP 401") { try await Task.sleep(for: .milliseconds(20)) }
            }
            let line = try #require(log.all.first { $0.contains("HTTP 401") })
            #expect(line.contains("\(identity): connect failed at security profile 1"))
            #expect(line.contains("HTTP 401 Unauthorized on the WebSocket upgrade"))
            #expect(line.contains("check the password"))
            #expect(!line.contains(Self.chargerKey))
            #expect(try await harness.client.chargePoint(identity: identity)?.lastBootNotification == nil)
            let logged = try await harness.fleet.charger(identity)?.inspect { $0.securityLog.entries.map(\.type) }
                .get()
            #expect(logged?.contains("FailedToAuthenticateAtCentralSystem") == true)

            // The back end now expects the password the charger sends: the same charger boots.
            _ = try await harness.client.register(
                ChargePointRegistration(identity: identity, password: Self.chargerKey))
            try await harness.waitUntilBooted()
            let chargePoint = try #require(try await harness.client.chargePoint(identity: identity))
            #expect(chargePoint.lastBootNotification?.model == "HomeBox 7")
        }
    }
}

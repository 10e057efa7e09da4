import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// `DELETE /chargers/{id}/security-log` on the live control API: the log is cleared and the
/// central system receives SecurityEventNotification SecurityLogWasCleared.
@Suite struct ControlSecurityLogLiveTests {
    @Test func clearingTheSecurityLogIsReportedToTheCentralSystem() async throws {
        let harness = try await ControlHarness.start()
        try await harness.central.wait(for: "StartupOfTheDevice") { central in
            central.requests(SecurityEventNotificationRequest.self, from: "FT1").contains {
                $0.type.value == "StartupOfTheDevice"
            }
        }
        let cleared = try await harness.client.call("DELETE", "/chargers/FT1/security-log")
        #expect(cleared.status == 200)
        try await harness.central.wait(for: "SecurityLogWasCleared") { central in
            central.requests(SecurityEventNotificationRequest.self, from: "FT1").contains {
                $0.type.value == "SecurityLogWasCleared"
            }
        }
        let event = try #require(
            harness.central.requests(SecurityEventNotificationRequest.self, from: "FT1").last)
        #expect(event.techInfo?.value.contains("entries cleared: cleared through the control API") == true)
        let log = try await harness.fleet.charger("FT1")?.inspect { $0.securityLog.entries.map(\.type) }.get()
        #expect(log == ["SecurityLogWasCleared"])
        #expect(try await harness.client.call("DELETE", "/chargers/NOPE/security-log").status == 404)
        #expect(harness.central.schemaViolations.isEmpty)
        try await harness.stop()
    }
}

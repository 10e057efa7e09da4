import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// Security events of the charger's clock and log (security whitepaper appendix 1):
/// SettingSystemTime when the charger sets its clock from the central system's `currentTime`,
/// SecurityLogWasCleared; and the security profile upgrade (A05) across a restart. Pure machine
/// tests on the manual clock of ``ChargePointHarness``.
@Suite struct ChargePointClockAndLogTests {
    typealias F = ChargePointFixtures

    /// A charger with the security extension on (a certificate store), not yet connected.
    private static func harness(_ configuration: [String: String] = [:]) throws -> ChargePointHarness {
        var charger = F.charger(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chargesim-\(UUID().uuidString)")
        charger.useCertificateStore(try CertificateStore(storage: CertificateStoreDirectory(directory: folder)))
        return ChargePointHarness(charger: charger, now: F.start)
    }

    private static func events(_ harness: ChargePointHarness) -> [SecurityEventNotificationRequest] {
        harness.csms.requests(SecurityEventNotificationRequest.self)
    }

    @Test func aClockOffByMoreThanTheThresholdIsSetFromBootNotificationAndReported() throws {
        var harness = try Self.harness()
        harness.centralSystemClockOffset = .seconds(120)
        harness.connect()
        #expect(harness.charger.clockAdjustment == .seconds(120))
        #expect(harness.chargerNow == F.start + .seconds(120))
        let event = try #require(Self.events(harness).first { $0.type.value == "SettingSystemTime" })
        #expect(event.timestamp == F.start + .seconds(120))
        #expect(event.techInfo?.value.contains("+120.0 s") == true)
        #expect(harness.charger.securityLog.entries.contains { $0.type == "SettingSystemTime" })
        // On the corrected clock the next heartbeats agree with the central system: no new event.
        harness.advance(by: .seconds(301 * 2))
        #expect(harness.csms.requests(HeartbeatRequest.self).count >= 2)
        #expect(Self.events(harness).filter { $0.type.value == "SettingSystemTime" }.count == 1)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func aClockThatDriftsIsSetAgainFromAHeartbeat() throws {
        var harness = try Self.harness()
        harness.connect()
        #expect(harness.charger.clockAdjustment == .zero)
        harness.centralSystemClockOffset = .seconds(-30)
        harness.advance(by: .seconds(301))
        #expect(harness.csms.requests(HeartbeatRequest.self).count == 1)
        #expect(harness.charger.clockAdjustment == .seconds(-30))
        let events = Self.events(harness).filter { $0.type.value == "SettingSystemTime" }
        #expect(events.count == 1)
        #expect(events.first?.techInfo?.value.contains("-30.0 s") == true)
    }

    @Test(arguments: [Duration.seconds(4), .seconds(-5), .zero])
    func aDifferenceWithinTheThresholdIsNotASystemTimeChange(_ offset: Duration) throws {
        var harness = try Self.harness()
        harness.centralSystemClockOffset = offset
        harness.connect()
        harness.advance(by: .seconds(301))
        #expect(harness.charger.clockAdjustment == .zero)
        #expect(!Self.events(harness).contains { $0.type.value == "SettingSystemTime" })
        #expect(Self.events(harness).map(\.type.value) == ["StartupOfTheDevice"])
    }

    @Test func aChargerThatKeepsItsClockReportsNothing() throws {
        var harness = try Self.harness()
        harness.charger.synchronizesClock = false
        harness.centralSystemClockOffset = .seconds(3600)
        harness.connect()
        #expect(harness.charger.clockAdjustment == .zero)
        #expect(!Self.events(harness).contains { $0.type.value == "SettingSystemTime" })
    }

    @Test func clearingTheSecurityLogLeavesOneSecurityLogWasClearedEntryAndSendsIt() throws {
        var harness = try Self.harness()
        harness.connect()
        harness.act { $0.reportSecurityEvent(.tamperDetectionActivated, techInfo: "lid opened", now: $1) }
        #expect(harness.charger.securityLog.entries.count == 2)
        harness.advance(by: .seconds(10))
        harness.act { $0.clearSecurityLog(reason: "control API", now: $1) }
        let entries = harness.charger.securityLog.entries
        #expect(entries.map(\.type) == ["SecurityLogWasCleared"])
        #expect(entries.first?.timestamp == F.start + .seconds(10))
        #expect(entries.first?.techInfo == "2 entries cleared: control API")
        #expect(
            Self.events(harness).map(\.type.value) == [
                "StartupOfTheDevice", "TamperDetectionActivated", "SecurityLogWasCleared",
            ])
        // What GetLog SecurityLog would upload now.
        #expect(harness.charger.securityLog.text(from: nil, to: nil).contains("SecurityLogWasCleared"))
        #expect(!harness.charger.securityLog.text(from: nil, to: nil).contains("lid opened"))
    }

    @Test func aSecurityProfileSwitchInterruptedByARestartStillFallsBack() throws {
        var harness = try Self.harness(["AuthorizationKey": "0123456789abcdef0123", "SecurityProfile": "1"])
        harness.connect()
        #expect(harness.deliver(ChangeConfigurationRequest(key: "SecurityProfile", value: "2"))?.status == .accepted)
        harness.disconnect()
        harness.act { $0.connectionFailed(.other(reason: "TLS: handshake failed"), now: $1) }
        // Power cut mid-switch: the snapshot (as JSON, like snapshot.json) carries the upgrade.
        let saved = try JSONDecoder().decode(
            ChargePointSnapshot.self, from: JSONEncoder().encode(harness.charger.snapshot))
        #expect(saved.securityProfileUpgrade?.previous == 1)
        #expect(saved.securityProfileUpgrade?.failedAttempts == 1)
        var restarted = ChargePointHarness(charger: F.charger(resumingFrom: saved), now: harness.now)
        #expect(restarted.charger.configuration.securityProfile == 2)
        #expect(restarted.charger.securityProfileUpgrade == saved.securityProfileUpgrade)
        for _ in 2...SecurityProfileUpgrade.maximumAttempts {
            restarted.act { $0.connectionFailed(.other(reason: "TLS: handshake failed"), now: $1) }
        }
        #expect(restarted.charger.configuration.securityProfile == 1)
        #expect(restarted.charger.securityProfileUpgrade == nil)
        #expect(restarted.charger.snapshot.securityProfileUpgrade == nil)
        #expect(restarted.charger.securityLog.entries.last?.techInfo?.contains("back to 1") == true)
    }

    @Test func aConfirmedSwitchIsNotResumedAfterARestart() throws {
        var harness = try Self.harness(["AuthorizationKey": "0123456789abcdef0123", "SecurityProfile": "1"])
        harness.connect()
        harness.deliver(ChangeConfigurationRequest(key: "SecurityProfile", value: "2"))
        harness.disconnect()
        harness.connect()
        let restarted = F.charger(resumingFrom: harness.charger.snapshot)
        #expect(restarted.configuration.securityProfile == 2)
        #expect(restarted.securityProfileUpgrade == nil)
    }
}

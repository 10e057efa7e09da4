import Foundation
import PublicAPI
import TestSupport
import Testing

/// The listing and security subcommands of `chargesim api`: the real binary against the embedded
/// central system and an in-process charger, output and exit codes checked.
@Suite("chargesim api listings and security actions", .timeLimit(.minutes(2)))
struct APIResourceCommandTests {
    let runner = CommandRunner()

    func api(_ harness: EmbeddedFleet, _ arguments: [String]) async throws -> CommandRunner.Outcome {
        try await runner.run(
            "chargesim",
            ["api"] + arguments + ["--base-url", harness.system.apiBaseURL, "--token", EmbeddedFleet.token])
    }

    func jsonArray(_ outcome: CommandRunner.Outcome) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
    }

    func jsonObject(_ outcome: CommandRunner.Outcome) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test("listings show what the client created; actions map to exit codes")
    func listingsAndActions() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            _ = try await harness.client.createIdTag(
                IdTagWrite(idTagUid: "SHELL-UID-9", idLabel: "Shell label", status: .enabled, type: .rfid))
            let tags = try await api(harness, ["id-tags"])
            #expect(tags.exitCode == 0, "\(tags.standardError)")
            let tagLines = tags.standardOutput.split(separator: "\n")
            #expect(tagLines.first?.hasPrefix("ID  UID") == true)
            let tagRow = try #require(tagLines.first { $0.contains("SHELL-UID-9") })
            #expect(tagRow.contains("Shell label") && tagRow.contains("enabled") && tagRow.contains("rfid"))
            let filtered = try jsonArray(try await api(harness, ["id-tags", "--uid", "SHELL-UID-9", "--json"]))
            #expect(filtered.map { $0["idTagUid"] as? String } == ["SHELL-UID-9"])
            let badStatus = try await api(harness, ["id-tags", "--status", "lost"])
            #expect(badStatus.exitCode == 64)
            #expect(
                badStatus.standardError.contains("--status must be one of enabled, disabled, suspended; got 'lost'."))

            _ = try await harness.client.createTariff(Tariff(name: "Shell free", type: .free, currency: "EUR"))
            let tariffs = try await api(harness, ["tariffs", "--json"])
            #expect(tariffs.exitCode == 0, "\(tariffs.standardError)")
            #expect(
                try jsonArray(tariffs).contains {
                    $0["name"] as? String == "Shell free" && $0["type"] as? String == "free"
                })
            let tariffTable = try await api(harness, ["tariffs"])
            #expect(tariffTable.standardOutput.split(separator: "\n").contains { $0.contains("Shell free") })

            // The test wallbox has no Reservation feature profile: the refusal exits 4 and the back end
            // keeps the reservation as canceled.
            let reserve = try await api(harness, ["reserve", "BR1", "1", "--user-id", "42"])
            #expect(reserve.exitCode == 4)
            #expect(
                reserve.standardError.contains(
                    "HTTP 406: Charge point BR1 answered ReserveNow with CALLERROR NotSupported"))
            let reservations = try await api(harness, ["reservations", "--charge-point", "BR1", "--evse", "1"])
            #expect(reservations.exitCode == 0, "\(reservations.standardError)")
            let reservationLines = reservations.standardOutput.split(separator: "\n")
            #expect(reservationLines.first?.hasPrefix("ID  CHARGE POINT  EVSE ID  STATUS") == true)
            #expect(reservationLines.count == 2)
            #expect(reservationLines.last.map { $0.contains(" BR1 ") && $0.contains(" canceled ") } == true)
            let active = try await api(harness, ["reservations", "--status", "active"])
            #expect(active.standardOutput == "(none)\n")
            let all = try jsonArray(try await api(harness, ["reservations", "--json"]))
            #expect(all.map { $0["status"] as? String } == ["canceled"])
            let noCharger = try await api(harness, ["reservations", "--charge-point", "NOPE"])
            #expect(noCharger.exitCode == 3)

            let invoices = try await api(harness, ["invoices", "--issued-from", "2026-01-01T00:00:00Z", "--json"])
            #expect(invoices.exitCode == 0, "\(invoices.standardError)")
            _ = try jsonArray(invoices)
            let badDate = try await api(harness, ["invoices", "--issued-to", "yesterday"])
            #expect(badDate.exitCode == 64)
            #expect(badDate.standardError.contains("--issued-to must be an ISO 8601 date-time"))
            #expect(try await api(harness, ["locations", "--json"]).exitCode == 0)
            #expect(try await api(harness, ["transactions"]).exitCode == 0)

            let sync = try await api(harness, ["sync-configuration", "BR1", "--json"])
            #expect(sync.exitCode == 0, "\(sync.standardError)")
            #expect(try jsonObject(sync)["success"] as? Bool == true)

            let reset = try await api(harness, ["reset-security-profile", "BR1"])
            #expect(reset.exitCode == 0, "\(reset.standardError)")
            #expect(reset.standardOutput == "Security profile of BR1 reset.\n")
            let owner = try await api(harness, ["change-owner", "BR1", "--no-owner"])
            #expect(owner.exitCode == 0, "\(owner.standardError)")
            #expect(owner.standardOutput == "BR1 now has no owner.\n")

            #expect(try await api(harness, ["create-charge-point", "OFFLINE-2"]).exitCode == 0)
            let offline = try await api(harness, ["set-security-profile", "OFFLINE-2", "1"])
            #expect(offline.exitCode == 4)
            #expect(offline.standardError.contains("HTTP 406: Charge point OFFLINE-2 is offline"))
            let offlineSync = try await api(harness, ["sync-certificates", "OFFLINE-2"])
            #expect(offlineSync.exitCode == 4)
            let badProfile = try await api(harness, ["set-security-profile", "BR1", "3"])
            #expect(badProfile.exitCode == 64)
            #expect(badProfile.standardError.contains("PROFILE must be 1 or 2; got 3."))
            let badType = try await api(harness, ["install-certificate", "BR1", "--type", "V2GCertificate"])
            #expect(badType.exitCode == 64)
        }
    }

    @Test("security actions on a connected charger: profile raise, certificate sync, security log")
    func securityActionsOnAConnectedCharger() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            // The test wallbox has no basic-auth password, so it refuses profile 1 and the command exits 4.
            let raise = try await api(harness, ["set-security-profile", "BR1", "1"])
            #expect(raise.exitCode == 4)
            #expect(
                raise.standardError.hasSuffix(
                    "HTTP 406: Charge point BR1 rejected SecurityProfile 1 (status Rejected).\n"))

            let certificates = try await api(harness, ["sync-certificates", "BR1", "--type", "CSMSRootCertificate"])
            #expect(certificates.exitCode == 0, "\(certificates.standardError)")
            #expect(certificates.standardOutput == "Certificate sync of BR1 accepted.\n")

            let log = try await api(
                harness, ["get-security-log", "BR1", "--location", "http://127.0.0.1:9/logs", "--json"])
            #expect(log.exitCode == 0, "\(log.standardError)")
            let upload = try jsonObject(log)
            #expect(upload["status"] as? String == "Accepted")
            #expect(upload["logType"] as? String == "SecurityLog")
            #expect((upload["file_name"] as? String)?.hasPrefix("SecurityLog-BR1-") == true)
            let badRetries = try await api(harness, ["get-security-log", "BR1", "--location", "x", "--retries", "11"])
            #expect(badRetries.exitCode == 64)

            // The embedded back end has no CSMS root configured to send (404, feature disabled), and
            // the charger has none installed to delete (406).
            let install = try await api(harness, ["install-certificate", "BR1", "--type", "CSMSRootCertificate"])
            #expect(install.exitCode == 3)
            #expect(install.standardError.contains("HTTP 404: No CentralSystemRootCertificate is configured"))
            let delete = try await api(harness, ["delete-certificate", "BR1", "--type", "CSMSRootCertificate"])
            #expect(delete.exitCode == 4)
            #expect(
                delete.standardError.contains(
                    "HTTP 406: Charge point BR1 has no CentralSystemRootCertificate installed."))
        }
    }
}

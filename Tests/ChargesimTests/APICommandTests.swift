import Foundation
import PublicAPI
import TestSupport
import Testing

/// `chargesim api` as a user runs it: the real binary, against the embedded central system
/// and in-process chargers, full output and exit codes checked.
@Suite("chargesim api", .timeLimit(.minutes(2)))
struct APICommandTests {
    let runner = CommandRunner()

    func api(_ harness: EmbeddedFleet, _ arguments: [String], token: String = EmbeddedFleet.token) async throws
        -> CommandRunner.Outcome
    {
        try await runner.run(
            "chargesim", ["api"] + arguments + ["--base-url", harness.system.apiBaseURL, "--token", token])
    }

    func json(_ outcome: CommandRunner.Outcome) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test("start, watch, limit and stop a session from the shell")
    func sessionFromTheShell() async throws {
        try await EmbeddedFleet.with(chargers: 2) { harness in
            let list = try await api(harness, ["charge-points"])
            #expect(list.exitCode == 0)
            let lines = list.standardOutput.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID  IDENTITY  NAME") == true)
            #expect(lines.count == 3)
            #expect(lines.dropFirst().allSatisfy { $0.contains("BR") && $0.contains("available") })

            let evses = try await api(harness, ["evses", "--charge-point", "BR2", "--json"])
            #expect(evses.exitCode == 0)
            let evseList = try #require(
                JSONSerialization.jsonObject(with: Data(evses.standardOutput.utf8)) as? [[String: Any]])
            #expect(evseList.count == 1)
            #expect(evseList.first?["hardwareStatus"] as? String == "available")

            // Both chargers boot at once, so BR1's EVSE may have either system id.
            let br1 = try await api(harness, ["evses", "--charge-point", "BR1", "--json"])
            let br1EVSEs = try #require(
                JSONSerialization.jsonObject(with: Data(br1.standardOutput.utf8)) as? [[String: Any]])
            let br1EVSEId = try #require(br1EVSEs.first?["id"] as? Int)

            let start = try await api(harness, ["start", "BR1", "1", "--id-tag", "SHELL-TAG", "--wait", "--json"])
            #expect(start.exitCode == 0, "\(start.standardError)")
            let session = try json(start)
            #expect(session["status"] as? String == "active")
            let sessionId = try #require(session["id"] as? String)

            let active = try await api(harness, ["sessions", "--charge-point", "BR1", "--status", "active"])
            #expect(active.exitCode == 0)
            let row = active.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
            #expect(row.count == 1)
            // ID, CHARGE POINT, EVSE ID (the system id BR1's EVSE got at boot), STATUS, ID TAG.
            let fields = row.first.map { $0.prefix(5).map(String.init) } ?? []
            #expect(fields == [sessionId, "BR1", String(br1EVSEId), "active", "SHELL-TAG"])

            let energy = try await api(harness, ["wait", "energy", sessionId, "1", "--timeout", "20", "--json"])
            #expect(energy.exitCode == 0, "\(energy.standardError)")
            #expect((try json(energy)["energy"] as? Double ?? 0) > 1)

            let limit = try await api(harness, ["set-charging-profile", "BR1", "1", "--limit", "2000"])
            #expect(limit.exitCode == 0, "\(limit.standardError)")
            #expect(limit.standardOutput.hasPrefix("Charging profile "))
            #expect(limit.standardOutput.hasSuffix(" installed: 2000 W.\n"))

            let stop = try await api(harness, ["stop", "BR1", "--evse", "1", "--wait", "--json"])
            #expect(stop.exitCode == 0, "\(stop.standardError)")
            #expect(try json(stop)["status"] as? String == "finished")

            let read = try await api(harness, ["session", sessionId])
            #expect(read.exitCode == 0)
            #expect(read.standardOutput.contains("status       finished"))
            #expect(read.standardOutput.contains("chargePoint  BR1"))
        }
    }

    @Test("exit codes: 3 not found, 4 rejected, 5 auth, 6 network, 7 timeout, 8 invalid, 64 usage")
    func exitCodes() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            let missing = try await api(harness, ["session", "9999"])
            #expect(missing.exitCode == 3)
            #expect(
                missing.standardError
                    == "chargesim api: GET /public-api/resources/sessions/v1.0/9999: HTTP 404: No query results for model [Session].\n"
            )
            let unknownCharger = try await api(harness, ["reset", "NOPE"])
            #expect(unknownCharger.exitCode == 3)
            #expect(unknownCharger.standardError == "chargesim api: no charge point with identity or id 'NOPE'.\n")

            let secret = "not-the-token-but-secret"
            let auth = try await api(harness, ["charge-points"], token: secret)
            #expect(auth.exitCode == 5)
            #expect(auth.standardError.contains("HTTP 401: Unauthenticated."))
            #expect(!(auth.standardError + auth.standardOutput).contains(secret))

            let created = try await api(harness, ["create-charge-point", "OFFLINE-1", "--json"])
            #expect(created.exitCode == 0, "\(created.standardError)")
            let rejected = try await api(harness, ["reset", "OFFLINE-1", "hard"])
            #expect(rejected.exitCode == 4)
            #expect(rejected.standardError.contains("HTTP 406: Charge point OFFLINE-1 is offline"))

            let timeout = try await api(harness, ["wait", "evse", "BR1", "1", "faulted", "--timeout", "0.6"])
            #expect(timeout.exitCode == 7)
            #expect(timeout.standardError.hasSuffix("last seen: hardwareStatus available\n"))

            let invalid = try await api(harness, ["create-charge-point", String(repeating: "X", count: 60)])
            #expect(invalid.exitCode == 8)
            #expect(invalid.standardError.contains("network.id: "))

            let usage = try await runner.run("chargesim", ["api", "charge-points"], environment: [:])
            #expect(usage.exitCode == 64)
            #expect(usage.standardError.contains("Give the API base URL: --base-url URL or CHARGESIM_API_BASE_URL."))
        }
        let network = try await runner.run(
            "chargesim",
            [
                "api", "charge-points", "--base-url", "http://127.0.0.1:1/public-api", "--token", "t",
                "--request-timeout", "2",
            ])
        #expect(network.exitCode == 6)
        #expect(
            network.standardError.hasPrefix("chargesim api: GET /public-api/resources/charge-points/v2.0: no answer"))
    }

    @Test("the environment gives the base URL and the token")
    func environmentVariables() async throws {
        try await EmbeddedFleet.with(chargers: 1) { harness in
            let outcome = try await runner.run(
                "chargesim", ["api", "charge-point", "BR1"],
                environment: [
                    "CHARGESIM_API_BASE_URL": harness.system.apiBaseURL, "CHARGESIM_API_TOKEN": EmbeddedFleet.token,
                ])
            #expect(outcome.exitCode == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput.contains("identity        BR1"))
            #expect(outcome.standardOutput.contains("evse "))
        }
    }
}

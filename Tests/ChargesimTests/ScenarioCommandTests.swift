import Foundation
import PublicAPI
import TestSupport
import Testing

/// `chargesim scenario run` as CI runs it: the real binary, the shipped examples, a JUnit report.
@Suite("chargesim scenario run", .timeLimit(.minutes(3)))
struct ScenarioCommandTests {
    let runner = CommandRunner()
    static let examples = PythonPeer.repositoryRoot.appendingPathComponent("Examples/scenarios")

    @Test(
        "every shipped example passes and the JUnit report says so",
        arguments: [
            "session-through-api.yaml", "fault-and-local-session.yaml", "availability-and-reset.yaml",
        ])
    func shippedExamplePasses(file: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = directory.url.appendingPathComponent("junit.xml").path
        let outcome = try await runner.run(
            "chargesim", ["scenario", "run", Self.examples.appendingPathComponent(file).path, "--junit", report])
        #expect(outcome.exitCode == 0, "\(outcome.standardOutput)\n\(outcome.standardError)")
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\""))
        #expect(xml.contains("failures=\"0\" errors=\"0\" skipped=\"0\""))
        #expect(!xml.contains("<failure"))
        #expect(outcome.standardOutput.contains(" passed, 0 failed, 0 skipped"))
    }

    @Test("a failing step is a <failure> naming what was expected and seen; the rest is skipped")
    func failingStep() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
        let file = try directory.write(
            "failing.yaml",
            """
            name: Failing on purpose
            fleet:
              profile: \(profile)
              idPrefix: FAIL
            steps:
              - fleet: start
              - wait: evse
                chargePoint: FAIL1
                status: available
              - assert: evse
                chargePoint: FAIL1
                field: hardwareStatus
                equals: charging
              - api: reset
                chargePoint: FAIL1
            """)
        let report = directory.url.appendingPathComponent("junit.xml").path
        let outcome = try await runner.run("chargesim", ["scenario", "run", file.path, "--junit", report])
        #expect(outcome.exitCode == 1)
        #expect(
            outcome.standardOutput.contains(
                "  FAIL  assert evse FAIL1 hardwareStatus: evse.hardwareStatus: expected charging, got available"))
        #expect(outcome.standardOutput.hasSuffix("2 passed, 1 failed, 1 skipped\n"))
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(
            xml.contains(
                "<failure message=\"evse.hardwareStatus: expected charging, got available\">"))
        #expect(xml.contains("name=\"4. api reset FAIL1\" time=\"0.000\">\n      <skipped"))
    }

    @Test("backend: an external back end that refuses unknown chargers; register creates them first")
    func externalBackEndWithRegistration() async throws {
        try await EmbeddedFleet.with(chargers: 1, autoRegister: false, startFleet: false) { harness in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
            let file = try directory.write(
                "external.yaml",
                """
                name: Against an external back end
                backend:
                  apiBaseUrl: \(harness.system.apiBaseURL)
                  apiToken: ${SCENARIO_TEST_TOKEN}
                  ocppUrl: \(harness.system.ocppURL)
                  register: true
                  password: scenario-password-1
                fleet:
                  profile: \(profile)
                  idPrefix: EXT
                steps:
                  - fleet: start
                  - wait: evse
                    chargePoint: EXT1
                    status: available
                  - assert: charge-point
                    chargePoint: EXT1
                    field: lastBootNotification.model
                    equals: HomeBox 7
                """)
            let outcome = try await runner.run(
                "chargesim", ["scenario", "run", file.path], environment: ["SCENARIO_TEST_TOKEN": EmbeddedFleet.token])
            #expect(outcome.exitCode == 0, "\(outcome.standardOutput)\n\(outcome.standardError)")
            #expect(outcome.standardOutput.hasSuffix("3 passed, 0 failed, 0 skipped\n"))
            let registered = try #require(try await harness.client.chargePoint(identity: "EXT1"))
            #expect(registered.networkStatus != .neverConnected)
        }
    }

    @Test("a scenario with a typo is refused before anything runs (exit 65)")
    func invalidScenario() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            "typo.yaml",
            """
            fleet:
              profile: x.yaml
            steps:
              - fleet: start
              - wait: evse
                stauts: available
            """)
        let outcome = try await runner.run("chargesim", ["scenario", "run", file.path])
        #expect(outcome.exitCode == 65)
        #expect(
            outcome.standardError.hasSuffix(
                "typo.yaml: steps.1: unknown key 'stauts'; a step has one of fleet, api, charger, wait, assert and their fields\n"
            ))
    }
}

import Foundation
import TestSupport
import Testing

/// `chargesim profiles list|validate` run as a real subprocess: full output and exit codes.
@Suite struct ProfilesCommandTests {
    let runner = CommandRunner()

    static let profilesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("profiles", isDirectory: true)

    static let shippedProfiles = ["ac-post-22kw.yaml", "ac-wallbox-7kw.yaml", "dc-150kw.yaml", "dc-hpc-350kw.yaml"]

    static let brokenProfile = """
        identity:
          chargePointVendor: Acme
          chargePointModel: X1
          firmwareVersion: "1.0"
        connectors:
          - {id: 1, type: Type2, currentType: AC, maxCurrentA: 32, phases: 2, maxPowerKW: 22}
          - {id: 1, type: Type2, currentType: AC, maxCurrentA: 32, phases: 3, maxPowerKW: 22}
        featureProfiles: [Core]
        evMix:
          - {name: Car, weight: 1, batteryKWh: 50, startSoCPercent: [20, 60], maxACPowerKW: 11, acPhases: 3, maxDCPowerKW: 0}

        """

    @Test func listPrintsATableOfTheShippedProfiles() async throws {
        let outcome = try await runner.run("chargesim", ["profiles", "list", "--dir", Self.profilesFolder.path])
        let expected = """
            FILE                 VENDOR / MODEL              CONNECTORS                  MAX POWER
            ac-post-22kw.yaml    Ampvia CityPost Duo 22      2 × Type2 22 kW             22 kW
            ac-wallbox-7kw.yaml  Voltaris HomeBox 7          Type2 7.4 kW                7.4 kW
            dc-150kw.yaml        Kilowave KW-DC150 Dual      CCS2 150 kW, CHAdeMO 50 kW  150 kW
            dc-hpc-350kw.yaml    Helion Charge HyperArc 350  2 × CCS2 350 kW             350 kW

            """
        #expect(outcome == .init(exitCode: 0, standardOutput: expected, standardError: ""))
    }

    @Test func listMarksAnInvalidProfileAndExits65() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("broken.yaml", Self.brokenProfile)
        try folder.write(
            "wallbox.yaml",
            String(
                decoding: try Data(contentsOf: Self.profilesFolder.appendingPathComponent("ac-wallbox-7kw.yaml")),
                as: UTF8.self)
        )
        try folder.write("notes.txt", "not a profile")
        let outcome = try await runner.run("chargesim", ["profiles", "list", "--dir", folder.url.path])
        let expected = """
            FILE          VENDOR / MODEL                                        CONNECTORS    MAX POWER
            broken.yaml   invalid: 2 problems, see chargesim profiles validate  -             -
            wallbox.yaml  Voltaris HomeBox 7                                    Type2 7.4 kW  7.4 kW

            """
        #expect(outcome == .init(exitCode: 65, standardOutput: expected, standardError: ""))
    }

    @Test func listOfAMissingFolderExits66() async throws {
        let outcome = try await runner.run("chargesim", ["profiles", "list", "--dir", "/nonexistent/profiles"])
        let message = "chargesim profiles list: cannot read the folder /nonexistent/profiles\n"
        #expect(outcome == .init(exitCode: 66, standardOutput: "", standardError: message))
    }

    @Test func validateSaysOkForEveryShippedProfile() async throws {
        let paths = Self.shippedProfiles.map { Self.profilesFolder.appendingPathComponent($0).path }
        let outcome = try await runner.run("chargesim", ["profiles", "validate"] + paths)
        let expected = paths.map { "\($0): ok\n" }.joined()
        #expect(outcome == .init(exitCode: 0, standardOutput: expected, standardError: ""))
    }

    @Test func validatePrintsEveryProblemWithFileAndLineAndExits65() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let broken = try folder.write("broken.yaml", Self.brokenProfile).path
        let syntax = try folder.write("syntax.yaml", "identity:\n  chargePointVendor: [unclosed\n").path
        let good = Self.profilesFolder.appendingPathComponent("dc-150kw.yaml").path
        let outcome = try await runner.run("chargesim", ["profiles", "validate", broken, good, syntax, "missing.yaml"])
        let expected = """
            \(broken):6: connectors[0].phases: must be 1 or 3, got 2
            \(broken):7: connectors[1].id: duplicate connector id 1 (connectors[0] has it already)
            \(good): ok
            \(syntax):3: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)
            missing.yaml: no such file

            """
        #expect(outcome == .init(exitCode: 65, standardOutput: expected, standardError: ""))
    }

    @Test func validateWithoutFilesIsAUsageError() async throws {
        let outcome = try await runner.run("chargesim", ["profiles", "validate"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardOutput == "")
        #expect(
            outcome.standardError.hasPrefix(
                "Error: Name at least one profile file, e.g. profiles/ac-wallbox-7kw.yaml.\n"))
    }

    @Test func profilesHelpListsBothSubcommands() async throws {
        let outcome = try await runner.run("chargesim", ["profiles", "--help"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.contains("  list "))
        #expect(outcome.standardOutput.contains("  validate "))
    }
}

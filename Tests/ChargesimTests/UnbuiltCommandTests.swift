import TestSupport
import Testing

/// The CLI tells the truth about what is not built: each such subcommand names what it needs
/// and exits 69 (`EX_UNAVAILABLE`), and nothing pretends to run.
@Suite struct UnbuiltCommandTests {
    let runner = CommandRunner()

    @Test(arguments: [
        (
            "bench",
            "chargesim bench: not built yet. It needs the fleet and the embedded central system (issues 5, 8, 11).\n"
        )
    ])
    func unbuiltSubcommandSaysWhatItNeeds(subcommand: String, message: String) throws {
        let outcome = try runner.run("chargesim", [subcommand])
        #expect(outcome == .init(exitCode: 69, standardOutput: "", standardError: message))
    }

    @Test func helpListsEverySubcommand() throws {
        let outcome = try runner.run("chargesim", ["--help"])
        #expect(outcome.exitCode == 0)
        for name in ["demo", "fleet", "csms", "api", "scenario", "profiles", "bench"] {
            #expect(outcome.standardOutput.contains("  \(name) "), "help is missing \(name)")
        }
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let outcome = try runner.run("chargesim", ["flet"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.contains("Unexpected argument 'flet'"))
    }
}

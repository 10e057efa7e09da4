import TestSupport
import Testing

/// The CLI's command table: every subcommand is listed, an unknown one is a usage error.
@Suite struct CommandTableTests {
    let runner = CommandRunner()

    @Test func helpListsEverySubcommand() async throws {
        let outcome = try await runner.run("chargesim", ["--help"])
        #expect(outcome.exitCode == 0)
        for name in ["demo", "fleet", "csms", "api", "scenario", "profiles", "bench"] {
            #expect(outcome.standardOutput.contains("  \(name) "), "help is missing \(name)")
        }
    }

    @Test func unknownSubcommandIsAUsageError() async throws {
        let outcome = try await runner.run("chargesim", ["flet"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.contains("Unexpected argument 'flet'"))
    }
}

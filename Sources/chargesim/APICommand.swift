import ArgumentParser

/// `chargesim api`: AMPECO Public API actions and listings from the shell.
struct APICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Call the AMPECO Public API (embedded or a real tenant)."
    )

    func run() throws {
        throw NotBuiltYet.exit("api", needs: "the Public API client (issue 9)")
    }
}

import ArgumentParser

/// `chargesim demo`: the embedded central system plus a small fleet, no account needed.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the embedded central system with a fleet of virtual chargers."
    )

    func run() throws {
        throw NotBuiltYet.exit(
            "demo",
            needs: "the virtual charge point (issue 5) and the embedded central system (issue 8)"
        )
    }
}

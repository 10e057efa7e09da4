import ArgumentParser

/// `chargesim csms`: the embedded central system on its own.
struct CSMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csms",
        abstract: "Run the embedded OCPP 1.6J central system and its Public API."
    )

    func run() throws {
        throw NotBuiltYet.exit("csms", needs: "the embedded central system (issue 8)")
    }
}

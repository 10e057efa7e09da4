import ArgumentParser

/// `chargesim api wait ...`: block until the back end shows a state (exit 7 at the deadline,
/// saying what was seen last).
struct APIWaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Wait for an EVSE status, a session status or a session's energy.",
        subcommands: [APIWaitEVSECommand.self, APIWaitSessionCommand.self, APIWaitEnergyCommand.self])
}

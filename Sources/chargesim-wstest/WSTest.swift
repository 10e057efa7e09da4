import ArgumentParser

/// The Autobahn|Testsuite agents of issue 3: an echo client for the fuzzing server and an echo
/// server for the fuzzing client, both with permessage-deflate offered and accepted.
@main
struct WSTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargesim-wstest",
        abstract: "Autobahn|Testsuite agents for the ChargeSim WebSocket stack.",
        subcommands: [ClientCommand.self, ServerCommand.self]
    )
}

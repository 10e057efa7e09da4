import ArgumentParser
import PublicAPI

/// `chargesim api wait energy SESSION WH`.
struct APIWaitEnergyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "energy", abstract: "Wait until a session has delivered more than WH watt-hours.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The session id.")
    var session: String

    @Argument(help: "The energy to pass, Wh.")
    var watthours: Double

    @Option(help: "Seconds to wait.")
    var timeout: Double = 60

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let reached = try await client.waitForEnergy(
                sessionId: session, above: watthours, timeout: .milliseconds(Int64(timeout * 1000)))
            try output.show(reached) { .session(reached, identity: nil) }
        }
    }
}

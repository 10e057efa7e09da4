import ArgumentParser
import PublicAPI

/// `chargesim api session ID`: one session.
struct APISessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Show a session: status, energy (Wh), power (W).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The session id.")
    var id: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let session = try await client.session(id)
            let identity = output.json ? nil : try? await client.chargePoint(session.chargePointId).network?.id
            try output.show(session) { .session(session, identity: identity) }
        }
    }
}

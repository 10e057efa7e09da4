import ArgumentParser
import PublicAPI

/// `chargesim api stop CP [SESSION]`: RemoteStopTransaction through the API.
struct APIStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop a session (actions/charge-point/v1.0/{cp}/stop/{session}).",
        discussion: "Name the session, or --evse N to stop the active session of that EVSE.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The session id.")
    var session: String?

    @Option(help: "Stop the active session of this EVSE networkId instead.")
    var evse: Int?

    @Flag(help: "End the session in the back end whatever the charger answers.")
    var force = false

    @Flag(help: "Wait until the session is finished and print it.")
    var wait = false

    @Option(help: "Seconds --wait waits.")
    var timeout: Double = 60

    func validate() throws {
        if (session == nil) == (evse == nil) { throw ValidationError("Name a SESSION or give --evse N (one of them).") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let resolver = APIResolver(client: client)
            let found = try await resolver.chargePoint(chargePoint)
            var sessionId = session ?? ""
            if let evse {
                let target = try await resolver.evse(found, networkId: evse)
                let active = try await client.sessions(
                    ListQuery(filters: ["evseId": String(target.id), "status": "active"])
                ).collect()
                guard let first = active.first else {
                    throw APICommandFailure(
                        message: "no active session on EVSE \(evse) of \(found.network?.id ?? chargePoint).",
                        code: .notFound)
                }
                sessionId = first.id
            }
            try await client.stopSession(chargePointId: found.id, sessionId: sessionId, force: force ? true : nil)
            guard wait else {
                try output.done("Stop of session \(sessionId) accepted.", json: ["sessionId": .string(sessionId)])
                return
            }
            let finished = try await client.waitForSession(
                sessionId, status: .finished, timeout: .milliseconds(Int64(timeout * 1000)))
            try output.show(finished) { .session(finished, identity: found.network?.id) }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api start CP EVSE`: RemoteStartTransaction through the API.
struct APIStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a session on an EVSE (actions/charge-point/v1.0/{cp}/start/{evse}).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId (OCPP connector id).")
    var evse: Int

    @Option(help: "The id tag to start with (default: the back end makes one).")
    var idTag: String?

    @Flag(help: "Wait until the session is active and print it.")
    var wait = false

    @Option(help: "Seconds --wait waits.")
    var timeout: Double = 60

    func validate() throws {
        if evse < 0 { throw ValidationError("EVSE must be a networkId of 1 or more, got \(evse).") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.startSession(
                chargePointId: found.id, evseNetworkId: evse, StartSessionBody(idTag: idTag))
            guard result.success else {
                throw APICommandFailure(
                    message: "start refused: \(result.message ?? "no reason") (\(result.errorCode?.rawValue ?? "-")).",
                    code: .rejected)
            }
            guard wait else {
                try output.show(result) {
                    .fields([
                        ("success", "true"), ("sessionId", result.sessionId.map(String.init) ?? "(not yet known)"),
                        ("authorizationId", result.authorizationId.map(String.init) ?? "-"),
                    ])
                }
                return
            }
            let session = try await client.waitForSession(
                chargePointId: found.id, evseNetworkId: evse, status: .active,
                timeout: .milliseconds(Int64(timeout * 1000)))
            try output.show(session) { .session(session, identity: found.network?.id) }
        }
    }
}

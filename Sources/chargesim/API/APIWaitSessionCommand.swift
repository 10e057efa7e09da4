import ArgumentParser
import PublicAPI

/// `chargesim api wait session CP EVSE STATUS`.
struct APIWaitSessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Wait until an EVSE has a session in a status (active, finished, ...).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId.")
    var evse: Int

    @Argument(help: "active, finished, pending, failed, expired.")
    var status: String

    @Option(help: "Seconds to wait.")
    var timeout: Double = 60

    func validate() throws {
        guard SessionStatus(rawValue: status).isKnown else {
            throw ValidationError(
                "STATUS must be one of \(SessionStatus.knownCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let session = try await client.waitForSession(
                chargePointId: found.id, evseNetworkId: evse, status: SessionStatus(rawValue: status),
                timeout: .milliseconds(Int64(timeout * 1000)))
            try output.show(session) { .session(session, identity: found.network?.id) }
        }
    }
}

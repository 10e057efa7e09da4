import ArgumentParser
import PublicAPI

/// `chargesim api disconnect CP --reason R`.
struct APIDisconnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disconnect", abstract: "Have the back end close the charger's OCPP connection.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "Why (kept in the back end's log).")
    var reason: String = "chargesim api disconnect"

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.disconnect(chargePointId: found.id, reason: reason)
            try output.done("\(found.network?.id ?? chargePoint) disconnected.")
        }
    }
}

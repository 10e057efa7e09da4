import ArgumentParser
import PublicAPI

/// `chargesim api reserve CP EVSE --user-id U`.
struct APIReserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserve", abstract: "Reserve an EVSE for a user (ReserveNow).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId.")
    var evse: Int

    @Option(help: "The user the reservation is for.")
    var userId: Int

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.reserve(
                chargePointId: found.id, evseNetworkId: evse, ReserveBody(userId: userId))
            try output.show(result) {
                .fields([
                    ("success", String(result.success)),
                    ("reservationId", result.reservationId.map(String.init) ?? "-"),
                ])
            }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api unlock CP EVSE`.
struct APIUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Unlock an EVSE's connector (UnlockConnector).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId (OCPP connector id).")
    var evse: Int

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.unlock(chargePointId: found.id, evseNetworkId: evse)
            try output.done("EVSE \(evse) of \(found.network?.id ?? chargePoint) unlocked.")
        }
    }
}

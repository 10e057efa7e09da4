import ArgumentParser
import PublicAPI

/// `chargesim api clear-charging-profile CP [--evse N] [--id ID]`.
struct APIClearChargingProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear-charging-profile", abstract: "Clear charging profiles (ClearChargingProfile).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "Only this EVSE networkId's profiles.")
    var evse: Int?

    @Option(help: "Only the profile with this id.")
    var id: Int?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.clearChargingProfile(
                chargePointId: found.id, ClearChargingProfileBody(id: id, evseNetworkId: evse.map(String.init)))
            try output.done("Charging profiles cleared.")
        }
    }
}

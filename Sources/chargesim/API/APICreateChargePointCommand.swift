import ArgumentParser
import PublicAPI

/// `chargesim api create-charge-point IDENTITY`: registers a charge point in the back end.
struct APICreateChargePointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-charge-point",
        abstract: "Create a charge point with its OCPP identity and Basic-auth password.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The OCPP identity (network.id), the last segment of the charger's URL.")
    var identity: String

    @Option(help: "The charge point's name (default: the identity).")
    var name: String?

    @Option(help: "The Basic-auth password the charger connects with (security profiles 1 and 2).")
    var password: String?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let created = try await client.createChargePoint(
                ChargePointWrite(
                    name: name ?? identity,
                    network: ChargePointNetwork(id: identity, ocppProtocol: .ocpp16, password: password),
                    communicationMode: .directOcpp))
            try output.show(created) { .chargePoints([created]) }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api change-availability CP operative|inoperative [--evse N]`.
struct APIChangeAvailabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-availability", abstract: "Make a charge point or EVSE operative or inoperative.")

    /// The availability types.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case operative, inoperative
    }

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "operative or inoperative.")
    var type: Kind

    @Option(help: "Only this EVSE networkId (default: the whole charge point).")
    var evse: Int?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let now = try await client.changeAvailability(
                chargePointId: found.id,
                ChangeAvailabilityBody(type: type == .operative ? .operative : .inoperative, evseNetworkId: evse))
            try output.done(
                now
                    ? "Availability changed to \(type.rawValue)."
                    : "Availability change scheduled after the running transactions.",
                json: ["scheduled": .bool(!now)])
        }
    }
}

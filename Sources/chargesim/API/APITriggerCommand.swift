import ArgumentParser
import PublicAPI

/// `chargesim api trigger CP MESSAGE [--evse N]`.
struct APITriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger", abstract: "Ask a charge point to send a message (TriggerMessage).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "BootNotification, Heartbeat, MeterValues, StatusNotification, ...")
    var message: String

    @Option(help: "Only for this EVSE networkId.")
    var evse: Int?

    func validate() throws {
        guard TriggerMessageType(rawValue: message).isKnown else {
            throw ValidationError(
                "MESSAGE must be one of \(TriggerMessageType.knownCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let resolver = APIResolver(client: client)
            let found = try await resolver.chargePoint(chargePoint)
            let type = TriggerMessageType(rawValue: message)
            if let evse {
                try await client.triggerMessage(evseId: try await resolver.evse(found, networkId: evse).id, type)
            } else {
                try await client.triggerMessage(chargePointId: found.id, type)
            }
            try output.done("\(message) triggered.")
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api set-configuration CP KEY VALUE`.
struct APISetConfigurationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-configuration", abstract: "Change a configuration key (ChangeConfiguration).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The key, e.g. MeterValueSampleInterval.")
    var key: String

    @Argument(help: "The value.")
    var value: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.setConfiguration(chargePointId: found.id, SetConfigurationBody(name: key, value: value))
            try output.done("\(key) set to \(value).")
        }
    }
}

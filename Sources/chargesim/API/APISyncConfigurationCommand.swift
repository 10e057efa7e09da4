import ArgumentParser
import PublicAPI

/// `chargesim api sync-configuration CP [--key K ...]`.
struct APISyncConfigurationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-configuration",
        abstract: "Have the back end read the charger's configuration into its cache (GetConfiguration).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(name: .customLong("key"), help: "Only this configuration key (repeatable; default all).")
    var keys: [String] = []

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.syncConfiguration(chargePointId: found.id, keys: keys.isEmpty ? nil : keys)
            guard result.success else {
                throw APICommandFailure(
                    message: "configuration sync of \(found.network?.id ?? chargePoint) was not accepted.",
                    code: .rejected)
            }
            try output.show(result) {
                .fields([("success", "true"), ("requestId", result.requestId.map { String($0) } ?? "-")])
            }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api get-diagnostics CP URL`.
struct APIGetDiagnosticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-diagnostics", abstract: "Have the charger upload its diagnostics to a URL (GetDiagnostics).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "Where the charger uploads (ftp:// or http(s)://).")
    var location: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.getDiagnostics(
                chargePointId: found.id, GetDiagnosticsBody(location: location))
            try output.show(result) { .fields([("success", "true"), ("fileName", result.fileName ?? "-")]) }
        }
    }
}

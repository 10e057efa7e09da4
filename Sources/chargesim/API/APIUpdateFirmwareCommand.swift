import ArgumentParser
import PublicAPI

/// `chargesim api update-firmware CP URL`.
struct APIUpdateFirmwareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-firmware", abstract: "Install firmware from a URL (UpdateFirmware).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The firmware's URL.")
    var url: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.updateFirmware(chargePointId: found.id, UpdateFirmwareBody(signed: false, url: url))
            try output.done("Firmware update from \(url) accepted.")
        }
    }
}

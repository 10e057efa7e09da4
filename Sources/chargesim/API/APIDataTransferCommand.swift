import ArgumentParser
import PublicAPI

/// `chargesim api data-transfer CP --vendor-id V`.
struct APIDataTransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-transfer", abstract: "Send a vendor DataTransfer and print the charger's answer.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "The vendor id.")
    var vendorId: String

    @Option(help: "The message id.")
    var messageId: String?

    @Option(help: "The data (text).")
    var data: String?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.sendDataTransfer(
                chargePointId: found.id, SendDataTransferBody(vendorId: vendorId, messageId: messageId, data: data))
            try output.show(result) { .fields([("status", result.status.rawValue), ("data", result.data ?? "-")]) }
        }
    }
}

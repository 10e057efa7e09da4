import ArgumentParser
import PublicAPI

/// `chargesim api charge-point CP`: one charge point and its live status.
struct APIChargePointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge-point", abstract: "Show a charge point and the live status of its EVSEs.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let status = try await client.chargePointStatus(found.id)
            try output.show(found) {
                .fields(
                    [
                        ("id", String(found.id)), ("identity", found.network?.id ?? "-"), ("name", found.name ?? "-"),
                        ("status", found.status?.rawValue ?? "-"), ("networkStatus", status.networkStatus.rawValue),
                        ("hardwareStatus", status.hardwareStatus?.rawValue ?? "-"),
                        ("firmware", found.lastBootNotification?.firmwareVersion ?? "-"),
                    ]
                        + status.evses.map { ("evse \($0.id)", $0.hardwareStatus?.rawValue ?? "-") })
            }
        }
    }
}

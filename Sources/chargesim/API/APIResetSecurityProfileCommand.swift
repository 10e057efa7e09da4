import ArgumentParser
import PublicAPI

/// `chargesim api reset-security-profile CP`.
struct APIResetSecurityProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-security-profile",
        abstract: "Have the back end forget a charge point's security profile (set again on its next connect).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.resetSecurityProfile(chargePointId: found.id)
            try output.done("Security profile of \(found.network?.id ?? chargePoint) reset.")
        }
    }
}

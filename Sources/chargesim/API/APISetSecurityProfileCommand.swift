import ArgumentParser
import PublicAPI

/// `chargesim api set-security-profile CP PROFILE`.
struct APISetSecurityProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-security-profile",
        abstract: "Raise a charge point's security profile to 1 or 2 (SecurityProfile configuration key).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The new profile: 1 or 2 (the API only raises it).")
    var profile: Int

    @Option(help: "Why (at most 500 characters, kept in the back end's log).")
    var reason: String = "chargesim api set-security-profile"

    func validate() throws {
        guard profile == 1 || profile == 2 else { throw ValidationError("PROFILE must be 1 or 2; got \(profile).") }
        guard reason.count <= 500 else { throw ValidationError("--reason must be at most 500 characters.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let result = try await client.setSecurityProfile(
                chargePointId: found.id, SetSecurityProfileBody(setSecurityProfile: profile, reason: reason))
            guard result.success else {
                throw APICommandFailure(
                    message: "security profile \(profile) refused: \(result.message ?? "no reason given").",
                    code: .rejected)
            }
            try output.show(result) {
                .fields([("success", "true"), ("securityProfile", String(profile)), ("message", result.message ?? "-")])
            }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api reset CP [soft|hard]`.
struct APIResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Reset a charge point (Reset).")

    /// The reset kinds.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case soft, hard
    }

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "soft or hard.")
    var kind: Kind = .soft

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.reset(chargePointId: found.id, ResetKind(rawValue: kind.rawValue))
            try output.done("\(kind.rawValue.capitalized) reset of \(found.network?.id ?? chargePoint) accepted.")
        }
    }
}

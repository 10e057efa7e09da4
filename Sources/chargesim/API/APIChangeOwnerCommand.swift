import ArgumentParser
import PublicAPI

/// `chargesim api change-owner CP [--user-id N | --no-owner]`.
struct APIChangeOwnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-owner", abstract: "Give a charge point a new owner, or none (back end only).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "The new owner's user id.")
    var userId: Int?

    @Flag(help: "Remove the owner.")
    var noOwner = false

    func validate() throws {
        guard (userId != nil) != noOwner else {
            throw ValidationError("Give exactly one of --user-id N or --no-owner.")
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.changeOwner(chargePointId: found.id, ChangeOwnerBody(userId: userId))
            let owner = userId.map { "user \($0)" } ?? "no owner"
            try output.done("\(found.network?.id ?? chargePoint) now has \(owner).")
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api charge-points`: every charge point.
struct APIChargePointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge-points", abstract: "List charge points (resources/charge-points/v2.0).")

    @OptionGroup var options: APIOptions

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let items = try await client.chargePoints().collect()
            try output.show(items) { .chargePoints(items) }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api locations`: every location.
struct APILocationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locations", abstract: "List locations (resources/locations/v2.0).")

    @OptionGroup var options: APIOptions

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let items = try await client.locations().collect()
            try output.show(items) { .locations(items) }
        }
    }
}

import ArgumentParser
import PublicAPI

/// `chargesim api tariffs`: every tariff.
struct APITariffsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs", abstract: "List tariffs (resources/tariffs/v1.0).")

    @OptionGroup var options: APIOptions

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let items = try await client.tariffs().collect()
            try output.show(items) { .tariffs(items) }
        }
    }
}

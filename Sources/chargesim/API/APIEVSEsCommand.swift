import ArgumentParser
import PublicAPI

/// `chargesim api evses`: EVSEs and their live status.
struct APIEVSEsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evses", abstract: "List EVSEs and their hardware status (resources/evses/v2.1).")

    @OptionGroup var options: APIOptions

    @Option(help: "Only this charge point's EVSEs (OCPP identity or system id).")
    var chargePoint: String?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let resolver = APIResolver(client: client)
            var query = ListQuery()
            if let chargePoint {
                query.filters["chargePointId"] = String(try await resolver.chargePoint(chargePoint).id)
            }
            let items = try await client.evses(query).collect()
            if output.json {
                try output.show(items) { Table(headers: [], rows: []) }
            } else {
                let identities = try await resolver.identities()
                try output.show(items) { .evses(items, identities: identities) }
            }
        }
    }
}

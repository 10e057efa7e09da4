import ArgumentParser
import PublicAPI

/// `chargesim api sessions`: sessions, filtered.
struct APISessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List sessions (resources/sessions/v1.0), filtered by charge point, EVSE, status, tag.")

    @OptionGroup var options: APIOptions

    @Option(help: "Only this charge point's sessions (OCPP identity or system id).")
    var chargePoint: String?

    @Option(help: "Only sessions on this EVSE networkId of --charge-point.")
    var evse: Int?

    @Option(help: "Only sessions in this status: \(SessionStatus.knownCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?

    @Option(help: "Only sessions of this id tag.")
    var idTag: String?

    func validate() throws {
        if evse != nil, chargePoint == nil { throw ValidationError("--evse needs --charge-point.") }
        if let status, !SessionStatus(rawValue: status).isKnown {
            throw ValidationError(
                "--status must be one of \(SessionStatus.knownCases.map(\.rawValue).joined(separator: ", ")); got '\(status)'."
            )
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let resolver = APIResolver(client: client)
            var query = ListQuery()
            if let chargePoint {
                let found = try await resolver.chargePoint(chargePoint)
                query.filters["chargePointId"] = String(found.id)
                if let evse { query.filters["evseId"] = String(try await resolver.evse(found, networkId: evse).id) }
            }
            if let status { query.filters["status"] = status }
            if let idTag { query.filters["idTag"] = idTag }
            let items = try await client.sessions(query).collect()
            if output.json {
                try output.show(items) { Table(headers: [], rows: []) }
            } else {
                let identities = try await resolver.identities()
                try output.show(items) { .sessions(items, identities: identities) }
            }
        }
    }
}

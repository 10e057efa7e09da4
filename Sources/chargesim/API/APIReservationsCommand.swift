import ArgumentParser
import PublicAPI

/// `chargesim api reservations`: reservations, filtered by charge point, EVSE and status.
struct APIReservationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reservations",
        abstract: "List reservations (resources/reservations/v1.0), filtered by charge point, EVSE, status.")

    @OptionGroup var options: APIOptions

    @Option(help: "Only this charge point's reservations (OCPP identity or system id).")
    var chargePoint: String?

    @Option(help: "Only reservations of this EVSE networkId of --charge-point.")
    var evse: Int?

    @Option(
        help:
            "Only reservations in this status: \(ReservationState.knownCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?

    func validate() throws {
        if evse != nil, chargePoint == nil { throw ValidationError("--evse needs --charge-point.") }
        if let status, !ReservationState(rawValue: status).isKnown {
            throw ValidationError(
                "--status must be one of \(ReservationState.knownCases.map(\.rawValue).joined(separator: ", ")); got '\(status)'."
            )
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let resolver = APIResolver(client: client)
            var query = ListQuery()
            var chargePointId: Int?
            if let chargePoint {
                let found = try await resolver.chargePoint(chargePoint)
                chargePointId = found.id
                if let evse { query.filters["evseId"] = String(try await resolver.evse(found, networkId: evse).id) }
            }
            if let status { query.filters["status"] = status }
            // The API filters reservations by EVSE only, so the charge point is filtered here.
            let items = try await client.reservations(query).collect().filter { item in
                chargePointId.map { $0 == item.chargePointId } ?? true
            }
            if output.json {
                try output.show(items) { Table(headers: [], rows: []) }
            } else {
                let identities = try await resolver.identities()
                try output.show(items) { .reservations(items, identities: identities) }
            }
        }
    }
}

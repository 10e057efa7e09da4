import Foundation
import Hummingbird
import PublicAPI

/// Reservations v1.0 (reference §4.10): list (page only) and read.
enum ReservationRoutes {
    static let base = "/public-api/resources/reservations/v1.0"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, base, "listReservations", "List reservations", tag: "Reservations", success: 200,
                failures: [422], query: APIPagination.pageOnly.queryParameters + ["filter[evseId]", "filter[status]"],
                queryEnums: ["filter[status]": ReservationState.knownCases.map(\.rawValue)],
                response: .list(Reservation.openAPISchema, pagination: .pageOnly)
            ) { call in
                let status = call.filter("status").map(ReservationState.init(rawValue:))
                if let status, !status.isKnown { throw APIFailure.invalid("filter.status", "The status is invalid.") }
                let (number, perPage) = try APIPagination.page(call)
                let page = try await store.listReservations(
                    evseId: try call.intFilter("evseId"), status: status, page: number, perPage: perPage)
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(Reservation.init(record:)), call: call))
            },
            APIRoute(
                .get, "\(base)/{reservation}", "readReservation", "Read a reservation", tag: "Reservations",
                success: 200, failures: [404], response: .data(Reservation.openAPISchema)
            ) { call in
                guard let record = try await store.reservation(id: try call.id("reservation", model: "Reservation"))
                else { throw APIFailure.notFound("Reservation") }
                return try APIResponse.data(Reservation(record: record))
            },
        ]
    }
}

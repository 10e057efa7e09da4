import Foundation
import Hummingbird
import PublicAPI

/// Sessions v1.0 (reference §4.6): list (page or cursor), read, consumption stats.
enum SessionRoutes {
    static let base = "/public-api/resources/sessions/v1.0"
    /// The filters the embedded back end applies ([INF]: the others of §4.6 concern users, payments
    /// and roaming, which it does not have, and are accepted and ignored).
    static let filters = [
        "chargePointId", "evseId", "status", "idTag", "startedAfter", "startedBefore", "endedAfter", "endedBefore",
    ]

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, base, "listSessions", "List sessions", tag: "Sessions", success: 200, failures: [422],
                query: APIPagination.pageOrCursor.queryParameters + filters.map { "filter[\($0)]" }
                    + ["withAuthorization"],
                queryEnums: ["filter[status]": SessionStatus.knownCases.map(\.rawValue)],
                response: .list(Session.openAPISchema, pagination: .pageOrCursor)
            ) { call in
                var status: SessionStatus?
                if let text = call.filter("status") {
                    let value = SessionStatus(rawValue: text)
                    guard value.isKnown else { throw APIFailure.invalid("filter.status", "The status is invalid.") }
                    status = value
                }
                let filter = SessionFilter(
                    chargePointId: try call.intFilter("chargePointId"), evseId: try call.intFilter("evseId"),
                    status: status, idTag: call.textFilter("idTag"), startedAfter: try call.dateFilter("startedAfter"),
                    startedBefore: try call.dateFilter("startedBefore"), endedAfter: try call.dateFilter("endedAfter"),
                    endedBefore: try call.dateFilter("endedBefore"))
                let page = try await store.listSessions(filter, page: try APIPagination.pageOrCursor.request(call))
                var items: [Session] = []
                for record in page.items {
                    items.append(
                        try await session(record, store: store, withAuthorization: try call.flag("withAuthorization")))
                }
                return try APIResponse.json(APIPagination.envelope(page, items: items, call: call))
            },
            APIRoute(
                .get, "\(base)/{session}", "readSession", "Read a session", tag: "Sessions", success: 200,
                failures: [404, 422], query: ["withAuthorization"], response: .data(Session.openAPISchema)
            ) { call in
                let record = try await find(call, store)
                return try APIResponse.data(
                    try await session(record, store: store, withAuthorization: try call.flag("withAuthorization")))
            },
            APIRoute(
                .get, "\(base)/{session}/consumption-stats", "readSessionConsumptionStats",
                "A session's energy and power over time", tag: "Sessions", success: 200, failures: [404],
                response: .data(.array(ConsumptionStat.openAPISchema))
            ) { call in
                let record = try await find(call, store)
                let samples = try await store.meterSamples(sessionId: record.id ?? 0)
                return try APIResponse.data(ConsumptionStat.points(samples, session: record))
            },
        ]
    }

    static func find(_ call: APICall, _ store: Store) async throws -> SessionRecord {
        guard let record = try await store.session(id: try call.id("session", model: "Session")) else {
            throw APIFailure.notFound("Session")
        }
        return record
    }

    static func session(_ record: SessionRecord, store: Store, withAuthorization: Bool) async throws -> Session {
        let evse = try await store.evse(id: record.evseId)
        var authorization: AuthorizationRecord?
        if withAuthorization, let id = record.authorizationId { authorization = try await store.authorization(id: id) }
        return Session(record: record, evse: evse, authorization: authorization, withAuthorization: withAuthorization)
    }
}

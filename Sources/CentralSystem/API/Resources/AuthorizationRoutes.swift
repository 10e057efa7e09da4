import Foundation
import Hummingbird
import PublicAPI

/// Authorizations v2.1 (reference §4.8): list (page or cursor) and read.
enum AuthorizationRoutes {
    static let base = "/public-api/resources/authorizations/v2.1"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        let filters = ["status", "method", "createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore"]
        return [
            APIRoute(
                .get, base, "listAuthorizations", "List authorizations", tag: "Authorizations", success: 200,
                failures: [422], query: APIPagination.pageOrCursor.queryParameters + filters.map { "filter[\($0)]" },
                queryEnums: [
                    "filter[status]": AuthorizationDecision.knownCases.map(\.rawValue),
                    "filter[method]": AuthorizationMethod.knownCases.map(\.rawValue),
                ], response: .list(Authorization.openAPISchema, pagination: .pageOrCursor)
            ) { call in
                let status = call.filter("status").map(AuthorizationDecision.init(rawValue:))
                if let status, !status.isKnown { throw APIFailure.invalid("filter.status", "The status is invalid.") }
                let method = call.filter("method").map(AuthorizationMethod.init(rawValue:))
                if let method, !method.isKnown { throw APIFailure.invalid("filter.method", "The method is invalid.") }
                let page = try await store.listAuthorizations(
                    status: status, method: method, createdAfter: try call.dateFilter("createdAfter"),
                    createdBefore: try call.dateFilter("createdBefore"),
                    lastUpdatedAfter: try call.dateFilter("lastUpdatedAfter"),
                    lastUpdatedBefore: try call.dateFilter("lastUpdatedBefore"),
                    page: try APIPagination.pageOrCursor.request(call))
                var items: [Authorization] = []
                for record in page.items { items.append(try await authorization(record, store: store)) }
                return try APIResponse.json(APIPagination.envelope(page, items: items, call: call))
            },
            APIRoute(
                .get, "\(base)/{authorization}", "readAuthorization", "Read an authorization", tag: "Authorizations",
                success: 200, failures: [404], response: .data(Authorization.openAPISchema)
            ) { call in
                guard
                    let record = try await store.authorization(
                        id: try call.id("authorization", model: "Authorization"))
                else { throw APIFailure.notFound("Authorization") }
                return try APIResponse.data(try await authorization(record, store: store))
            },
        ]
    }

    static func authorization(_ record: AuthorizationRecord, store: Store) async throws -> Authorization {
        let sessions = try await store.sessions(authorizationId: record.id ?? 0)
        return Authorization(record: record, sessionIds: sessions.compactMap(\.id), evseId: sessions.first?.evseId)
    }
}

import Foundation
import Hummingbird
import PublicAPI

/// EVSEs v2.1 and a charge point's EVSEs v2.0 (reference §4.4), connectors and `hardwareStatus` included.
enum EVSERoutes {
    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        let nested = "/public-api/resources/charge-points/v2.0/{chargePoint}/evses"
        return [
            APIRoute(
                .get, "/public-api/resources/evses/v2.1", "listEVSEs", "List EVSEs", tag: "EVSEs", success: 200,
                failures: [422],
                query: APIPagination.cursorOnly.queryParameters + ["filter[chargePointId]", "include[]"],
                queryEnums: ["include[]": includes]
            ) { call in
                try checkIncludes(call)
                let page = try await store.listEVSEs(
                    chargePointId: try call.intFilter("chargePointId"), page: try APIPagination.cursorOnly.request(call)
                )
                return try await envelope(page, call: call, store: store, withChargePointId: true)
            },
            APIRoute(
                .get, "/public-api/resources/evses/v2.1/{evse}", "readEVSE", "Read an EVSE", tag: "EVSEs",
                success: 200, failures: [404, 422], query: ["include[]"], queryEnums: ["include[]": includes]
            ) { call in
                try checkIncludes(call)
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")) else {
                    throw APIFailure.notFound("Evse")
                }
                let connectors = try await store.connectors(evseId: evse.id ?? 0)
                return try APIResponse.data(EVSE(record: evse, connectors: connectors, withChargePointId: true))
            },
            APIRoute(
                .get, nested, "listChargePointEVSEs", "List a charge point's EVSEs", tag: "EVSEs", success: 200,
                failures: [404, 422], query: APIPagination.cursorOnly.queryParameters + ["include[]"],
                queryEnums: ["include[]": nestedIncludes]
            ) { call in
                try checkIncludes(call, allowed: nestedIncludes)
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let page = try await store.listEVSEs(
                    chargePointId: chargePoint.id, page: try APIPagination.cursorOnly.request(call))
                return try await envelope(page, call: call, store: store, withChargePointId: false)
            },
            APIRoute(
                .get, "\(nested)/{evse}", "readChargePointEVSE", "Read one of a charge point's EVSEs", tag: "EVSEs",
                success: 200, failures: [404, 422], query: ["include[]"], queryEnums: ["include[]": includes]
            ) { call in
                try checkIncludes(call)
                let chargePoint = try await ChargePointRoutes.find(call, store)
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")),
                    evse.chargePointId == chargePoint.id
                else { throw APIFailure.notFound("Evse") }
                let connectors = try await store.connectors(evseId: evse.id ?? 0)
                return try APIResponse.data(EVSE(record: evse, connectors: connectors, withChargePointId: false))
            },
        ]
    }

    /// `include[]` values of reference §4.4 ([INF]: connectors are always embedded; the charging
    /// profile and external app data are not kept, so including them adds nothing).
    static let includes = ["chargingProfile", "connectors", "externalAppData"]
    /// The nested list allows the first two.
    static let nestedIncludes = ["chargingProfile", "connectors"]

    /// 422 for an `include[]` value the endpoint does not offer.
    static func checkIncludes(_ call: APICall, allowed: [String] = includes) throws(APIFailure) {
        _ = try call.includes(allowed: allowed)
    }

    static func envelope(_ page: Page<EVSERecord>, call: APICall, store: Store, withChargePointId: Bool) async throws
        -> Response
    {
        var items: [EVSE] = []
        for record in page.items {
            let connectors = try await store.connectors(evseId: record.id ?? 0)
            items.append(EVSE(record: record, connectors: connectors, withChargePointId: withChargePointId))
        }
        return try APIResponse.json(APIPagination.envelope(page, items: items, call: call))
    }
}

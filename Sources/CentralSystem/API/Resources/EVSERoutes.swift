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
                queryEnums: ["include[]": includes], response: .list(EVSE.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let included = try call.includes(allowed: includes)
                let page = try await store.listEVSEs(
                    chargePointId: try call.intFilter("chargePointId"), page: try APIPagination.cursorOnly.request(call)
                )
                return try await envelope(page, included, call: call, store: store, withChargePointId: true)
            },
            APIRoute(
                .get, "/public-api/resources/evses/v2.1/{evse}", "readEVSE", "Read an EVSE", tag: "EVSEs",
                success: 200, failures: [404, 422], query: ["include[]"], queryEnums: ["include[]": includes],
                response: .data(EVSE.openAPISchema)
            ) { call in
                let included = try call.includes(allowed: includes)
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")) else {
                    throw APIFailure.notFound("Evse")
                }
                return try APIResponse.data(try await expanded(evse, included, store: store, withChargePointId: true))
            },
            APIRoute(
                .get, nested, "listChargePointEVSEs", "List a charge point's EVSEs", tag: "EVSEs", success: 200,
                failures: [404, 422], query: APIPagination.cursorOnly.queryParameters + ["include[]"],
                queryEnums: ["include[]": nestedIncludes], response: .list(EVSE.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let included = try call.includes(allowed: nestedIncludes)
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let page = try await store.listEVSEs(
                    chargePointId: chargePoint.id, page: try APIPagination.cursorOnly.request(call))
                return try await envelope(page, included, call: call, store: store, withChargePointId: false)
            },
            APIRoute(
                .get, "\(nested)/{evse}", "readChargePointEVSE", "Read one of a charge point's EVSEs", tag: "EVSEs",
                success: 200, failures: [404, 422], query: ["include[]"], queryEnums: ["include[]": includes],
                response: .data(EVSE.openAPISchema)
            ) { call in
                let included = try call.includes(allowed: includes)
                let chargePoint = try await ChargePointRoutes.find(call, store)
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")),
                    evse.chargePointId == chargePoint.id
                else { throw APIFailure.notFound("Evse") }
                return try APIResponse.data(try await expanded(evse, included, store: store, withChargePointId: false))
            },
        ]
    }

    /// `include[]` values of reference §4.4 ([INF]: connectors are always embedded;
    /// `chargingProfile` is the last profile the charger accepted on the EVSE's connector, or
    /// null; external app data is not kept, so it is null).
    static let includes = ["chargingProfile", "connectors", "externalAppData"]
    /// The nested list allows the first two.
    static let nestedIncludes = ["chargingProfile", "connectors"]

    /// The EVSE object of `record` with its connectors and the `include[]` expansions asked for.
    static func expanded(_ record: EVSERecord, _ includes: Set<String>, store: Store, withChargePointId: Bool)
        async throws -> EVSE
    {
        let connectors = try await store.connectors(evseId: record.id ?? 0)
        var evse = EVSE(record: record, connectors: connectors, withChargePointId: withChargePointId)
        if includes.contains("chargingProfile") {
            let profiles = try await store.appliedChargingProfiles(
                chargePointIds: [record.chargePointId], connectorId: record.networkId)
            evse.$chargingProfile = Included(included: profiles[record.chargePointId])
        }
        if includes.contains("externalAppData") { evse.$externalAppData = Included(included: nil) }
        return evse
    }

    static func envelope(
        _ page: Page<EVSERecord>, _ includes: Set<String>, call: APICall, store: Store, withChargePointId: Bool
    ) async throws -> Response {
        var items: [EVSE] = []
        for record in page.items {
            items.append(try await expanded(record, includes, store: store, withChargePointId: withChargePointId))
        }
        return try APIResponse.json(APIPagination.envelope(page, items: items, call: call))
    }
}

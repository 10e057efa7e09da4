import Foundation
import Hummingbird
import PublicAPI

/// Charge points v2.0 (CRUD, cursor pages) and v1.0 (read, live status); reference §4.1–4.3.
enum ChargePointRoutes {
    static let base = "/public-api/resources/charge-points"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        let filters = ["networkId", "name", "lastUpdatedAfter", "lastUpdatedBefore"].map { "filter[\($0)]" }
        return [
            APIRoute(
                .get, "\(base)/v2.0", "listChargePoints", "List charge points", tag: "Charge points", success: 200,
                failures: [422], query: APIPagination.cursorOnly.queryParameters + filters + ["include[]"],
                queryEnums: ["include[]": includes], response: .list(ChargePoint.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let included = try call.includes(allowed: includes)
                let filter = ChargePointFilter(
                    networkId: call.textFilter("networkId"), name: call.textFilter("name"),
                    lastUpdatedAfter: try call.dateFilter("lastUpdatedAfter"),
                    lastUpdatedBefore: try call.dateFilter("lastUpdatedBefore"))
                let page = try await store.listChargePoints(filter, page: try APIPagination.cursorOnly.request(call))
                let items = try await expanded(page.items, included, store)
                return try APIResponse.json(APIPagination.envelope(page, items: items, call: call))
            },
            APIRoute(
                .post, "\(base)/v2.0", "createChargePoint", "Create a charge point", tag: "Charge points",
                success: 201, failures: [409, 422], bodySchema: createSchema, response: .data(ChargePoint.openAPISchema)
            ) { call in
                let body = try call.decode(ChargePointWrite.self)
                guard let identity = body.network?.id, !identity.isEmpty else {
                    throw APIFailure.invalid("network.id", "The network.id field is required.")
                }
                try validate(body)
                if let profile = body.security?.desiredProfile, !(0...3).contains(profile) {
                    throw APIFailure.invalid("security.desiredProfile", "The desired profile must be 0 to 3.")
                }
                let now = deps.now().date
                var record = ChargePointRecord(
                    ocppIdentity: identity, passwordHash: body.network?.password.map { ChargePointPassword.hash($0) },
                    name: body.name ?? identity, adminStatus: try adminStatus(body.status) ?? .enabled,
                    networkStatus: .neverConnected, securityProfile: body.security?.desiredProfile ?? 0,
                    createdAt: now, updatedAt: now)
                if try await store.chargePoint(identity: identity) != nil {
                    throw APIFailure.taken("network.id")
                }
                record = try await store.insert(record)
                deps.notify(.changed(.chargePointChanged, "chargePointId", record.id, "created", deps.now()))
                return try APIResponse.data(ChargePoint(record: record), status: .created)
            },
            APIRoute(
                .get, "\(base)/v2.0/{chargePoint}", "readChargePoint", "Read a charge point", tag: "Charge points",
                success: 200, failures: [404, 422], query: ["include[]"], queryEnums: ["include[]": includes],
                response: .data(ChargePoint.openAPISchema)
            ) { call in
                let included = try call.includes(allowed: includes)
                let record = try await find(call, store)
                return try APIResponse.data(try await expanded([record], included, store)[0])
            },
            APIRoute(
                .patch, "\(base)/v2.0/{chargePoint}", "updateChargePoint", "Update a charge point",
                tag: "Charge points", success: 200, failures: [404, 409, 422], hasBody: true,
                response: .data(ChargePoint.openAPISchema)
            ) { call in
                var record = try await find(call, store)
                let body = try call.decode(ChargePointWrite.self)
                try validate(body)
                if let name = body.name { record.name = name }
                if let status = try adminStatus(body.status) { record.adminStatus = status }
                if let password = body.network?.password { record.passwordHash = ChargePointPassword.hash(password) }
                if let identity = body.network?.id, identity != record.ocppIdentity {
                    guard !identity.isEmpty else { throw APIFailure.invalid("network.id", "The network.id is empty.") }
                    if try await store.chargePoint(identity: identity) != nil {
                        throw APIFailure.taken("network.id")
                    }
                    record.ocppIdentity = identity
                }
                if let profile = body.security?.desiredProfile {
                    guard (0...3).contains(profile) else {
                        throw APIFailure.invalid("security.desiredProfile", "The desired profile must be 0 to 3.")
                    }
                    record.securityProfile = profile
                }
                record.updatedAt = deps.now().date
                try await store.update(record)
                deps.notify(.changed(.chargePointChanged, "chargePointId", record.id, "updated", deps.now()))
                return try APIResponse.data(ChargePoint(record: record))
            },
            APIRoute(
                .delete, "\(base)/v2.0/{chargePoint}", "deleteChargePoint", "Delete a charge point",
                tag: "Charge points", success: 204, failures: [404], response: nil
            ) { call in
                let id = try call.id("chargePoint", model: "ChargePoint")
                guard try await store.deleteChargePoint(id: id) else { throw APIFailure.notFound("ChargePoint") }
                deps.notify(.changed(.chargePointChanged, "chargePointId", id, "deleted", deps.now()))
                return APIResponse.empty(.noContent)
            },
            APIRoute(
                .get, "\(base)/v1.0/{chargePoint}", "readChargePointV1", "Read a charge point (v1.0, deprecated)",
                tag: "Charge points", success: 200, failures: [404], response: .data(ChargePointV1.openAPISchema)
            ) { call in
                let record = try await find(call, store)
                let evses = try await store.evsesWithConnectors(chargePointId: record.id ?? 0)
                return try APIResponse.data(ChargePointV1(record: record, evses: evses))
            },
            APIRoute(
                .get, "\(base)/v1.0/{chargePoint}/status", "readChargePointStatus", "Charge point live status",
                tag: "Charge points", success: 200, failures: [404],
                response: .data(ChargePointLiveStatus.openAPISchema)
            ) { call in
                let record = try await find(call, store)
                let evses = try await store.evsesWithConnectors(chargePointId: record.id ?? 0).map(\.0)
                return try APIResponse.data(ChargePointLiveStatus(record: record, evses: evses))
            },
        ]
    }

    /// `include[]` values of reference §4.1.
    static let includes = [
        "lastBootNotification", "chargingProfile", "smartCharging", "smartChargingPreferences",
        "personalSmartChargingPreferences", "availablePersonalSmartChargingModes",
    ]

    /// The v2.0 objects of `records`, with the `include[]` expansions asked for.
    static func expanded(_ records: [ChargePointRecord], _ includes: Set<String>, _ store: Store) async throws
        -> [ChargePoint]
    {
        var profiles: [Int64: AppliedChargingProfile] = [:]
        if includes.contains("chargingProfile") {
            profiles = try await store.appliedChargingProfiles(chargePointIds: records.compactMap(\.id), connectorId: 0)
        }
        return records.map { record in
            var chargePoint = ChargePoint(record: record)
            chargePoint.include(includes, record: record, chargingProfile: record.id.flatMap { profiles[$0] })
            return chargePoint
        }
    }

    /// What create validates ([INF]: `network.id`, the OCPP identity, is required and unique).
    static let createSchema = #"""
        {"type":"object","required":["network"],"properties":{
         "name":{"type":"string","maxLength":255,"nullable":true},
         "status":{"type":"string","enum":["enabled","disabled","out of order","demo",null],"nullable":true},
         "network":{"type":"object","required":["id"],"properties":{
           "id":{"type":"string","minLength":1,"maxLength":48},"password":{"type":"string","nullable":true}}},
         "security":{"type":"object","nullable":true,"properties":{
           "desiredProfile":{"type":"integer","minimum":0,"maximum":3,"nullable":true}}}}}
        """#

    /// Longest OCPP identity accepted ([INF]: it is one URL path segment; 48 as in the schema).
    static let maximumIdentityLength = 48

    /// Length limits of a create/update body.
    static func validate(_ body: ChargePointWrite) throws(APIFailure) {
        if let identity = body.network?.id, identity.unicodeScalars.count > maximumIdentityLength {
            throw .invalid("network.id", "The network.id may not be greater than \(maximumIdentityLength) characters.")
        }
        if let name = body.name, name.unicodeScalars.count > 255 {
            throw .invalid("name", "The name may not be greater than 255 characters.")
        }
    }

    /// The charge point named by `{chargePoint}`, or 404.
    static func find(_ call: APICall, _ store: Store) async throws -> ChargePointRecord {
        guard let record = try await store.chargePoint(id: try call.id("chargePoint", model: "ChargePoint")) else {
            throw APIFailure.notFound("ChargePoint")
        }
        return record
    }

    /// A v2.0 admin status from a write body; `active` (v1.0 spelling) is accepted as `enabled`.
    static func adminStatus(_ status: AdminStatus?) throws(APIFailure) -> AdminStatus? {
        guard let status else { return nil }
        switch status {
        case .enabled, .disabled, .outOfOrder, .demo: return status
        case .active: return .enabled
        case .unknown(let raw):
            throw .invalid("status", "The selected status \(raw) is invalid.")
        }
    }
}

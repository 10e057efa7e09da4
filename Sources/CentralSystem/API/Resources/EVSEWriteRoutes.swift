import Foundation
import Hummingbird
import PublicAPI

/// EVSE create/update/delete (EVSEs v2.1 and a charge point's EVSEs v2.0) and connectors
/// (reference §4.4, §4.5). Each edit fires `evse.changed` (§4.13).
enum EVSEWriteRoutes {
    static let top = "/public-api/resources/evses/v2.1"
    static let nested = "/public-api/resources/charge-points/v2.0/{chargePoint}/evses"

    // swift-format-ignore: FunctionBodyLength
    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        let connectors = "\(nested)/{evse}/connectors"
        return [
            APIRoute(
                .post, top, "createEVSE", "Create an EVSE", tag: "EVSEs", success: 201, failures: [409, 422],
                bodySchema: schema(create: true, chargePointId: true), response: .data(EVSE.openAPISchema)
            ) { call in
                let body = try call.decode(EVSEWrite.self)
                guard let id = body.chargePointId else {
                    throw APIFailure.invalid("chargePointId", "The chargePointId field is required.")
                }
                guard let chargePoint = try await store.chargePoint(id: Int64(id)) else {
                    throw APIFailure.invalid("chargePointId", "The selected chargePointId is invalid.")
                }
                return try await create(body, chargePoint: chargePoint, withChargePointId: true, deps)
            },
            APIRoute(
                .patch, "\(top)/{evse}", "updateEVSE", "Update an EVSE", tag: "EVSEs", success: 200,
                failures: [404, 409, 422], bodySchema: schema(create: false, chargePointId: false),
                response: .data(EVSE.openAPISchema)
            ) { call in
                let evse = try await find(call, store, chargePoint: nil)
                return try await update(evse, call: call, withChargePointId: true, deps)
            },
            APIRoute(
                .delete, "\(top)/{evse}", "deleteEVSE", "Delete an EVSE", tag: "EVSEs", success: 204,
                failures: [404, 409], response: nil
            ) { call in
                try await delete(try await find(call, store, chargePoint: nil), deps)
            },
            APIRoute(
                .post, nested, "createChargePointEVSE", "Create an EVSE on a charge point", tag: "EVSEs", success: 201,
                failures: [404, 409, 422], bodySchema: schema(create: true, chargePointId: false),
                response: .data(EVSE.openAPISchema)
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                return try await create(
                    try call.decode(EVSEWrite.self), chargePoint: chargePoint, withChargePointId: false, deps)
            },
            APIRoute(
                .patch, "\(nested)/{evse}", "updateChargePointEVSE", "Update one of a charge point's EVSEs",
                tag: "EVSEs", success: 200, failures: [404, 409, 422],
                bodySchema: schema(create: false, chargePointId: false), response: .data(EVSE.openAPISchema)
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let evse = try await find(call, store, chargePoint: chargePoint.id)
                return try await update(evse, call: call, withChargePointId: false, deps)
            },
            APIRoute(
                .delete, "\(nested)/{evse}", "deleteChargePointEVSE", "Delete one of a charge point's EVSEs",
                tag: "EVSEs", success: 204, failures: [404, 409], response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                return try await delete(try await find(call, store, chargePoint: chargePoint.id), deps)
            },
            APIRoute(
                .get, connectors, "listConnectors", "List an EVSE's connectors", tag: "Connectors", success: 200,
                failures: [404], response: .data(.array(Connector.openAPISchema))
            ) { call in
                let evse = try await nestedEVSE(call, store)
                let items = try await store.connectors(evseId: evse.id ?? 0).map(Connector.init(record:))
                return try APIResponse.data(items)
            },
            APIRoute(
                .post, connectors, "createConnector", "Add a connector to an EVSE", tag: "Connectors", success: 201,
                failures: [404, 422], bodySchema: connectorSchema(create: true),
                response: .data(Connector.openAPISchema)
            ) { call in
                let evse = try await nestedEVSE(call, store)
                let body = try validated(try call.decode(ConnectorWrite.self))
                guard let type = body.type else { throw APIFailure.invalid("type", "The type field is required.") }
                let now = deps.now().date
                let record = try await store.insert(
                    ConnectorRecord(
                        evseId: evse.id ?? 0, type: type, format: body.format, adminStatus: body.status ?? .enabled,
                        createdAt: now, updatedAt: now))
                changed(evse, "updated", deps)
                return try APIResponse.data(Connector(record: record), status: .created)
            },
            APIRoute(
                .get, "\(connectors)/{connector}", "readConnector", "Read a connector", tag: "Connectors",
                success: 200, failures: [404], response: .data(Connector.openAPISchema)
            ) { call in
                let (_, connector) = try await findConnector(call, store)
                return try APIResponse.data(Connector(record: connector))
            },
            APIRoute(
                .patch, "\(connectors)/{connector}", "updateConnector", "Update a connector", tag: "Connectors",
                success: 200, failures: [404, 422], bodySchema: connectorSchema(create: false),
                response: .data(Connector.openAPISchema)
            ) { call in
                let (evse, found) = try await findConnector(call, store)
                var connector = found
                let body = try validated(try call.decode(ConnectorWrite.self, emptyAs: ConnectorWrite()))
                if let type = body.type { connector.type = type }
                if let format = body.format { connector.format = format }
                if let status = body.status { connector.adminStatus = status }
                connector.updatedAt = deps.now().date
                try await store.update(connector)
                changed(evse, "updated", deps)
                return try APIResponse.data(Connector(record: connector))
            },
            APIRoute(
                .delete, "\(connectors)/{connector}", "deleteConnector", "Delete a connector", tag: "Connectors",
                success: 204, failures: [404], response: nil
            ) { call in
                let (evse, connector) = try await findConnector(call, store)
                _ = try await store.deleteConnector(id: connector.id ?? 0)
                changed(evse, "updated", deps)
                return APIResponse.empty(.noContent)
            },
        ]
    }

    static func find(_ call: APICall, _ store: Store, chargePoint: Int64?) async throws -> EVSERecord {
        guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")),
            chargePoint == nil || evse.chargePointId == chargePoint
        else { throw APIFailure.notFound("Evse") }
        return evse
    }

    static func nestedEVSE(_ call: APICall, _ store: Store) async throws -> EVSERecord {
        let chargePoint = try await ChargePointRoutes.find(call, store)
        return try await find(call, store, chargePoint: chargePoint.id)
    }

    static func findConnector(_ call: APICall, _ store: Store) async throws -> (EVSERecord, ConnectorRecord) {
        let evse = try await nestedEVSE(call, store)
        guard let connector = try await store.connector(id: try call.id("connector", model: "Connector")),
            connector.evseId == evse.id
        else { throw APIFailure.notFound("Connector") }
        return (evse, connector)
    }

    static func create(
        _ body: EVSEWrite, chargePoint: ChargePointRecord, withChargePointId: Bool, _ deps: APIDependencies
    ) async throws -> Response {
        let body = try await validated(body, deps.store)
        guard let reference = body.physicalReference else {
            throw APIFailure.invalid("physicalReference", "The physicalReference field is required.")
        }
        guard let currentType = body.currentType else {
            throw APIFailure.invalid("currentType", "The currentType field is required.")
        }
        guard let networkId = body.networkId.flatMap(Int.init) else {
            throw APIFailure.invalid("networkId", "The networkId field is required.")
        }
        guard let status = body.status else { throw APIFailure.invalid("status", "The status field is required.") }
        if try await deps.store.evse(chargePointId: chargePoint.id ?? 0, networkId: networkId) != nil {
            throw APIFailure.taken("networkId")
        }
        let now = deps.now().date
        let record = try await deps.store.insert(
            EVSERecord(
                chargePointId: chargePoint.id ?? 0, networkId: networkId, physicalReference: reference,
                currentType: currentType, adminStatus: status, maxPower: body.powerOptions?.maxPower,
                tariffId: body.tariffGroupId.map(Int64.init), createdAt: now, updatedAt: now))
        changed(record, "created", deps)
        return try APIResponse.data(
            EVSE(record: record, connectors: [], withChargePointId: withChargePointId), status: .created)
    }

    static func update(
        _ found: EVSERecord, call: APICall, withChargePointId: Bool, _ deps: APIDependencies
    ) async throws -> Response {
        var evse = found
        let body = try await validated(try call.decode(EVSEWrite.self, emptyAs: EVSEWrite()), deps.store)
        if let networkId = body.networkId.flatMap(Int.init), networkId != evse.networkId {
            if try await deps.store.evse(chargePointId: evse.chargePointId, networkId: networkId) != nil {
                throw APIFailure.taken("networkId")
            }
            evse.networkId = networkId
        }
        if let reference = body.physicalReference { evse.physicalReference = reference }
        if let currentType = body.currentType { evse.currentType = currentType }
        if let status = body.status { evse.adminStatus = status }
        if let maxPower = body.powerOptions?.maxPower { evse.maxPower = maxPower }
        if let tariff = body.tariffGroupId { evse.tariffId = Int64(tariff) }
        evse.updatedAt = deps.now().date
        try await deps.store.update(evse)
        changed(evse, "updated", deps)
        let connectors = try await deps.store.connectors(evseId: evse.id ?? 0)
        return try APIResponse.data(EVSE(record: evse, connectors: connectors, withChargePointId: withChargePointId))
    }

    static func delete(_ evse: EVSERecord, _ deps: APIDependencies) async throws -> Response {
        // Deleting an EVSE would delete its sessions' history with it ([INF]: 409 instead).
        if try await deps.store.evseHasSessions(id: evse.id ?? 0) {
            throw APIFailure(
                status: .conflict, body: APIError(message: "The EVSE has sessions and cannot be deleted."))
        }
        _ = try await deps.store.deleteEVSE(id: evse.id ?? 0)
        changed(evse, "deleted", deps)
        return APIResponse.empty(.noContent)
    }

    /// `evse.changed` (reference §4.13).
    static func changed(_ evse: EVSERecord, _ action: String, _ deps: APIDependencies) {
        deps.notify(.changed(.evseChanged, "evseId", evse.id, action, deps.now()))
    }

    static func validated(_ body: EVSEWrite, _ store: Store) async throws -> EVSEWrite {
        var body = body
        if let reference = body.physicalReference, reference.isEmpty || reference.count > 255 {
            throw APIFailure.invalid("physicalReference", "The physicalReference must be 1 to 255 characters.")
        }
        if let type = body.currentType, !CurrentType.knownCases.contains(type) {
            throw APIFailure.invalid("currentType", "The selected currentType is invalid.")
        }
        if let networkId = body.networkId {
            guard networkId.range(of: #"^[1-9][0-9]{0,2}$"#, options: .regularExpression) != nil else {
                throw APIFailure.invalid("networkId", "The networkId must be a connector number from 1 to 999.")
            }
        }
        if let status = body.status {
            switch status {
            case .enabled, .active: body.status = .enabled
            case .disabled: body.status = .disabled
            case .outOfOrder: body.status = .outOfOrder
            case .demo, .unknown: throw APIFailure.invalid("status", "The selected status is invalid.")
            }
        }
        if let maxPower = body.powerOptions?.maxPower, !(0...10_000_000).contains(maxPower) {
            throw APIFailure.invalid("powerOptions.maxPower", "The powerOptions.maxPower must be 0 to 10000000.")
        }
        if let tariff = body.tariffGroupId {
            guard tariff > 0, try await store.tariff(id: Int64(tariff)) != nil else {
                throw APIFailure.invalid("tariffGroupId", "The selected tariffGroupId is invalid.")
            }
        }
        return body
    }

    static func validated(_ body: ConnectorWrite) throws(APIFailure) -> ConnectorWrite {
        if let type = body.type, !ConnectorType.knownCases.contains(type) {
            throw .invalid("type", "The selected type is invalid.")
        }
        if let format = body.format, !ConnectorFormat.knownCases.contains(format) {
            throw .invalid("format", "The selected format is invalid.")
        }
        if let status = body.status, status != .enabled, status != .disabled {
            throw .invalid("status", "The selected status is invalid.")
        }
        return body
    }

    static func schema(create: Bool, chargePointId: Bool) -> String {
        var required = create ? ["physicalReference", "currentType", "networkId", "status"] : []
        if chargePointId { required.insert("chargePointId", at: 0) }
        // OpenAPI 3.0 (JSON Schema draft 4) forbids an empty `required`.
        let list = required.isEmpty ? "" : "\"required\":[" + required.map { "\"\($0)\"" }.joined(separator: ",") + "],"
        return #"""
            {"type":"object",\#(list)"properties":{
             "chargePointId":{"type":"integer","minimum":1,"maximum":9223372036854775807},
             "networkId":{"type":"string","pattern":"^[1-9][0-9]{0,2}$"},
             "physicalReference":{"type":"string","minLength":1,"maxLength":255},
             "label":{"type":"string","nullable":true},
             "currentType":{"type":"string","enum":["ac","dc"]},
             "status":{"type":"string","enum":["enabled","disabled","out of order"]},
             "powerOptions":{"type":"object","nullable":true,"properties":{
               "maxPower":{"type":"integer","nullable":true,"minimum":0,"maximum":10000000}}},
             "tariffGroupId":{"type":"integer","nullable":true,"minimum":1,"maximum":9223372036854775807},
             "allowsReservation":{"type":"boolean","nullable":true},
             "externalId":{"type":"string","nullable":true}}}
            """#
    }

    static func connectorSchema(create: Bool) -> String {
        let types = ConnectorType.knownCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return #"""
            {"type":"object",\#(create ? #""required":["type"],"# : "")"properties":{
             "type":{"type":"string","enum":[\#(types)]},
             "format":{"type":"string","enum":["socket","cable"],"nullable":true},
             "status":{"type":"string","enum":["enabled","disabled"],"nullable":true}}}
            """#
    }
}

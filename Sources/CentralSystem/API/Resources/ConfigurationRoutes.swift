import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// The charge point configuration cache v2.0 (reference §4.12): list (filter `name`), read one
/// key, PATCH `{value}` applied to the charger at once with ChangeConfiguration (406 when it
/// rejects or is offline). Filled by sync-configuration and by accepted changes. ([INF]: the list
/// is one `{data: [...]}` without paging; `required` is always false; `timestamp` is when the
/// value was last read or set.)
enum ConfigurationRoutes {
    static let base = "/public-api/resources/charge-points/v2.0/{chargePoint}/configurations"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, base, "listConfigurations", "The charge point's cached configuration keys",
                tag: "Configuration", success: 200, failures: [404], query: ["filter[name]"],
                response: .data(.array(ConfigurationItem.openAPISchema))
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                var keys = try await store.cachedConfiguration(chargePointId: chargePoint.id ?? 0)
                if let name = call.textFilter("name") { keys = keys.filter { $0.key == name } }
                return try APIResponse.data(keys.map(ConfigurationItem.init(record:)))
            },
            APIRoute(
                .get, "\(base)/{key}", "readConfiguration", "One cached configuration key", tag: "Configuration",
                success: 200, failures: [404], response: .data(ConfigurationItem.openAPISchema)
            ) { call in
                let (_, record) = try await find(call, store)
                return try APIResponse.data(ConfigurationItem(record: record))
            },
            APIRoute(
                .patch, "\(base)/{key}", "updateConfiguration",
                "Set a configuration key on the charger (ChangeConfiguration) and in the cache", tag: "Configuration",
                success: 200, failures: [404, 406, 422],
                bodySchema:
                    #"{"type":"object","required":["value"],"properties":{"value":{"type":"string","maxLength":500}}}"#,
                response: .data(ConfigurationItem.openAPISchema)
            ) { call in
                let (chargePoint, record) = try await find(call, store)
                let body = try call.decode(ConfigurationValueBody.self)
                let request = ChangeConfigurationRequest(
                    key: try ActionCommand.bounded(record.key, field: "key"),
                    value: try ActionCommand.bounded(body.value, field: "value"))
                let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                switch answer.status {
                case .accepted, .rebootRequired:
                    try await store.cacheConfiguration(
                        identity: chargePoint.ocppIdentity,
                        keys: [KeyValue(key: request.key, readonly: record.readonly, value: request.value)],
                        now: deps.now())
                    let (_, updated) = try await find(call, store)
                    return try APIResponse.data(ConfigurationItem(record: updated))
                case .rejected, .notSupported:
                    throw ActionCommand.rejected(
                        chargePoint, action: ChangeConfigurationRequest.action, status: answer.status.rawValue)
                }
            },
        ]
    }

    static func find(_ call: APICall, _ store: Store) async throws -> (ChargePointRecord, ConfigurationKeyRecord) {
        let chargePoint = try await ChargePointRoutes.find(call, store)
        let name = call.parameters["key"] ?? ""
        guard
            let record = try await store.cachedConfiguration(chargePointId: chargePoint.id ?? 0).first(where: {
                $0.key == name
            })
        else { throw APIFailure.notFound("Configuration") }
        return (chargePoint, record)
    }
}

/// PATCH body of a configuration key.
struct ConfigurationValueBody: Codable, Hashable, Sendable {
    var value: String
}

/// One configuration cache item (reference §4.12).
struct ConfigurationItem: Codable, Hashable, Sendable {
    struct Key: Codable, Hashable, Sendable {
        var name: String
        var value: String?
    }

    var key: Key
    var readonly: Bool
    var required: Bool
    var timestamp: Date
    var lastUpdatedAt: Date

    init(record: ConfigurationKeyRecord) {
        key = Key(name: record.key, value: record.value)
        readonly = record.readonly
        required = false
        timestamp = record.updatedAt
        lastUpdatedAt = record.updatedAt
    }
}

import Foundation
import OCPP16
import PublicAPI

/// One notification to deliver (reference §4.13): its event name and its payload, which always
/// carries `notification` = the event name.
public struct WebhookEvent: Sendable, Hashable {
    /// The event name subscriptions ask for.
    public var event: NotificationEvent
    /// The payload's fields besides `notification`.
    public var fields: [String: JSONValue]

    public init(_ event: NotificationEvent, _ fields: [String: JSONValue]) {
        self.event = event
        self.fields = fields
    }

    /// A master-data change (`chargePoint.changed`, `evse.changed`, `idTag.changed`): the id under
    /// `idField`, `action` (created/updated/deleted) and `lastUpdatedAt`.
    static func changed(
        _ event: NotificationEvent, _ idField: String, _ id: Int64?, _ action: String, _ now: OCPPTimestamp
    ) -> WebhookEvent {
        WebhookEvent(event, [idField: .int(id), "action": .string(action), "lastUpdatedAt": .date(now.date)])
    }

    /// `ChargePointSyncConfigurationNotification`: the keys a sync-configuration read; `error`
    /// names the keys the charger did not know ([INF]), null when none.
    static func syncConfiguration(
        chargePointId: Int64?, requestId: Int, keys: [KeyValue], unknown: [String], now: OCPPTimestamp
    ) -> WebhookEvent {
        let at = JSONValue.date(now.date)
        let configuration = keys.map { key -> JSONValue in
            .object([
                "key": .string(key.key.value), "value": .text(key.value?.value), "readonly": .bool(key.readonly),
                "required": .bool(false), "timestamp": at, "lastUpdatedAt": at,
            ])
        }
        return WebhookEvent(
            .chargePointSyncConfigurationNotification,
            [
                "chargePointId": .int(chargePointId), "requestId": .number(Double(requestId)),
                "configuration": .array(configuration),
                "error": unknown.isEmpty ? .null : .string("Unknown keys: " + unknown.joined(separator: ", ")),
            ])
    }

    /// `reservation.changed`: `reservationId`, `status`, `lastUpdatedAt`.
    static func reservationChanged(id: Int64, status: ReservationState, now: OCPPTimestamp) -> WebhookEvent {
        WebhookEvent(
            .reservationChanged,
            ["reservationId": .int(id), "status": .string(status.rawValue), "lastUpdatedAt": .date(now.date)])
    }

    /// `chargingProfile.applied`: the profile a charger accepted (SetChargingProfile), on the EVSE
    /// `evseId` (`null`: the whole charge point) and for the session `sessionId` when it names one.
    static func chargingProfileApplied(
        chargePointId: Int64?, evseId: Int64?, sessionId: Int64?, profile: AppliedChargingProfile, at: OCPPTimestamp
    ) -> WebhookEvent {
        WebhookEvent(
            .chargingProfileApplied,
            [
                "chargePointId": .int(chargePointId), "evseId": .int(evseId), "sessionId": .int(sessionId),
                "chargingProfile": .encoding(profile), "appliedAt": .date(at.date),
            ])
    }

    /// `authorization.changed`: an authorization was `created` (Authorize, StartTransaction, an
    /// API start) or `updated` (a remote start the charger refused).
    static func authorizationChanged(_ authorization: AuthorizationRecord, action: String) -> WebhookEvent {
        WebhookEvent(
            .authorizationChanged,
            [
                "authorizationId": .int(authorization.id), "action": .string(action),
                "chargePointId": .int(authorization.chargePointId), "idTag": .string(authorization.idTag),
                "status": .string(authorization.status.rawValue), "lastUpdatedAt": .date(authorization.updatedAt),
            ])
    }

    /// The JSON body POSTed to subscribers, keys sorted (the bytes the signature covers).
    public func body() -> Data {
        var payload = fields
        payload["notification"] = .string(event.rawValue)
        // A tree of JSONValue always encodes; the fallback only keeps the signature honest.
        return (try? PublicAPIJSON.makeEncoder().encode(payload)) ?? Data("{}".utf8)
    }
}

extension JSONValue {
    /// `value` as the Public API encoder writes it (ISO 8601 dates), as a JSON tree.
    static func encoding(_ value: some Encodable) -> JSONValue {
        guard let data = try? PublicAPIJSON.makeEncoder().encode(value),
            let tree = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return .null }
        return tree
    }

    /// A date as `2024-01-01T12:00:00Z` (milliseconds when present).
    static func date(_ date: Date?) -> JSONValue {
        date.map { .string(PublicAPIJSON.formatTimestamp($0)) } ?? .null
    }

    /// A string or null.
    static func text(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// An integer or null.
    static func int(_ value: Int64?) -> JSONValue {
        value.map { .number(Double($0)) } ?? .null
    }
}

import Foundation
import Hummingbird
import PublicAPI

/// The firmware, diagnostics and log upload status reports and the security events a charge
/// point sent, kept in the store ([INF]: AMPECO delivers them as webhooks only; this cursor-paged
/// log sits beside the reference's hardware/network status logs, §4.3).
enum ChargePointNotificationRoutes {
    static let kinds = [
        "FirmwareStatusNotification", "DiagnosticsStatusNotification", "LogStatusNotification",
        "SignedFirmwareStatusNotification", "SecurityEventNotification",
    ]

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, "/public-api/resources/charge-points/v2.0/{chargePoint}/notification-logs",
                "listChargePointNotificationLogs",
                "Firmware, diagnostics and log status reports and security events of a charge point ([INF])",
                tag: "Charge points", success: 200, failures: [404, 422],
                query: APIPagination.cursorOnly.queryParameters + ["filter[notification]"],
                queryEnums: ["filter[notification]": kinds],
                response: .list(ChargePointNotificationLog.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let kind = call.textFilter("notification")
                if let kind, !kinds.contains(kind) {
                    throw APIFailure.invalid("filter.notification", "The selected filter.notification is invalid.")
                }
                let page = try await store.listNotifications(
                    chargePointId: chargePoint.id ?? 0, notification: kind,
                    page: try APIPagination.cursorOnly.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(
                        page, items: page.items.map(ChargePointNotificationLog.init(record:)), call: call))
            }
        ]
    }
}

/// One kept charger notification as the API shows it.
struct ChargePointNotificationLog: Codable, Hashable, Sendable {
    var id: Int
    var notification: String
    var status: String?
    var requestId: Int?
    var type: String?
    var techInfo: String?
    var critical: Bool?
    var timestamp: Date?
    var receivedAt: Date

    init(record: ChargePointNotificationRecord) {
        id = Int(record.id ?? 0)
        notification = record.notification
        status = record.status
        requestId = record.requestId
        type = record.eventType
        techInfo = record.techInfo
        critical = record.critical
        timestamp = record.timestamp
        receivedAt = record.receivedAt
    }
}

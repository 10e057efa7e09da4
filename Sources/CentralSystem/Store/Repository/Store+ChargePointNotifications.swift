import Foundation
import GRDB
import OCPP16

extension Store {
    /// Keeps a firmware/diagnostics/log status report or a security event of the charger with OCPP
    /// identity `identity`; nil for other requests. Throws `unknownChargePoint` for an unknown id.
    @discardableResult
    public func recordNotification(
        identity: String, request: ChargePointRequest, now: OCPPTimestamp
    ) async throws -> ChargePointNotificationRecord? {
        try await write { db in
            // The row id only: decoding the whole charge point was most of this write (issue 11).
            let id = try Store.knownChargePointId(identity: identity, db)
            guard var record = ChargePointNotificationRecord(chargePointId: id, request: request, now: now) else {
                return nil
            }
            try record.insert(db)
            return record
        }
    }

    /// A charge point's kept notifications, oldest first, optionally only of one action.
    public func listNotifications(
        chargePointId: Int64, notification: String?, page: PageRequest
    ) async throws -> Page<ChargePointNotificationRecord> {
        try await read { db in
            var query = ChargePointNotificationRecord.filter(
                ChargePointNotificationRecord.Columns.chargePointId == chargePointId)
            if let notification {
                query = query.filter(ChargePointNotificationRecord.Columns.notification == notification)
            }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }
}

extension ChargePointNotificationRecord {
    /// The security events the OCPP 1.6 security whitepaper (appendix 1) marks critical.
    static let criticalSecurityEvents: Set<String> = [
        "FirmwareUpdated", "SettingSystemTime", "StartupOfTheDevice", "ResetOrReboot", "SecurityLogWasCleared",
        "MemoryExhaustion", "TamperDetectionActivated",
    ]

    /// The row for `request`, nil when it is not a notification that is kept.
    init?(chargePointId: Int64, request: ChargePointRequest, now: OCPPTimestamp) {
        let action: String
        var status: String?
        var requestId: Int?
        switch request {
        case .firmwareStatusNotification(let report):
            action = FirmwareStatusNotificationRequest.action
            status = report.status.rawValue
        case .diagnosticsStatusNotification(let report):
            action = DiagnosticsStatusNotificationRequest.action
            status = report.status.rawValue
        case .logStatusNotification(let report):
            action = LogStatusNotificationRequest.action
            status = report.status.rawValue
            requestId = report.requestId
        case .signedFirmwareStatusNotification(let report):
            action = SignedFirmwareStatusNotificationRequest.action
            status = report.status.rawValue
            requestId = report.requestId
        case .securityEventNotification(let event):
            let type = event.type.value
            self.init(
                chargePointId: chargePointId, notification: SecurityEventNotificationRequest.action,
                eventType: type, techInfo: event.techInfo?.value,
                critical: Self.criticalSecurityEvents.contains(type), timestamp: event.timestamp.date,
                receivedAt: now.date)
            return
        case .authorize, .bootNotification, .dataTransfer, .heartbeat, .meterValues, .startTransaction,
            .statusNotification, .stopTransaction, .signCertificate:
            return nil
        }
        self.init(
            chargePointId: chargePointId, notification: action, status: status, requestId: requestId,
            receivedAt: now.date)
    }
}

import Foundation
import OCPP16
import PublicAPI

extension WebhookEvent {
    /// The notifications (reference §4.13) a change applied by the OCPP server gives rise to.
    /// `store` supplies what the event does not carry (a session's EVSE and authorization, a
    /// charge point's system id).
    static func events(for change: OCPPServerEvent, store: Store) async -> [WebhookEvent] {
        switch change {
        case .networkStatusChanged(let chargePoint, _):
            return [
                WebhookEvent(
                    .networkStatusNotification,
                    [
                        "chargePointId": .int(chargePoint.id), "timestamp": .date(chargePoint.updatedAt),
                        "networkStatus": .string(LegacyNetworkStatus(chargePoint.networkStatus).rawValue),
                    ])
            ]
        case .booted(let chargePoint):
            let boot: [String: JSONValue] = [
                "model": .text(chargePoint.model), "vendor": .text(chargePoint.vendor),
                "charge_box_serial_number": .text(chargePoint.chargeBoxSerialNumber),
                "charge_point_serial_number": .text(chargePoint.serialNumber),
                "firmware_version": .text(chargePoint.firmwareVersion), "iccid": .text(chargePoint.iccid),
                "imsi": .text(chargePoint.imsi), "meter_serial_number": .text(chargePoint.meterSerialNumber),
                "meter_type": .text(chargePoint.meterType), "reason": .null,
            ]
            return [
                WebhookEvent(
                    .bootNotification,
                    [
                        "chargePointId": .int(chargePoint.id),
                        "timestamp": .date(chargePoint.lastBootAt ?? chargePoint.updatedAt),
                        "bootNotification": .object(boot),
                    ])
            ]
        case .statusChanged(.evse(let evse, let previous)):
            guard evse.hardwareStatus != previous else { return [] }
            return [
                WebhookEvent(
                    .hardwareStatusNotification,
                    [
                        "chargePointId": .int(evse.chargePointId), "evseId": .int(evse.id),
                        "timestamp": .date(evse.lastStatusAt ?? evse.updatedAt),
                        "hardwareStatus": .text(evse.hardwareStatus?.rawValue), "errorCode": .text(evse.errorCode),
                        "info": .text(evse.info), "vendorId": .text(evse.vendorId),
                        "vendorErrorCode": .text(evse.vendorErrorCode),
                    ])
            ]
        case .statusChanged(.chargePoint(let chargePoint, let previous)):
            guard chargePoint.hardwareStatus != previous else { return [] }
            return [
                WebhookEvent(
                    .hardwareStatusNotification,
                    [
                        "chargePointId": .int(chargePoint.id), "evseId": .null,
                        "timestamp": .date(chargePoint.updatedAt),
                        "hardwareStatus": .text(chargePoint.hardwareStatus?.rawValue),
                        "errorCode": .text(chargePoint.errorCode), "info": .null, "vendorId": .null,
                        "vendorErrorCode": .text(chargePoint.vendorErrorCode),
                    ])
            ]
        case .sessionStarted(let session, let superseded):
            var events: [WebhookEvent] = []
            if let superseded {
                events += [startStop(superseded, action: "stop"), await update(superseded, store: store)]
            }
            return events + [startStop(session, action: "start"), await update(session, store: store)]
        case .sessionUpdated(let session):
            return [await update(session, store: store), meterValues(session)]
        case .sessionStopped(let session, let payment):
            var events = [startStop(session, action: "stop"), await update(session, store: store)]
            if let payment {
                events.append(
                    WebhookEvent(
                        .transactionChanged,
                        [
                            "transactionId": .int(payment.id), "action": .string("created"),
                            "lastUpdatedAt": .date(payment.updatedAt),
                        ]))
            }
            return events
        case .notification(let notification):
            return await charger(notification, store: store)
        case .authorizationRecorded(let authorization):
            return [authorizationChanged(authorization, action: "created")]
        case .dataTransferReceived(let notification):
            guard case .dataTransfer(let transfer) = notification.request,
                let chargePoint = try? await store.chargePoint(identity: notification.chargePointId)
            else { return [] }
            return [
                WebhookEvent(
                    .chargePointDataTransferReceived,
                    [
                        "chargePointId": .int(chargePoint.id), "vendorId": .string(transfer.vendorId.value),
                        "messageId": .text(transfer.messageId?.value), "data": .text(transfer.data),
                    ])
            ]
        }
    }

    /// `session.start.stop.notification` ([INF]: the timestamps as ISO 8601 strings).
    static func startStop(_ session: SessionRecord, action: String) -> WebhookEvent {
        let stopped = action == "stop"
        return WebhookEvent(
            .sessionStartStop,
            [
                "sessionId": .int(session.id), "chargePointId": .int(session.chargePointId),
                "evseId": .int(session.evseId), "action": .string(action), "idTag": .string(session.idTag),
                "startedAtTimestamp": .date(session.startedAt),
                "stoppedAtTimestamp": stopped ? .date(session.stoppedAt) : .null,
                "meterStart": .number(Double(session.meterStart)),
                "meterStop": stopped ? (session.meterStop.map { .number(Double($0)) } ?? .null) : .null,
                "energyConsumed": .number(session.energyWh),
                "reason": stopped ? .text(session.reason?.rawValue) : .null,
                "lastUpdatedAt": .date(session.updatedAt),
            ])
    }

    /// `SessionUpdateNotification`: the whole Session v1.0 object.
    static func update(_ session: SessionRecord, store: Store) async -> WebhookEvent {
        let evse = try? await store.evse(id: session.evseId)
        let authorization: AuthorizationRecord?
        if let id = session.authorizationId {
            authorization = try? await store.authorization(id: id)
        } else {
            authorization = nil
        }
        let object = Session(record: session, evse: evse, authorization: authorization, withAuthorization: false)
        return WebhookEvent(.sessionUpdateNotification, ["session": .encoding(object)])
    }

    /// `SessionMeterValuesNotification` with the session's latest register, power and SoC.
    static func meterValues(_ session: SessionRecord) -> WebhookEvent {
        let at = JSONValue.date(session.updatedAt)
        func value(_ measurand: String, _ number: Double, _ unit: String) -> JSONValue {
            .object([
                "timestamp": at, "measurand": .string(measurand), "value": .number(number), "unit": .string(unit),
            ])
        }
        var values = [
            value("Energy Consumed", session.energyWh, "Wh"),
            value("Energy Active Import Register", Double(session.meterStart) + session.energyWh, "Wh"),
        ]
        if let power = session.powerLatestW { values.append(value("Power Active Import", power, "W")) }
        if let soc = session.socPercent { values.append(value("State Of Charge", soc, "Percent")) }
        return WebhookEvent(
            .sessionMeterValuesNotification,
            [
                "chargePointId": .int(session.chargePointId), "evseId": .int(session.evseId),
                "sessionId": .int(session.id), "meterValues": .array(values),
            ])
    }

    /// `DiagnosticsStatusNotification` and `SecurityEventNotification`; firmware and log
    /// status reports have no webhook in the reference.
    static func charger(_ notification: ChargePointNotification, store: Store) async -> [WebhookEvent] {
        guard let chargePoint = try? await store.chargePoint(identity: notification.chargePointId) else { return [] }
        switch notification.request {
        case .diagnosticsStatusNotification(let report):
            return [
                WebhookEvent(
                    .diagnosticsStatusNotification,
                    [
                        "chargePointId": .int(chargePoint.id), "requestId": .null,
                        "status": .string(report.status.rawValue.lowercased()),
                        "lastUpdatedAt": .date(notification.receivedAt.date),
                    ])
            ]
        case .securityEventNotification(let event):
            let type = event.type.value
            return [
                WebhookEvent(
                    .securityEventNotification,
                    [
                        "chargePointId": .int(chargePoint.id), "type": .string(type),
                        "timestamp": .date(event.timestamp.date), "techInfo": .text(event.techInfo?.value),
                        "critical": .bool(ChargePointNotificationRecord.criticalSecurityEvents.contains(type)),
                    ])
            ]
        case .authorize, .bootNotification, .dataTransfer, .firmwareStatusNotification, .heartbeat,
            .meterValues, .startTransaction, .statusNotification, .stopTransaction, .logStatusNotification,
            .signCertificate, .signedFirmwareStatusNotification:
            return []
        }
    }
}

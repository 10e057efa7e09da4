import Foundation
import PublicAPI
import Testing

@Suite("Reference examples decode and encode back to the same keys")
struct ReferenceExampleTests {
    typealias X = ReferenceExamples

    @Test("charge point status (§4.3), with values and with nulls")
    func chargePointStatus() throws {
        let status = try roundTrip(X.chargePointStatus, as: DataEnvelope<ChargePointLiveStatus>.self).data
        #expect(status.networkStatus == .available)
        #expect(status.hardwareStatus == .available)
        #expect(status.evses == [EVSELiveStatus(id: 7, hardwareStatus: .charging)])
        #expect(status.lastUpdatedAt == PublicAPIJSON.parseTimestamp("2025-10-14T08:30:00Z"))
        let unknown = try roundTrip(X.chargePointStatusNull, as: DataEnvelope<ChargePointLiveStatus>.self).data
        #expect(unknown.networkStatus == .neverConnected)
        #expect(unknown.hardwareStatus == nil)
        #expect(unknown.evses.first?.hardwareStatus == nil)
    }

    @Test("error bodies (§2.6)")
    func errors() throws {
        #expect(try roundTrip(X.unauthenticated, as: APIError.self) == .unauthenticated)
        #expect(try roundTrip(X.unauthorized, as: APIError.self) == .unauthorized)
        #expect(try roundTrip(X.throttled, as: APIError.self) == .tooManyRequests)
        #expect(try roundTrip(X.notFound, as: APIError.self).errors == nil)
        let validation = try roundTrip(X.validation, as: APIError.self)
        #expect(validation.message == "The type field is required.")
        #expect(validation.errors?["type"] == ["The type field is required."])
        #expect(validation.errors?.count == 2)
    }

    @Test("consumption stats (§4.6) keep null energy and power")
    func consumptionStats() throws {
        let stats = try roundTrip(X.consumptionStats, as: DataEnvelope<[ConsumptionStat]>.self).data
        #expect(stats.map(\.energy) == [1500, nil])
        #expect(stats.map(\.power) == [7000, nil])
    }

    @Test("action answers (§5)")
    func actionAnswers() throws {
        #expect(
            try roundTrip(X.setChargingProfileResponse, as: DataEnvelope<ChargingProfileReference>.self).data.id == 12)
        let log = try roundTrip(X.securityLogResponse, as: DataEnvelope<SecurityLogUpload>.self).data
        #expect(log.fileName == "security-log.zip")
        let started = try roundTrip(X.startResponse, as: StartSessionResult.self)
        #expect(started.sessionId == 42)
        let failed = try roundTrip(X.startFailure, as: StartSessionResult.self)
        #expect(failed.errorCode == .sessionExists)
        #expect(failed.sessionId == nil)
        #expect(try roundTrip(X.actionResult, as: ActionResult.self).success)
        #expect(try roundTrip(X.reserveResponse, as: ReserveResult.self).reservationId == 3)
        #expect(try roundTrip(X.diagnosticsResponse, as: GetDiagnosticsResult.self).fileName == "diag-77.zip")
        #expect(try roundTrip(X.dataTransferResponse, as: SendDataTransferResult.self).status == .unknownVendorId)
        #expect(try roundTrip(X.syncConfigurationResponse, as: SyncConfigurationResult.self).requestId == 4)
        #expect(try roundTrip(X.setSecurityProfileRejected, as: SetSecurityProfileResult.self).success == false)
    }

    @Test("EVSE v2.1 (§4.4), full and minimal")
    func evse() throws {
        let evse = try roundTrip(X.evse, as: DataEnvelope<EVSE>.self).data
        #expect(evse.networkId == "1")
        #expect(evse.hardwareStatus == .suspendedEVSE)
        #expect(evse.powerOptions?.maxVoltage == .volts400)
        #expect(evse.powerOptions?.connectedPhase == .l1L2)
        #expect(evse.connectors?.first?.type == .type2)
        #expect(evse.chargingProfile?.schedulePeriods?.first?.limit == 16)
        #expect(evse.chargingProfile?.chargingRateUnit == .amperes)
        let minimal = try roundTrip(X.evseMinimal, as: EVSE.self)
        #expect(minimal.hardwareStatus == nil)
        #expect(minimal.status == .outOfOrder)
        #expect(minimal.currentType == .dc)
    }

    @Test("charge point v2.0 (§4.1) and v1.0 (§4.2)")
    func chargePoints() throws {
        let chargePoint = try roundTrip(X.chargePoint, as: ChargePoint.self)
        #expect(chargePoint.network?.ocppProtocol == .ocpp16)
        #expect(chargePoint.networkStatus == .temporarilyUnavailable)
        #expect(chargePoint.firstContactAt == CalendarDay(year: 2024, month: 1, day: 2))
        #expect(chargePoint.communicationMode == .directOcpp)
        #expect(chargePoint.type == .publicAccess)
        let legacy = try roundTrip(X.chargePointV1, as: ChargePointV1.self)
        #expect(legacy.networkStatus == .longTermUnavailable)
        #expect(legacy.status == .active)
        #expect(legacy.evses?.first?.connectors?.first?.type == .catarc)
    }

    @Test("sessions (§4.6): finished with breakdown, active with nulls")
    func sessions() throws {
        let session = try roundTrip(X.session, as: DataEnvelope<Session>.self).data
        #expect(session.id == "42")
        #expect(session.reason == .evdisconnected)
        #expect(session.energyConsumption.total == 7500)
        #expect(
            session.totalAmount == MoneyAmount(withTax: Decimal(string: "6.6") ?? 0, withoutTax: Decimal(string: "5.5"))
        )
        #expect(session.priceBreakdown?.first?.unit == .kwh)
        #expect(session.authorization?.method == .rfidTag)
        let active = try roundTrip(X.sessionActive, as: Session.self)
        #expect(active.status == .active)
        #expect(active.power == SessionPower(latest: nil, peak: nil, average: nil))
        #expect(active.billingStatus == nil)
        #expect(active.authorizationId == nil)
    }

    @Test("id tags (§4.7), authorizations (§4.8), locations (§4.9), reservations (§4.10)")
    func smallResources() throws {
        #expect(try roundTrip(X.idTag, as: DataEnvelope<IdTag>.self).data.vehicleType == .companyCar)
        #expect(try roundTrip(X.idTagCreate, as: IdTagWrite.self).type == .rfid)
        let authorization = try roundTrip(X.authorization, as: DataEnvelope<Authorization>.self).data
        #expect(authorization.method == .idTag)
        #expect(authorization.idTagUid == nil)
        #expect(try roundTrip(X.location, as: DataEnvelope<Location>.self).data.geoposition?.latitude == 42.69)
        #expect(try roundTrip(X.reservation, as: DataEnvelope<Reservation>.self).data.status == .canceled)
    }

    @Test("notification subscriptions (§4.13)")
    func notifications() throws {
        let subscription = try roundTrip(X.notification, as: DataEnvelope<NotificationSubscription>.self).data
        #expect(
            subscription.notifications == [.hardwareStatusNotification, .sessionStartStop, .sessionUpdateNotification])
        let kafka = try roundTrip(X.notificationKafka, as: NotificationSubscriptionWrite.self)
        #expect(kafka.id == nil)
        #expect(kafka.kafka?.securityProtocol == .saslSsl)
    }

    @Test("billing (§4.14): tariff, snapshot, transaction, invoice")
    func billing() throws {
        let tariff = try roundTrip(X.tariff, as: DataEnvelope<Tariff>.self).data
        #expect(tariff.type == .durationEnergy)
        #expect(tariff.pricing?.pricePeriodInMinutes == 15)
        let snapshot = try roundTrip(X.tariffSnapshot, as: DataEnvelope<TariffSnapshot>.self).data
        #expect(snapshot.tariffId == 1)
        #expect(snapshot.tariff.id == 5)
        let transaction = try roundTrip(X.transaction, as: Transaction.self)
        #expect(transaction.status == .finalized)
        #expect(transaction.number == nil)
        #expect(transaction.billingType == .internalBilling)
        #expect(try roundTrip(X.transactionCreate, as: TransactionWrite.self).paymentMethod?.methodType == .wallet)
        let invoice = try roundTrip(X.invoice, as: DataEnvelope<Invoice>.self).data
        #expect(invoice.client?.postCode == "1000")
        #expect(invoice.taxRate == 20)
    }

    @Test("list envelopes (§2.3): page mode, empty page, cursor mode")
    func envelopes() throws {
        let page = try roundTrip(X.pageModeSessions, as: PageEnvelope<Session>.self)
        guard case .page(let meta) = page.meta else {
            Issue.record("expected page-mode meta")
            return
        }
        #expect(meta.total == 3)
        #expect(meta.links.first?.url == nil)
        #expect(page.links.prev == nil)
        let empty = try roundTrip(X.pageModeEmpty, as: PageEnvelope<Session>.self)
        guard case .page(let emptyMeta) = empty.meta else {
            Issue.record("expected page-mode meta")
            return
        }
        #expect(emptyMeta.from == nil)
        let cursor = try roundTrip(X.cursorModeEVSEs, as: PageEnvelope<EVSE>.self)
        guard case .cursor(let cursorMeta) = cursor.meta else {
            Issue.record("expected cursor-mode meta")
            return
        }
        #expect(cursorMeta.nextCursor == "eyJpZCI6OH0")
        #expect(cursorMeta.prevCursor == nil)
    }

    @Test("action request bodies (§5)")
    func actionBodies() throws {
        let start = try roundTrip(X.startRequest, as: StartSessionBody.self)
        #expect(start.chargingProfile?.chargingSchedule.chargingRateUnit == .watts)
        #expect(try roundTrip(X.stopRequest, as: StopSessionBody.self).force == true)
        #expect(try roundTrip(X.changeAvailability, as: ChangeAvailabilityBody.self).type == .inoperative)
        let profile = try roundTrip(X.setChargingProfile, as: SetChargingProfileBody.self)
        #expect(profile.chargingSchedule.chargingSchedulePeriod.map(\.limit) == [16, 8.5])
        #expect(try roundTrip(X.clearChargingProfile, as: ClearChargingProfileBody.self).evseNetworkId == "1")
        #expect(try roundTrip(X.triggerMessage, as: TriggerMessageBody.self).type == .statusNotification)
        #expect(try roundTrip(X.reserve, as: ReserveBody.self).userId == 12)
        #expect(try roundTrip(X.cancelReservation, as: CancelReservationBody.self).force == false)
        #expect(try roundTrip(X.getDiagnostics, as: GetDiagnosticsBody.self).location.hasPrefix("ftp://"))
        let log = try roundTrip(X.getSecurityLog, as: GetSecurityLogBody.self)
        #expect(log.startTime?.text == "2022-11-12 12:00:00")
        #expect(try roundTrip(X.sendDataTransfer, as: SendDataTransferBody.self).data == #"{"a":1}"#)
        #expect(try roundTrip(X.syncConfiguration, as: SyncConfigurationBody.self).keys?.count == 2)
        #expect(try roundTrip(X.changeOwner, as: ChangeOwnerBody.self).userId == nil)
        #expect(try roundTrip(X.disconnect, as: DisconnectBody.self).reason == "maintenance")
        #expect(try roundTrip(X.setConfiguration, as: SetConfigurationBody.self).value == "300")
        #expect(try roundTrip(X.updateFirmware, as: UpdateFirmwareBody.self).downloadUrlProtocol == .https)
        #expect(
            try roundTrip(X.installCertificate, as: CertificateBody.self).certificateType == .csmsRootCertificate)
        #expect(try roundTrip(X.syncCertificates, as: SyncCertificatesBody.self).certificateType == nil)
        #expect(try roundTrip(X.setSecurityProfile, as: SetSecurityProfileBody.self).setSecurityProfile == 2)
    }
}

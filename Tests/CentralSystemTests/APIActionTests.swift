import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

/// Runs `body` against a live API whose store has charge point `CP1` with EVSEs 1 and 2.
private func withCharger(
    onSend: @escaping @Sendable (Store, any OCPPPayload, String) async -> Void = { _, _, _ in },
    configuration: PublicAPIConfiguration = PublicAPIConfiguration(
        commandTimeout: .seconds(2), startSessionWait: .zero),
    _ body: (LivePublicAPI, Int64) async throws -> Void
) async throws {
    try await LivePublicAPI.with(configuration: configuration, onSend: onSend) { api in
        let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
        try await body(api, try #require(chargePoint.id))
    }
}

private func message(_ reply: APIHTTPClient.Reply) -> String {
    reply.json["message"] as? String ?? ""
}

@Suite("Public API actions → OCPP calls")
struct APIActionTests {
    static func cp(_ id: Int64) -> String { "/public-api/actions/charge-point/v1.0/\(id)" }
    static func cp2(_ id: Int64) -> String { "/public-api/actions/charge-point/v2.0/\(id)" }

    @Test func startOnEVSESendsRemoteStartWithGeneratedTagAndReportsTheSession() async throws {
        // The fake charger answers Accepted and, like a real one, sends StartTransaction.
        let onSend: @Sendable (Store, any OCPPPayload, String) async -> Void = { store, request, identity in
            guard let start = request as? RemoteStartTransactionRequest else { return }
            _ = try? await store.startTransaction(
                identity: identity,
                request: StartTransactionRequest(
                    connectorId: start.connectorId ?? 1, idTag: start.idTag, meterStart: 0, timestamp: at(5)),
                unknownTagPolicy: .reject, now: at(5))
        }
        let configuration = PublicAPIConfiguration(commandTimeout: .seconds(2), startSessionWait: .seconds(2))
        try await withCharger(onSend: onSend, configuration: configuration) { api, id in
            api.commands.answer(RemoteStartTransactionRequest.self, with: .init(status: .accepted))
            let reply = try await api.client.call("POST", "\(Self.cp(id))/start/2", json: "{}")
            #expect(reply.status == 202)
            #expect(reply.json["success"] as? Bool == true)
            let sent = try #require(api.commands.sent(RemoteStartTransactionRequest.self).first)
            #expect(sent.connectorId == 2)
            let authorizationId = try #require(reply.json["authorizationId"] as? Int)
            #expect(
                sent.idTag.value == "*" + String(repeating: "0", count: 10 - String(authorizationId).count)
                    + String(authorizationId))
            let sessionId = try #require(reply.json["sessionId"] as? Int)
            let session = try #require(try await api.store.session(id: Int64(sessionId)))
            #expect(session.status == .active)
            #expect(session.idTag == sent.idTag.value)
            #expect(api.commands.sent.first?.timeout == .seconds(2))

            // The EVSE is busy now: success false with SESSION_EXISTS, nothing sent.
            let again = try await api.client.call("POST", "\(Self.cp(id))/start/2", json: #"{"idTag":"X"}"#)
            #expect(again.status == 202)
            #expect(again.json["success"] as? Bool == false)
            #expect(again.json["errorCode"] as? String == "SESSION_EXISTS")
            #expect(api.commands.sent.count == 1)
        }
    }

    @Test func startVariantsAndTheirFailures() async throws {
        try await withCharger { api, id in
            api.commands.answer(RemoteStartTransactionRequest.self, with: .init(status: .accepted))
            let noEVSE = try await api.client.call("POST", "\(Self.cp(id))/start", json: #"{"idTag":"RFID-9"}"#)
            #expect(noEVSE.status == 202)
            #expect(noEVSE.json["sessionId"] == nil)
            #expect(api.commands.sent(RemoteStartTransactionRequest.self).last?.connectorId == nil)
            #expect(api.commands.sent(RemoteStartTransactionRequest.self).last?.idTag.value == "RFID-9")

            let evse = try #require(try await api.store.evse(chargePointId: id, networkId: 1))
            let byId = try await api.client.call("POST", "/public-api/actions/evse/v1.0/\(evse.id ?? 0)/start")
            #expect(byId.status == 202)
            #expect(byId.json["sessionId"] is NSNull || byId.json["sessionId"] == nil)
            #expect(api.commands.sent(RemoteStartTransactionRequest.self).last?.connectorId == 1)

            #expect(try await api.client.call("POST", "\(Self.cp(id))/start/9").status == 404)
            #expect(try await api.client.call("POST", "\(Self.cp(999))/start/1").status == 404)
            #expect(try await api.client.call("POST", "/public-api/actions/evse/v1.0/999/start").status == 404)
            let badTag = try await api.client.call(
                "POST", "\(Self.cp(id))/start/1", json: #"{"idTag":"123456789012345678901"}"#)
            #expect(badTag.status == 422)
            #expect((badTag.json["errors"] as? [String: Any])?["idTag"] != nil)

            api.commands.answer(RemoteStartTransactionRequest.self, with: .init(status: .rejected))
            let rejected = try await api.client.call("POST", "\(Self.cp(id))/start/1")
            #expect(rejected.status == 406)
            #expect(message(rejected).contains("rejected RemoteStartTransaction"))
            let authorizations = try await api.client.call(
                "GET", "/public-api/resources/authorizations/v2.1?filter[status]=rejected")
            #expect(authorizations.list.count == 1)

            api.commands.fail(RemoteStartTransactionRequest.self, with: .offline(chargePointId: "CP1"))
            let offline = try await api.client.call("POST", "\(Self.cp(id))/start/1")
            #expect(offline.status == 406)
            #expect(message(offline).contains("offline"))
        }
    }

    @Test func startWithChargingProfileSendsATxProfile() async throws {
        try await withCharger { api, id in
            api.commands.answer(RemoteStartTransactionRequest.self, with: .init(status: .accepted))
            let body = #"""
                {"chargingProfile":{"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
                 "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}}}
                """#
            #expect(try await api.client.call("POST", "\(Self.cp(id))/start/1", json: body).status == 202)
            let profile = try #require(api.commands.sent(RemoteStartTransactionRequest.self).first?.chargingProfile)
            #expect(profile.chargingProfilePurpose == .txProfile)
            #expect(profile.chargingSchedule.chargingSchedulePeriod.first?.limit == DecimalTenths(tenths: 160))
            let missing = try await api.client.call(
                "POST", "\(Self.cp(id))/start/1",
                json: #"{"chargingProfile":{"stackLevel":1,"chargingProfilePurpose":"TxProfile"}}"#)
            #expect(missing.status == 422)
            #expect((missing.json["errors"] as? [String: Any])?["chargingProfile.chargingProfileKind"] != nil)
        }
    }

    @Test func stopSendsRemoteStopAndForceEndsTheSession() async throws {
        try await withCharger { api, id in
            let started = try await api.store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let sessionId = try #require(started.session.id)
            api.commands.answer(RemoteStopTransactionRequest.self, with: .init(status: .accepted))
            let stopped = try await api.client.call("POST", "\(Self.cp(id))/stop/\(sessionId)")
            #expect(stopped.status == 202)
            #expect(stopped.body.isEmpty)
            #expect(api.commands.sent(RemoteStopTransactionRequest.self).first?.transactionId == started.transactionId)

            api.commands.answer(RemoteStopTransactionRequest.self, with: .init(status: .rejected))
            let rejected = try await api.client.call("POST", "\(Self.cp(id))/stop/\(sessionId)")
            #expect(rejected.status == 406)
            #expect(message(rejected).contains("rejected RemoteStopTransaction"))
            let forced = try await api.client.call("POST", "\(Self.cp(id))/stop/\(sessionId)", json: #"{"force":true}"#)
            #expect(forced.status == 202)
            let session = try #require(try await api.store.session(id: sessionId))
            #expect(session.status == .finished)
            #expect(session.reason == .forceStop)
            let again = try await api.client.call("POST", "\(Self.cp(id))/stop/\(sessionId)")
            #expect(again.status == 406)
            #expect(message(again).contains("not active"))
            #expect(try await api.client.call("POST", "\(Self.cp(id))/stop/999").status == 404)
        }
    }

    @Test func resetAcceptsEitherCaseAndMapsRejection() async throws {
        try await withCharger { api, id in
            api.commands.answer(ResetRequest.self, with: .init(status: .accepted))
            let hard = try await api.client.call("POST", "\(Self.cp(id))/reset/hard")
            #expect(hard.status == 202)
            #expect(hard.json["success"] as? Bool == true)
            #expect(try await api.client.call("POST", "\(Self.cp(id))/reset/Soft").status == 202)
            #expect(api.commands.sent(ResetRequest.self).map(\.type) == [.hard, .soft])
            #expect(try await api.client.call("POST", "\(Self.cp(id))/reset/warm").status == 404)
            api.commands.answer(ResetRequest.self, with: .init(status: .rejected))
            let rejected = try await api.client.call("POST", "\(Self.cp(id))/reset/soft")
            #expect(rejected.status == 406)
            #expect(message(rejected) == "Charge point CP1 rejected Reset (status Rejected).")
        }
    }

    @Test func everyCommandErrorIs406WithItsOwnMessage() async throws {
        try await withCharger { api, id in
            let cases: [(ChargePointCommandError, String)] = [
                (.offline(chargePointId: "CP1"), "Charge point CP1 is offline; Reset was not sent."),
                (.timedOut(chargePointId: "CP1", action: "Reset"), "Charge point CP1 did not answer Reset in time."),
                (
                    .callError(chargePointId: "CP1", code: .notSupported, description: "no"),
                    "Charge point CP1 answered Reset with CALLERROR NotSupported: no."
                ),
                (.failed(chargePointId: "CP1", reason: "dropped"), "Reset to charge point CP1 failed: dropped."),
            ]
            for (error, text) in cases {
                api.commands.fail(ResetRequest.self, with: error)
                let reply = try await api.client.call("POST", "\(Self.cp(id))/reset/hard")
                #expect(reply.status == 406)
                #expect(message(reply) == text)
            }
        }
    }

    @Test func unlockUsesTheEVSENetworkId() async throws {
        try await withCharger { (api: LivePublicAPI, id: Int64) async throws in
            api.commands.answer(UnlockConnectorRequest.self, with: .init(status: .unlocked))
            #expect(try await api.client.call("POST", "\(Self.cp(id))/unlock/2").status == 202)
            #expect(api.commands.sent(UnlockConnectorRequest.self).first?.connectorId == 2)
            api.commands.answer(UnlockConnectorRequest.self, with: .init(status: .unlockFailed))
            #expect(try await api.client.call("POST", "\(Self.cp(id))/unlock/2").status == 406)
            #expect(try await api.client.call("POST", "\(Self.cp(id))/unlock/7").status == 404)
        }
    }

    @Test func changeAvailabilityAcceptedScheduledRejected() async throws {
        try await withCharger { api, id in
            let path = "\(Self.cp(id))/change-availability"
            api.commands.answer(ChangeAvailabilityRequest.self, with: .init(status: .accepted))
            #expect(try await api.client.call("POST", path, json: #"{"type":"Inoperative"}"#).status == 202)
            api.commands.answer(ChangeAvailabilityRequest.self, with: .init(status: .scheduled))
            let scheduled = try await api.client.call("POST", path, json: #"{"type":"Operative","evseNetworkId":2}"#)
            #expect(scheduled.status == 204)
            #expect(
                api.commands.sent(ChangeAvailabilityRequest.self)
                    == [.init(connectorId: 0, type: .inoperative), .init(connectorId: 2, type: .operative)])
            api.commands.answer(ChangeAvailabilityRequest.self, with: .init(status: .rejected))
            #expect(try await api.client.call("POST", path, json: #"{"type":"Operative"}"#).status == 406)
            let missing = try await api.client.call("POST", path, json: "{}")
            #expect(missing.status == 422)
            #expect((missing.json["errors"] as? [String: Any])?["type"] != nil)
            let badType = try await api.client.call("POST", path, json: #"{"type":"Sideways"}"#)
            #expect((badType.json["errors"] as? [String: Any])?["type"] != nil)
            let badEVSE = try await api.client.call("POST", path, json: #"{"type":"Operative","evseNetworkId":5}"#)
            #expect((badEVSE.json["errors"] as? [String: Any])?["evseNetworkId"] != nil)
        }
    }

    @Test func setAndClearChargingProfile() async throws {
        try await withCharger { api, id in
            api.commands.answer(SetChargingProfileRequest.self, with: .init(status: .accepted))
            let body = #"""
                {"stackLevel":2,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Recurring",
                 "recurrencyKind":"Daily","chargingSchedule":{"id":77,"chargingRateUnit":"W",
                 "chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.5,"numberPhases":3}]}}
                """#
            let reply = try await api.client.call("POST", "\(Self.cp(id))/set-charging-profile/0", json: body)
            #expect(reply.status == 202)
            #expect(reply.data["id"] as? Int == 77)
            let sent = try #require(api.commands.sent(SetChargingProfileRequest.self).first)
            #expect(sent.connectorId == 0)
            #expect(sent.csChargingProfiles.chargingProfileId == 77)
            #expect(sent.csChargingProfiles.recurrencyKind == .daily)
            #expect(sent.csChargingProfiles.chargingSchedule.chargingRateUnit == .w)
            let noRecurrency = try await api.client.call(
                "POST", "\(Self.cp(id))/set-charging-profile/1",
                json: body.replacingOccurrences(of: #""recurrencyKind":"Daily","#, with: ""))
            #expect((noRecurrency.json["errors"] as? [String: Any])?["recurrencyKind"] != nil)
            #expect(
                try await api.client.call("POST", "\(Self.cp(id))/set-charging-profile/9", json: body).status == 404)
            api.commands.answer(SetChargingProfileRequest.self, with: .init(status: .notSupported))
            #expect(
                try await api.client.call("POST", "\(Self.cp(id))/set-charging-profile/1", json: body).status == 406)

            api.commands.answer(ClearChargingProfileRequest.self, with: .init(status: .accepted))
            let clear = "\(Self.cp(id))/clear-charging-profile"
            #expect(try await api.client.call("POST", clear).status == 202)
            #expect(try await api.client.call("POST", clear, json: #"{"evseNetworkId":"2"}"#).status == 202)
            #expect(try await api.client.call("POST", clear, json: #"{"id":5}"#).status == 202)
            #expect(
                api.commands.sent(ClearChargingProfileRequest.self) == [
                    .init(connectorId: 0, chargingProfilePurpose: .chargePointMaxProfile),
                    .init(connectorId: 2, chargingProfilePurpose: .txDefaultProfile),
                    .init(id: 5),
                ])
            api.commands.answer(ClearChargingProfileRequest.self, with: .init(status: .unknown))
            #expect(try await api.client.call("POST", clear).status == 406)
            let bad = try await api.client.call("POST", clear, json: #"{"evseNetworkId":"two"}"#)
            #expect((bad.json["errors"] as? [String: Any])?["evseNetworkId"] != nil)
        }
    }

    @Test func triggerMessageCoreExtendedAndUnsupported() async throws {
        try await withCharger { api, id in
            api.commands.answer(TriggerMessageRequest.self, with: .init(status: .accepted))
            api.commands.answer(ExtendedTriggerMessageRequest.self, with: .init(status: .accepted))
            let path = "\(Self.cp(id))/trigger-message"
            #expect(try await api.client.call("POST", path, json: #"{"type":"Heartbeat"}"#).status == 202)
            #expect(try await api.client.call("POST", path, json: #"{"type":"LogStatusNotification"}"#).status == 202)
            let evse = try #require(try await api.store.evse(chargePointId: id, networkId: 2))
            let onEVSE = try await api.client.call(
                "POST", "/public-api/actions/evse/v1.0/\(evse.id ?? 0)/trigger-message",
                json: #"{"type":"StatusNotification"}"#)
            #expect(onEVSE.status == 202)
            #expect(
                api.commands.sent(TriggerMessageRequest.self) == [
                    .init(requestedMessage: .heartbeat), .init(requestedMessage: .statusNotification, connectorId: 2),
                ])
            #expect(
                api.commands.sent(ExtendedTriggerMessageRequest.self) == [
                    .init(requestedMessage: .logStatusNotification)
                ])
            let v201 = try await api.client.call("POST", path, json: #"{"type":"TransactionEvent"}"#)
            #expect(v201.status == 406)
            #expect(try await api.client.call("POST", path, json: #"{"type":"Nonsense"}"#).status == 422)
            api.commands.answer(TriggerMessageRequest.self, with: .init(status: .notImplemented))
            #expect(try await api.client.call("POST", path, json: #"{"type":"MeterValues"}"#).status == 406)
        }
    }

    @Test func reserveAndCancel() async throws {
        try await withCharger { api, id in
            api.commands.answer(ReserveNowRequest.self, with: .init(status: .accepted))
            let reply = try await api.client.call("POST", "\(Self.cp(id))/reserve/1", json: #"{"userId":42}"#)
            #expect(reply.status == 202)
            let reservationId = try #require(reply.json["reservationId"] as? Int)
            let sent = try #require(api.commands.sent(ReserveNowRequest.self).first)
            #expect(sent.connectorId == 1)
            #expect(sent.reservationId == reservationId)
            #expect(sent.idTag.value == "U42")
            #expect(sent.expiryDate == at(15 * 60))
            #expect(try await api.client.call("POST", "\(Self.cp(id))/reserve/1", json: "{}").status == 422)

            api.commands.answer(ReserveNowRequest.self, with: .init(status: .occupied))
            let occupied = try await api.client.call("POST", "\(Self.cp(id))/reserve/2", json: #"{"userId":7}"#)
            #expect(occupied.status == 406)
            #expect(message(occupied).contains("Occupied"))

            let cancel = "/public-api/actions/reservation/v1.0/\(reservationId)/cancel"
            api.commands.answer(CancelReservationRequest.self, with: .init(status: .rejected))
            #expect(try await api.client.call("POST", cancel).status == 406)
            #expect(try await api.client.call("POST", cancel, json: #"{"force":true}"#).status == 202)
            #expect(try await api.store.reservation(id: Int64(reservationId))?.status == .canceled)
            #expect(
                api.commands.sent(CancelReservationRequest.self).map(\.reservationId) == [reservationId, reservationId])
            #expect(try await api.client.call("POST", cancel).status == 406)
            #expect(try await api.client.call("POST", "/public-api/actions/reservation/v1.0/999/cancel").status == 404)
        }
    }

    @Test func diagnosticsSecurityLogAndDataTransfer() async throws {
        try await withCharger { api, id in
            api.commands.answer(GetDiagnosticsRequest.self, with: .init(fileName: "diag.zip"))
            let diagnostics = try await api.client.call(
                "POST", "\(Self.cp(id))/get-diagnostics",
                json: #"{"location":"ftp://logs.example/up","start":"2026-01-01T00:00:00Z"}"#)
            #expect(diagnostics.status == 202)
            #expect(diagnostics.json["fileName"] as? String == "diag.zip")
            #expect(api.commands.sent(GetDiagnosticsRequest.self).first?.startTime == t0)
            let noLocation = try await api.client.call("POST", "\(Self.cp(id))/get-diagnostics", json: "{}")
            #expect((noLocation.json["errors"] as? [String: Any])?["location"] != nil)

            api.commands.answer(GetLogRequest.self, with: .init(status: .accepted, filename: "sec.log"))
            let log = try await api.client.call(
                "POST", "\(Self.cp(id))/get-security-log",
                json: #"{"url":"https://logs.example/up","reason":"audit","startTime":"2026-01-01 00:00:00"}"#)
            #expect(log.status == 201)
            #expect(log.data["file_name"] as? String == "sec.log")
            #expect(log.data["logType"] as? String == "SecurityLog")
            let sentLog = try #require(api.commands.sent(GetLogRequest.self).first)
            #expect(sentLog.logType == .securityLog)
            #expect(sentLog.log.oldestTimestamp == t0)
            #expect(log.data["id"] as? Int == sentLog.requestId)
            let badTime = try await api.client.call(
                "POST", "\(Self.cp(id))/get-security-log",
                json: #"{"url":"https://x","reason":"a","startTime":"2026-01-01T00:00:00Z"}"#)
            #expect((badTime.json["errors"] as? [String: Any])?["startTime"] != nil)
            api.commands.answer(GetLogRequest.self, with: .init(status: .rejected))
            #expect(
                try await api.client.call(
                    "POST", "\(Self.cp(id))/get-security-log", json: #"{"url":"https://x","reason":"a"}"#
                ).status == 406)

            api.commands.answer(DataTransferRequest.self, with: .init(status: .unknownVendorId))
            let transfer = try await api.client.call(
                "POST", "\(Self.cp(id))/send-data-transfer", json: #"{"vendorId":"acme","messageId":"m","data":"d"}"#)
            #expect(transfer.status == 200)
            #expect(transfer.json["status"] as? String == "UnknownVendorId")
            #expect(
                api.commands.sent(DataTransferRequest.self).first == .init(vendorId: "acme", messageId: "m", data: "d"))
        }
    }

    @Test func syncAndSetConfigurationFillTheCache() async throws {
        try await withCharger { api, id in
            api.commands.answer(
                GetConfigurationRequest.self,
                with: .init(configurationKey: [.init(key: "HeartbeatInterval", readonly: false, value: "300")]))
            let sync = try await api.client.call(
                "POST", "\(Self.cp(id))/sync-configuration", json: #"{"keys":["HeartbeatInterval"]}"#)
            #expect(sync.status == 202)
            #expect(sync.json["success"] as? Bool == true)
            #expect(api.commands.sent(GetConfigurationRequest.self).first?.key == ["HeartbeatInterval"])
            #expect(try await api.store.cachedConfiguration(chargePointId: id).first?.value == "300")

            api.commands.answer(ChangeConfigurationRequest.self, with: .init(status: .accepted))
            let set = try await api.client.call(
                "POST", "\(Self.cp2(id))/set-configuration", json: #"{"name":"HeartbeatInterval","value":"60"}"#)
            #expect(set.status == 202)
            #expect(try await api.store.cachedConfiguration(chargePointId: id).first?.value == "60")
            api.commands.answer(ChangeConfigurationRequest.self, with: .init(status: .notSupported))
            let rejected = try await api.client.call(
                "POST", "\(Self.cp2(id))/set-configuration", json: #"{"name":"Nope","value":"1"}"#)
            #expect(rejected.status == 406)
            let missing = try await api.client.call("POST", "\(Self.cp2(id))/set-configuration", json: #"{"name":"x"}"#)
            #expect((missing.json["errors"] as? [String: Any])?["value"] != nil)
        }
    }

    @Test func updateFirmwarePlainAndSigned() async throws {
        try await withCharger { api, id in
            api.commands.answer(UpdateFirmwareRequest.self, with: .init())
            let plain = try await api.client.call(
                "POST", "\(Self.cp2(id))/update-firmware",
                json: #"{"signed":false,"url":"https://fw.example/1.bin","retries":2}"#)
            #expect(plain.status == 202)
            #expect(
                api.commands.sent(UpdateFirmwareRequest.self).first
                    == .init(location: "https://fw.example/1.bin", retries: 2, retrieveDate: t0))
            api.commands.answer(SignedUpdateFirmwareRequest.self, with: .init(status: .invalidCertificate))
            let signed = try await api.client.call(
                "POST", "\(Self.cp2(id))/update-firmware",
                json: #"{"signed":true,"url":"https://fw.example/2.bin","signingCertificate":"PEM","signature":"SIG"}"#)
            #expect(signed.status == 406)
            #expect(api.commands.sent(SignedUpdateFirmwareRequest.self).first?.firmware.signature.value == "SIG")
            let unsigned = try await api.client.call(
                "POST", "\(Self.cp2(id))/update-firmware", json: #"{"signed":true,"url":"https://x/y"}"#)
            #expect((unsigned.json["errors"] as? [String: Any])?["signingCertificate"] != nil)
            let noURL = try await api.client.call("POST", "\(Self.cp2(id))/update-firmware", json: #"{"signed":false}"#)
            #expect((noURL.json["errors"] as? [String: Any])?["url"] != nil)
        }
    }

    @Test func certificateActions() async throws {
        let configuration = PublicAPIConfiguration(
            commandTimeout: .seconds(2), startSessionWait: .zero,
            installableCertificates: [.centralSystemRootCertificate: "-----BEGIN CERTIFICATE-----"])
        try await withCharger(configuration: configuration) { api, id in
            api.commands.answer(InstallCertificateRequest.self, with: .init(status: .accepted))
            let install = "\(Self.cp2(id))/install-certificate"
            #expect(
                try await api.client.call("POST", install, json: #"{"certificateType":"CSMSRootCertificate"}"#).status
                    == 202)
            #expect(
                api.commands.sent(InstallCertificateRequest.self).first?.certificateType
                    == .centralSystemRootCertificate)
            let disabled = try await api.client.call(
                "POST", install, json: #"{"certificateType":"ManufacturerRootCertificate"}"#)
            #expect(disabled.status == 404)
            #expect(
                try await api.client.call("POST", install, json: #"{"certificateType":"V2GRootCertificate"}"#).status
                    == 406)
            #expect(try await api.client.call("POST", install, json: #"{"certificateType":"Bogus"}"#).status == 422)

            let hash = CertificateHashData(
                hashAlgorithm: .sha256, issuerNameHash: "aa", issuerKeyHash: "bb", serialNumber: "01")
            api.commands.answer(
                GetInstalledCertificateIdsRequest.self, with: .init(certificateHashData: [hash], status: .accepted))
            api.commands.answer(DeleteCertificateRequest.self, with: .init(status: .accepted))
            let delete = try await api.client.call(
                "POST", "\(Self.cp2(id))/delete-certificate", json: #"{"certificateType":"CSMSRootCertificate"}"#)
            #expect(delete.status == 202)
            #expect(api.commands.sent(DeleteCertificateRequest.self) == [.init(certificateHashData: hash)])

            let sync = try await api.client.call("POST", "\(Self.cp2(id))/sync-certificates", json: "{}")
            #expect(sync.status == 202)
            #expect(
                api.commands.sent(GetInstalledCertificateIdsRequest.self).suffix(2).map(\.certificateType)
                    == [.centralSystemRootCertificate, .manufacturerRootCertificate])
            api.commands.answer(GetInstalledCertificateIdsRequest.self, with: .init(status: .notFound))
            let none = try await api.client.call(
                "POST", "\(Self.cp2(id))/delete-certificate", json: #"{"certificateType":"CSMSRootCertificate"}"#)
            #expect(none.status == 406)
        }
    }

    @Test func securityProfileRaiseOnlyAndReset() async throws {
        try await withCharger { api, id in
            api.commands.answer(ChangeConfigurationRequest.self, with: .init(status: .accepted))
            let path = "\(Self.cp2(id))/set-security-profile"
            let raise = try await api.client.call("POST", path, json: #"{"setSecurityProfile":1,"reason":"tls"}"#)
            #expect(raise.status == 202)
            #expect(raise.json["success"] as? Bool == true)
            #expect(
                api.commands.sent(ChangeConfigurationRequest.self).first == .init(key: "SecurityProfile", value: "1"))
            let same = try await api.client.call("POST", path, json: #"{"setSecurityProfile":1,"reason":"again"}"#)
            #expect(same.status == 406)
            #expect(same.json["success"] as? Bool == false)
            #expect(
                try await api.client.call("POST", path, json: #"{"setSecurityProfile":3,"reason":"x"}"#).status == 406)
            let noReason = try await api.client.call("POST", path, json: #"{"setSecurityProfile":2}"#)
            #expect((noReason.json["errors"] as? [String: Any])?["reason"] != nil)

            #expect(try await api.client.call("POST", "\(Self.cp(id))/reset-security-profile").status == 202)
            #expect(try await api.store.chargePoint(id: id)?.securityProfile == 0)
        }
    }

    @Test func changeOwnerAndDisconnect() async throws {
        try await withCharger { api, id in
            #expect(
                try await api.client.call("POST", "\(Self.cp(id))/change-owner", json: #"{"userId":null}"#).status
                    == 202)
            #expect(
                try await api.client.call("POST", "\(Self.cp(id))/change-owner", json: #"{"userId":-1}"#).status == 422)
            let path = "\(Self.cp(id))/disconnect"
            #expect(try await api.client.call("POST", path, json: #"{"reason":"maintenance"}"#).status == 409)
            api.commands.connect("CP1")
            let reply = try await api.client.call("POST", path, json: #"{"reason":"maintenance"}"#)
            #expect(reply.status == 202)
            #expect(api.commands.disconnects.map(\.1) == ["maintenance"])
            #expect(try await api.client.call("POST", path, json: "{}").status == 422)
            #expect(
                try await api.client.call("POST", "\(Self.cp(999))/disconnect", json: #"{"reason":"x"}"#).status == 404)
        }
    }
}

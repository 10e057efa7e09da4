import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Webhooks: authorization.changed, chargePoint.dataTransferReceived, chargingProfile.applied")
struct ChargerWebhookEventTests {
    static let profileBody = #"""
        {"stackLevel":1,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute",
         "chargingSchedule":{"id":41,"chargingRateUnit":"A","minChargingRate":6,
         "chargingSchedulePeriod":[{"startPeriod":0,"limit":16,"numberPhases":3},{"startPeriod":3600,"limit":10}]}}
        """#

    @Test("a real charger's Authorize, StartTransaction, DataTransfer and accepted profiles are POSTed signed")
    func chargerEvents() async throws {
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }
        try await EmbeddedHarness.run { harness in
            let chargePoint = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let id = try #require(chargePoint.id)
            let client = harness.client
            let created = try await client.call(
                "POST", "/public-api/notifications/v2.0",
                json: #"{"via":"webhook","notifications":["authorization.changed","#
                    + #""chargePoint.dataTransferReceived","chargingProfile.applied"],"#
                    + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
            #expect(created.status == 201)
            let subscriptionId = try #require(created.data["id"] as? Int)

            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            _ = try await charger.call(AuthorizeRequest(idTag: "TAG-A"))
            _ = try await charger.call(
                DataTransferRequest(vendorId: "com.example", messageId: "hello", data: #"{"x":1}"#))
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG-A", meterStart: 100, timestamp: at(10)))
            #expect(started.idTagInfo.status == .accepted)

            // The charger's three arrive before the API's (two routes into one queue).
            try await EmbeddedHarness.eventually("the charger's notifications") { receiver.uploads.count == 3 }

            // An API start the charger refuses: the admin authorization is created, then rejected.
            let actions = "/public-api/actions/charge-point/v1.0/\(id)"
            let start = Task { try await client.call("POST", "\(actions)/start", json: #"{"idTag":"TAG-B"}"#) }
            let remoteStart = try #require(await charger.nextCall())
            #expect(remoteStart.action == "RemoteStartTransaction")
            try await charger.answer(remoteStart, with: RemoteStartTransactionResponse(status: .rejected))
            #expect(try await start.value.status == 406)

            // Two profiles the charger accepts: the whole charge point, then a TxProfile on the session.
            let whole = Task {
                try await client.call("POST", "\(actions)/set-charging-profile/0", json: Self.profileBody)
            }
            let setWhole = try #require(await charger.nextCall())
            #expect(try setWhole.decode(SetChargingProfileRequest.self).connectorId == 0)
            try await charger.answer(setWhole, with: SetChargingProfileResponse(status: .accepted))
            #expect(try await whole.value.status == 202)
            let txBody = Self.profileBody.replacingOccurrences(of: "ChargePointMaxProfile", with: "TxProfile")
                .replacingOccurrences(of: #""id":41"#, with: #""id":42"#)
            let tx = Task { try await client.call("POST", "\(actions)/set-charging-profile/1", json: txBody) }
            let setTx = try #require(await charger.nextCall())
            try await charger.answer(setTx, with: SetChargingProfileResponse(status: .accepted))
            #expect(try await tx.value.status == 202)
            // A refused profile is not announced.
            let refused = Task {
                try await client.call("POST", "\(actions)/set-charging-profile/0", json: Self.profileBody)
            }
            let setRefused = try #require(await charger.nextCall())
            try await charger.answer(setRefused, with: SetChargingProfileResponse(status: .rejected))
            #expect(try await refused.value.status == 406)

            try await EmbeddedHarness.eventually("seven notifications") { receiver.uploads.count >= 7 }
            let uploads = receiver.uploads
            #expect(uploads.count == 7)
            for upload in uploads {
                #expect(
                    upload.headers["x-signature"] == HMACSHA256.hex(key: EmbeddedHarness.token, message: upload.body))
                #expect(upload.headers["x-webhook-id"] == String(subscriptionId))
                #expect(upload.headers["x-webhook-type"] == upload.jsonObject["notification"] as? String)
            }
            let bodies = uploads.map(\.jsonObject)
            func named(_ event: String) -> [[String: Any]] { bodies.filter { $0["notification"] as? String == event } }

            let authorizations = named("authorization.changed")
            #expect(
                authorizations.map { "\($0["action"] ?? "") \($0["idTag"] ?? "") \($0["status"] ?? "")" } == [
                    "created TAG-A accepted", "created TAG-A accepted", "created TAG-B accepted",
                    "updated TAG-B rejected",
                ])
            #expect(authorizations.allSatisfy { $0["chargePointId"] as? Int == Int(id) })
            #expect(authorizations.allSatisfy { $0["lastUpdatedAt"] is String && $0["authorizationId"] is Int })
            // The start's authorization is the one the session names; the API start's is created then updated.
            let session = try #require(
                try await harness.store.session(chargePointId: id, transactionId: started.transactionId))
            #expect(authorizations[1]["authorizationId"] as? Int == session.authorizationId.map { Int($0) })
            #expect(authorizations[2]["authorizationId"] as? Int == authorizations[3]["authorizationId"] as? Int)

            let transfer = try #require(named("chargePoint.dataTransferReceived").first)
            #expect(transfer["chargePointId"] as? Int == Int(id))
            #expect(transfer["vendorId"] as? String == "com.example")
            #expect(transfer["messageId"] as? String == "hello")
            #expect(transfer["data"] as? String == #"{"x":1}"#)

            let applied = named("chargingProfile.applied")
            #expect(applied.count == 2)
            let first = try #require(applied.first)
            #expect(first["chargePointId"] as? Int == Int(id))
            #expect(first["evseId"] is NSNull)
            #expect(first["sessionId"] is NSNull)
            #expect(first["appliedAt"] is String)
            let profile = try #require(first["chargingProfile"] as? [String: Any])
            #expect(profile["id"] as? Int == 41)
            #expect(profile["purpose"] as? String == "ChargePointMaxProfile")
            #expect(profile["chargingRateUnit"] as? String == "A")
            #expect(profile["minChargingRate"] as? Int == 6)
            let periods = try #require(profile["schedulePeriods"] as? [[String: Any]])
            #expect(periods.compactMap { $0["limit"] as? Int } == [16, 10])
            let second = try #require(applied.last)
            let evse = try #require(try await harness.store.evse(chargePointId: id, networkId: 1))
            #expect(second["evseId"] as? Int == evse.id.map { Int($0) })
            #expect(second["sessionId"] as? Int == session.id.map { Int($0) })
            #expect((second["chargingProfile"] as? [String: Any])?["purpose"] as? String == "TxProfile")
            #expect(charger.schemaViolations.isEmpty)
        }
    }

}

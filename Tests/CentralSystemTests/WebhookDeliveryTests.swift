import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Webhooks: notifications v2.0 and deliveries")
struct WebhookDeliveryTests {
    @Test("subscribe, read, list, update, unsubscribe; bad bodies are 422 naming the field")
    func subscriptionLifecycle() async throws {
        try await LivePublicAPI.with { api in
            let client = api.client
            let path = "/public-api/notifications/v2.0"
            let created = try await client.call(
                "POST", path,
                json: #"{"via":"webhook","notifications":["HardwareStatusNotification"],"#
                    + #""webhook":{"callbackUrl":"https://hooks.example.test/a"}}"#)
            #expect(created.status == 201)
            let id = try #require(created.data["id"] as? Int)
            #expect(created.data["via"] as? String == "webhook")
            #expect(
                (created.data["webhook"] as? [String: Any])?["callbackUrl"] as? String == "https://hooks.example.test/a"
            )
            #expect(
                try await client.call("GET", "\(path)/\(id)").data["notifications"] as? [String] == [
                    "HardwareStatusNotification"
                ])
            let kafka = try await client.call(
                "POST", path,
                json: #"{"via":"kafka","notifications":["session.start.stop.notification"],"#
                    + #""kafka":{"topic":"t","brokers":["b:9092"],"saslPassword":"secret"}}"#)
            #expect(kafka.status == 201)
            #expect((kafka.data["kafka"] as? [String: Any])?["saslPassword"] == nil)
            let list = try await client.call("GET", "\(path)?per_page=1")
            #expect(list.list.count == 1)
            #expect((list.json["meta"] as? [String: Any])?["next_cursor"] is String)

            let updated = try await client.call(
                "PUT", "\(path)/\(id)",
                json: #"{"via":"webhook","notifications":["BootNotification","evse.changed"],"#
                    + #""webhook":{"callbackUrl":"http://127.0.0.1:9/b"}}"#)
            #expect(updated.status == 200)
            #expect(updated.data["notifications"] as? [String] == ["BootNotification", "evse.changed"])

            let refusals: [(String, String)] = [
                (
                    #"{"via":"webhook","notifications":["NoSuchEvent"],"webhook":{"callbackUrl":"http://a.test"}}"#,
                    "notifications.0"
                ),
                (#"{"via":"webhook","notifications":[]}"#, "notifications"),
                (#"{"via":"webhook","notifications":["BootNotification"]}"#, "webhook"),
                (
                    #"{"via":"webhook","notifications":["BootNotification"],"webhook":{"callbackUrl":"ftp://x"}}"#,
                    "webhook.callbackUrl"
                ),
                (#"{"via":"pigeon","notifications":["BootNotification"]}"#, "via"),
                (#"{"via":"kafka","notifications":["BootNotification"],"kafka":{"topic":"t"}}"#, "kafka.brokers"),
            ]
            for (body, field) in refusals {
                let reply = try await client.call("POST", path, json: body)
                #expect(reply.status == 422, "\(body)")
                #expect((reply.json["errors"] as? [String: Any])?[field] != nil, "\(body): \(reply.text)")
            }
            #expect(try await client.call("DELETE", "\(path)/\(id)").status == 204)
            #expect(try await client.call("GET", "\(path)/\(id)").status == 404)
            #expect(try await client.call("DELETE", "\(path)/\(id)").status == 404)
            #expect(try await client.call("GET", "\(path)/abc").status == 404)
            #expect(try await client.call("GET", path, token: .some(nil)).status == 401)
        }
    }

    @Test("a charger's session, EVSE and network changes are POSTed signed; a 500 is retried; the log shows both")
    func deliveries() async throws {
        let receiver = try await LoopbackHTTPServer.start(uploadStatuses: [500])
        defer { Task { try? await receiver.close() } }
        try await EmbeddedHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let events = [
                "NetworkStatusNotification", "BootNotification", "HardwareStatusNotification",
                "session.start.stop.notification", "SessionUpdateNotification", "SecurityEventNotification",
                "idTag.changed",
            ]
            let eventList = events.map { "\"\($0)\"" }.joined(separator: ",")
            let created = try await harness.client.call(
                "POST", "/public-api/notifications/v2.0",
                json: #"{"via":"webhook","notifications":[\#(eventList)],"#
                    + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
            #expect(created.status == 201)
            let subscriptionId = try #require(created.data["id"] as? Int)

            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            _ = try await charger.call(status(1, .preparing))
            let started = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 1000, timestamp: at(10)))
            _ = try await charger.call(status(1, .charging))
            _ = try await charger.call(
                MeterValuesRequest(
                    connectorId: 1, transactionId: started.transactionId,
                    meterValue: [energySample(1800, power: 7400, at: at(70))]))
            _ = try await charger.call(
                StopTransactionRequest(meterStop: 2500, timestamp: at(130), transactionId: started.transactionId))
            _ = try await charger.call(
                SecurityEventNotificationRequest(type: "StartupOfTheDevice", timestamp: at(1), techInfo: "cold boot"))

            let tag = try await harness.client.call(
                "POST", "/public-api/resources/id-tags/v2.0",
                json: #"{"idTagUid":"T-9","status":"enabled","type":"rfid"}"#)
            #expect(tag.status == 201)

            try await EmbeddedHarness.eventually("the stop notification") {
                receiver.uploads.contains { $0.jsonObject["action"] as? String == "stop" }
                    && receiver.uploads.contains { $0.jsonObject["notification"] as? String == "idTag.changed" }
                    && receiver.uploads.filter { $0.body == receiver.uploads.first?.body }.count == 2
                    && receiver.uploads.contains {
                        $0.jsonObject["notification"] as? String == "SecurityEventNotification"
                    }
            }
            let uploads = receiver.uploads
            for upload in uploads {
                let body = upload.jsonObject
                #expect(upload.path == "/hooks")
                #expect(
                    upload.headers["x-signature"]
                        == HMACSHA256.hex(key: EmbeddedHarness.token, message: upload.body))
                #expect(upload.headers["x-webhook-id"] == String(subscriptionId))
                #expect(upload.headers["x-webhook-type"] == body["notification"] as? String)
                #expect(upload.headers["content-type"] == "application/json")
                let stamp = upload.headers["x-timestamp"] ?? ""
                #expect(
                    stamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression) != nil,
                    "\(stamp)")
                #expect(events.contains(body["notification"] as? String ?? ""), "\(body)")
            }
            // The first POST was answered 500 and the same bytes came again.
            let first = try #require(uploads.first)
            #expect(uploads.filter { $0.body == first.body }.count == 2)

            let network = uploads.map(\.jsonObject).first {
                $0["notification"] as? String == "NetworkStatusNotification"
            }
            #expect(network?["networkStatus"] as? String == "available")
            let hardware = uploads.map(\.jsonObject).filter {
                $0["notification"] as? String == "HardwareStatusNotification"
            }
            #expect(hardware.compactMap { $0["hardwareStatus"] as? String } == ["preparing", "charging"])
            let startStop = uploads.map(\.jsonObject).filter {
                $0["notification"] as? String == "session.start.stop.notification"
            }
            #expect(startStop.compactMap { $0["action"] as? String } == ["start", "stop"])
            let stop = try #require(startStop.last)
            #expect(stop["meterStart"] as? Int == 1000)
            #expect(stop["meterStop"] as? Int == 2500)
            #expect(stop["energyConsumed"] as? Int == 1500)
            let updates = uploads.map(\.jsonObject).filter {
                $0["notification"] as? String == "SessionUpdateNotification"
            }
            let statuses = updates.compactMap { ($0["session"] as? [String: Any])?["status"] as? String }
            #expect(statuses.first == "active")
            #expect(statuses.last == "finished")
            let security = uploads.map(\.jsonObject).first {
                $0["notification"] as? String == "SecurityEventNotification"
            }
            #expect(security?["type"] as? String == "StartupOfTheDevice")
            #expect(security?["critical"] as? Bool == true)
            let tagChanged = uploads.map(\.jsonObject).first { $0["notification"] as? String == "idTag.changed" }
            #expect(tagChanged?["action"] as? String == "created")
            #expect(tagChanged?["idTagsId"] as? Int == tag.data["id"] as? Int)

            // The delivery log: attempt 1 (500, with a retry time), attempt 2 of the same delivery (201).
            let logPath = "/public-api/notifications/v2.0/\(subscriptionId)/deliveries?per_page=100"
            let client = harness.client
            // An attempt is logged once its answer is in, just after the receiver saw it.
            try await EmbeddedHarness.eventually("every attempt logged") {
                try await client.call("GET", logPath).list.count == uploads.count
            }
            let log = try await client.call("GET", logPath)
            #expect(log.status == 200)
            let entries = log.list
            let failed = try #require(entries.first)
            #expect(failed["attempt"] as? Int == 1)
            #expect(failed["responseStatus"] as? Int == 500)
            #expect(failed["nextAttemptAt"] is String)
            let retried = entries.filter { ($0["deliveryId"] as? String) == (failed["deliveryId"] as? String) }
            #expect(retried.compactMap { $0["attempt"] as? Int } == [1, 2])
            #expect(retried.last?["responseStatus"] as? Int == 201)
            #expect(entries.filter { $0["responseStatus"] as? Int == 201 }.count == uploads.count - 1)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("a retry still waiting when the central system stops is made after the next start")
    func retryResumesAfterRestart() async throws {
        let receiver = try await LoopbackHTTPServer.start(uploadStatuses: [503])
        defer { Task { try? await receiver.close() } }
        let directory = try TemporaryDirectory(prefix: "chargesim-webhook-resume")
        defer { directory.remove() }
        // Long enough that a loaded machine cannot reach the retry between the first attempt's log
        // entry and the shutdown (2 s did once, with a build running beside the suite).
        let retry = WebhookRetryPolicy(initialDelay: .seconds(8))
        var harness = try await EmbeddedHarness.start(directory: directory, retry: retry)
        let created = try await harness.client.call(
            "POST", "/public-api/notifications/v2.0",
            json: #"{"via":"webhook","notifications":["idTag.changed"],"#
                + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
        let subscriptionId = try #require(created.data["id"] as? Int)
        let log = "/public-api/notifications/v2.0/\(subscriptionId)/deliveries"
        _ = try await harness.client.call(
            "POST", "/public-api/resources/id-tags/v2.0", json: #"{"idTagUid":"T-1","status":"enabled","type":"rfid"}"#)
        let client = harness.client
        try await EmbeddedHarness.eventually("the failed first attempt in the log") {
            try await client.call("GET", log).list.count == 1
        }
        await harness.system.shutdown()
        #expect(receiver.uploads.count == 1)

        harness = try await EmbeddedHarness.start(directory: directory, retry: retry)
        let restarted = harness.client
        try await EmbeddedHarness.eventually("the resumed retry") {
            try await restarted.call("GET", log).list.count == 2
        }
        let entries = try await restarted.call("GET", log).list
        #expect(entries.compactMap { $0["attempt"] as? Int } == [1, 2])
        #expect(entries.compactMap { $0["responseStatus"] as? Int } == [503, 201])
        #expect(entries[0]["deliveryId"] as? String == entries[1]["deliveryId"] as? String)
        #expect(receiver.uploads.count == 2)
        #expect(receiver.uploads[0].body == receiver.uploads[1].body)
        await harness.system.shutdown()
    }

    @Test("reserve and cancel through a charger fire reservation.changed: active, then canceled")
    func reservationChanged() async throws {
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }
        try await EmbeddedHarness.run { harness in
            let chargePoint = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let client = harness.client
            _ = try await client.call(
                "POST", "/public-api/notifications/v2.0",
                json: #"{"via":"webhook","notifications":["reservation.changed"],"#
                    + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/r"}}"#)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let id = chargePoint.id ?? 0
            let reserve = Task {
                try await client.call(
                    "POST", "/public-api/actions/charge-point/v1.0/\(id)/reserve/1", json: #"{"userId":7}"#)
            }
            let reserveNow = try #require(await charger.nextCall())
            try await charger.answer(reserveNow, with: ReserveNowResponse(status: .accepted))
            let reserved = try await reserve.value
            #expect(reserved.status == 202)
            let reservationId = try #require(reserved.json["reservationId"] as? Int)
            let cancel = Task {
                try await client.call(
                    "POST", "/public-api/actions/reservation/v1.0/\(reservationId)/cancel", json: "{}")
            }
            let cancelCall = try #require(await charger.nextCall())
            try await charger.answer(cancelCall, with: CancelReservationResponse(status: .accepted))
            #expect(try await cancel.value.status == 202)
            try await EmbeddedHarness.eventually("two reservation notifications") { receiver.uploads.count == 2 }
            let bodies = receiver.uploads.map(\.jsonObject)
            #expect(bodies.compactMap { $0["status"] as? String } == ["active", "canceled"])
            #expect(bodies.allSatisfy { $0["reservationId"] as? Int == reservationId })
        }
    }

    @Test("retry policy: exponential, capped, bounded")
    func retryPolicy() {
        let policy = WebhookRetryPolicy(
            maximumAttempts: 5, initialDelay: .seconds(1), multiplier: 3, maximumDelay: .seconds(10))
        #expect(
            (1...5).map { policy.delay(afterAttempt: $0) } == [
                .seconds(1), .seconds(3), .seconds(9), .seconds(10), nil,
            ])
        #expect(WebhookRetryPolicy.isDelivered(status: 202))
        #expect(!WebhookRetryPolicy.isDelivered(status: 500))
        #expect(!WebhookRetryPolicy.isDelivered(status: nil))
    }

    @Test("HMAC-SHA256 matches RFC 4231 test case 2")
    func hmac() {
        #expect(
            HMACSHA256.hex(key: "Jefe", message: Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

}

import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Configuration cache v2.0")
struct ConfigurationCacheTests {
    @Test("sync fills the cache; PATCH sets the key on the charger; rejected or offline is 406")
    func syncListPatch() async throws {
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }
        try await EmbeddedHarness.run { harness in
            let chargePoint = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let client = harness.client
            let id = chargePoint.id ?? 0
            let base = "/public-api/resources/charge-points/v2.0/\(id)/configurations"
            let subscribed = try await client.call(
                "POST", "/public-api/notifications/v2.0",
                json: #"{"via":"webhook","notifications":["ChargePointSyncConfigurationNotification"],"#
                    + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/sync"}}"#)
            #expect(subscribed.status == 201)

            let sync = Task {
                try await client.call(
                    "POST", "/public-api/actions/charge-point/v1.0/\(id)/sync-configuration", json: "{}")
            }
            let get = try #require(await charger.nextCall())
            #expect(get.action == "GetConfiguration")
            try await charger.answer(
                get,
                with: GetConfigurationResponse(configurationKey: [
                    KeyValue(key: "HeartbeatInterval", readonly: false, value: "300"),
                    KeyValue(key: "NumberOfConnectors", readonly: true, value: "1"),
                ]))
            let synced = try await sync.value
            #expect(synced.status == 202)
            try await EmbeddedHarness.eventually("the sync notification") { !receiver.uploads.isEmpty }
            let notification = try #require(
                (try? JSONSerialization.jsonObject(with: Data(receiver.uploads[0].body))) as? [String: Any])
            #expect(notification["notification"] as? String == "ChargePointSyncConfigurationNotification")
            #expect(notification["requestId"] as? Int == synced.json["requestId"] as? Int)
            #expect((notification["configuration"] as? [[String: Any]])?.count == 2)

            let list = try await client.call("GET", base)
            #expect(list.status == 200)
            #expect(
                list.list.compactMap { ($0["key"] as? [String: Any])?["name"] as? String } == [
                    "HeartbeatInterval", "NumberOfConnectors",
                ])
            #expect(try await client.call("GET", base + "?filter[name]=NumberOfConnectors").list.count == 1)
            let one = try await client.call("GET", base + "/NumberOfConnectors")
            #expect(one.data["readonly"] as? Bool == true)
            #expect(try await client.call("GET", base + "/Nope").status == 404)

            let patch = Task { try await client.call("PATCH", base + "/HeartbeatInterval", json: #"{"value":"60"}"#) }
            let change = try #require(await charger.nextCall())
            let request = try change.decode(ChangeConfigurationRequest.self)
            #expect(request.key.value == "HeartbeatInterval")
            #expect(request.value.value == "60")
            try await charger.answer(change, with: ChangeConfigurationResponse(status: .accepted))
            let patched = try await patch.value
            #expect(patched.status == 200)
            #expect((patched.data["key"] as? [String: Any])?["value"] as? String == "60")

            let refused = Task { try await client.call("PATCH", base + "/HeartbeatInterval", json: #"{"value":"1"}"#) }
            let second = try #require(await charger.nextCall())
            try await charger.answer(second, with: ChangeConfigurationResponse(status: .rejected))
            #expect(try await refused.value.status == 406)
            #expect(try await client.call("PATCH", base + "/HeartbeatInterval", json: "{}").status == 422)

            await charger.close()
            try await EmbeddedHarness.eventually("the charger is offline") {
                try await harness.store.chargePoint(id: id)?.networkStatus != .available
            }
            let offline = try await client.call("PATCH", base + "/HeartbeatInterval", json: #"{"value":"5"}"#)
            #expect(offline.status == 406)
            #expect((offline.json["message"] as? String)?.contains("offline") == true)
            let cached = try await client.call("GET", base + "/HeartbeatInterval")
            #expect((cached.data["key"] as? [String: Any])?["value"] as? String == "60")
        }
    }
}

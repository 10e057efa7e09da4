import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// Each control API call over real loopback HTTP against a fleet connected to a
/// `LoopbackCentralSystem`, asserting what the central system receives.
@Suite(.serialized) struct ControlAPILiveTests {
    static let ev = #"{"ev":{"name":"Test EV","batteryCapacityKWh":60,"socPercent":30,"maxPowerKW":11}}"#

    @Test func plugPresentTagStopUnplugDriveATransaction() async throws {
        let harness = try await ControlHarness.start()
        let client = harness.client
        let plugged = try await client.call("POST", "/chargers/FT1/connectors/1/plug", json: Self.ev)
        #expect(plugged.status == 200)
        #expect(plugged.json["status"] as? String == "Preparing")
        #expect((plugged.json["ev"] as? [String: Any])?["socPercent"] as? Double == 30)
        try await harness.central.wait(for: "Preparing") { _ in harness.statuses("FT1").last?.status == .preparing }

        let tagged = try await client.call("POST", "/chargers/FT1/connectors/1/id-tag", json: #"{"idTag":"CARD-7"}"#)
        #expect(tagged.status == 200)
        try await harness.central.wait(for: "StartTransaction and Charging") { central in
            central.requests(StartTransactionRequest.self, from: "FT1").count == 1
                && harness.statuses("FT1").last?.status == .charging
        }
        let start = try #require(harness.central.requests(StartTransactionRequest.self, from: "FT1").first)
        #expect(start.idTag.value == "CARD-7" && start.connectorId == 1)
        #expect(harness.central.requests(AuthorizeRequest.self, from: "FT1").map(\.idTag.value) == ["CARD-7"])

        let charger = try await client.call("GET", "/chargers/FT1")
        let connector = try #require((charger.json["connectors"] as? [[String: Any]])?.last)
        #expect(connector["status"] as? String == "Charging")
        #expect(connector["transactionId"] as? Int != nil)
        #expect((connector["powerW"] as? Double ?? 0) > 0)
        #expect(charger.json["link"] as? String == "connected")

        let stopped = try await client.call("POST", "/chargers/FT1/connectors/1/stop")
        #expect(stopped.status == 200)
        try await harness.central.wait(for: "StopTransaction") { central in
            !central.requests(StopTransactionRequest.self, from: "FT1").isEmpty
        }
        #expect(harness.central.requests(StopTransactionRequest.self, from: "FT1").first?.reason == .local)
        let again = try await client.call("POST", "/chargers/FT1/connectors/1/stop")
        #expect(again.status == 409)
        #expect(again.json["error"] as? String == "no_transaction")

        #expect(try await client.call("POST", "/chargers/FT1/connectors/1/unplug").status == 200)
        try await harness.central.wait(for: "Available again") { _ in
            harness.statuses("FT1").last?.status == .available
        }
        #expect(harness.central.schemaViolations == [])
        try await harness.stop()
    }

    @Test func plugWithoutAnEVDrawsOneFromTheProfileAndARefusedSecondPlugSaysWhy() async throws {
        let harness = try await ControlHarness.start()
        let first = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug")
        #expect(first.status == 200)
        #expect((first.json["ev"] as? [String: Any])?["name"] as? String == "Hatchback")
        let second = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug", json: Self.ev)
        #expect(second.status == 409)
        #expect(second.json["error"] as? String == "already_plugged")
        try await harness.stop()
    }

    @Test func faultReportsFaultedWithTheErrorCodeAndClearingRestoresAvailable() async throws {
        let harness = try await ControlHarness.start()
        let set = try await harness.client.call(
            "POST", "/chargers/FT1/connectors/1/fault",
            json: #"{"errorCode":"GroundFailure","info":"RCD tripped","vendorErrorCode":"E-17"}"#)
        #expect(set.status == 200)
        #expect(set.json["status"] as? String == "Faulted")
        try await harness.central.wait(for: "Faulted") { _ in harness.statuses("FT1").last?.status == .faulted }
        let faulted = try #require(harness.statuses("FT1").last)
        #expect(faulted.errorCode == .groundFailure)
        #expect(faulted.info?.value == "RCD tripped")
        #expect(faulted.vendorErrorCode?.value == "E-17")

        #expect(try await harness.client.call("DELETE", "/chargers/FT1/connectors/1/fault").status == 200)
        try await harness.central.wait(for: "Available") { _ in harness.statuses("FT1").last?.status == .available }
        #expect(harness.statuses("FT1").last?.errorCode == ChargePointErrorCode.noError)
        try await harness.stop()
    }

    @Test func offlineDropsTheConnectionUntilOnlineReconnects() async throws {
        let harness = try await ControlHarness.start()
        let upgrades = harness.central.upgradeCount("FT1")
        let offline = try await harness.client.call("POST", "/chargers/FT1/offline")
        #expect(offline.status == 200)
        try await harness.central.wait(for: "the connection dropped") { !$0.connectedChargePoints.contains("FT1") }
        // The fixture's backoff is at most 0.5 s: a charger that would reconnect has done so by
        // the time a plug-in and a GET went through and 1 s passed.
        #expect(try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug", json: Self.ev).status == 200)
        try await Task.sleep(for: .seconds(1))
        #expect(harness.central.upgradeCount("FT1") == upgrades)
        #expect(try await harness.client.call("GET", "/chargers/FT1").json["link"] as? String == "offline")

        #expect(try await harness.client.call("POST", "/chargers/FT1/online").status == 200)
        try await harness.central.wait(for: "a reconnection") { $0.connectedChargePoints.contains("FT1") }
        #expect(harness.central.upgradeCount("FT1") == upgrades + 1)
        // What happened offline is reported once back.
        try await harness.central.wait(for: "Preparing after the reconnect") { _ in
            harness.statuses("FT1").last?.status == .preparing
        }
        try await harness.stop()
    }

    @Test func rebootStopsTheTransactionAndBootsAgain() async throws {
        let harness = try await ControlHarness.start()
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug", json: Self.ev)
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/id-tag", json: #"{"idTag":"CARD-1"}"#)
        try await harness.central.wait(for: "a transaction") {
            !$0.requests(StartTransactionRequest.self, from: "FT1").isEmpty
        }
        let reboot = try await harness.client.call("POST", "/chargers/FT1/reboot")
        #expect(reboot.status == 202)
        try await harness.central.wait(for: "StopTransaction (Reboot) and a second boot") { central in
            central.requests(StopTransactionRequest.self, from: "FT1").first?.reason == .reboot
                && central.calls(from: "FT1", BootNotificationRequest.action).count == 2
        }
        try await harness.stop()
    }

    @Test func configurationChangesApplyLocallyAndBadValuesAreRefused() async throws {
        let harness = try await ControlHarness.start()
        let changed = try await harness.client.call(
            "PUT", "/chargers/FT1/configuration/HeartbeatInterval", json: #"{"value":"77"}"#)
        #expect(changed.status == 200)
        #expect(changed.json["status"] as? String == "Accepted")
        let read = try await harness.central.call(
            GetConfigurationRequest(key: [try CiString50("HeartbeatInterval")]), to: "FT1")
        #expect(read.configurationKey?.first?.value?.value == "77")

        let rejected = try await harness.client.call(
            "PUT", "/chargers/FT1/configuration/HeartbeatInterval", json: #"{"value":"often"}"#)
        #expect(rejected.status == 422)
        #expect((rejected.json["message"] as? String)?.contains("HeartbeatInterval=often") == true)
        let unknown = try await harness.client.call(
            "PUT", "/chargers/FT1/configuration/NoSuchKey", json: #"{"value":"1"}"#)
        #expect(unknown.status == 404)
        #expect(unknown.json["error"] as? String == "unknown_key")
        try await harness.stop()
    }

    @Test func chargersAreAddedAndRemovedAtRuntimeAndDuplicateIdsRefused() async throws {
        let harness = try await ControlHarness.start()
        let added = try await harness.client.call("POST", "/chargers", json: #"{"chargePointId":"NEW-1"}"#)
        #expect(added.status == 201)
        #expect(added.json["chargePointId"] as? String == "NEW-1")
        try await harness.central.wait(for: "NEW-1 boots") {
            !$0.calls(from: "NEW-1", BootNotificationRequest.action).isEmpty
        }

        let duplicate = try await harness.client.call("POST", "/chargers", json: #"{"chargePointId":"FT1"}"#)
        #expect(duplicate.status == 409)
        #expect(duplicate.json["error"] as? String == "duplicate_id")
        #expect((duplicate.json["message"] as? String)?.contains("'FT1'") == true)
        let badProfile = try await harness.client.call(
            "POST", "/chargers", json: #"{"chargePointId":"NEW-2","profile":"nope"}"#)
        #expect(badProfile.status == 422)
        #expect((badProfile.json["message"] as? String)?.contains("fleet-test") == true)

        let listed = try await harness.client.call("GET", "/chargers")
        #expect(
            (listed.json["chargers"] as? [[String: Any]])?.compactMap { $0["chargePointId"] as? String } == [
                "FT1", "NEW-1",
            ])

        let removed = try await harness.client.call("DELETE", "/chargers/NEW-1")
        #expect(removed.status == 200)
        try await harness.central.wait(for: "NEW-1 gone") { !$0.connectedChargePoints.contains("NEW-1") }
        #expect(try await harness.client.call("GET", "/chargers/NEW-1").status == 404)
        #expect(try await harness.client.call("DELETE", "/chargers/NEW-1").status == 404)
        try await harness.stop()
    }

    @Test func badRequestsGetJSONErrorsThatSayWhatToFix() async throws {
        let harness = try await ControlHarness.start()
        let cases: [(String, String, String?, Int, String)] = [
            ("GET", "/chargers/NOPE", nil, 404, "no charger 'NOPE'"),
            ("POST", "/chargers/FT1/connectors/9/plug", Self.ev, 422, "FT1 has connectors 1 to 1"),
            ("POST", "/chargers/FT1/connectors/x/plug", Self.ev, 400, "connectorId must be an integer"),
            ("POST", "/chargers/FT1/connectors/1/plug", "{not json", 400, "not valid JSON"),
            (
                "POST", "/chargers/FT1/connectors/1/plug", #"{"ev":{"socPercent":3,"maxPowerKW":1}}"#, 400,
                "batteryCapacityKWh"
            ),
            (
                "POST", "/chargers/FT1/connectors/1/plug",
                #"{"ev":{"batteryCapacityKWh":60,"socPercent":130,"maxPowerKW":1}}"#,
                422, "socPercent must be 0 to 100"
            ),
            ("POST", "/chargers/FT1/connectors/1/id-tag", #"{"idTag":"123456789012345678901"}"#, 422, "1 to 20"),
            ("POST", "/chargers/FT1/connectors/1/fault", #"{"errorCode":"NoError"}"#, 422, "GroundFailure"),
            ("POST", "/chargers/FT1/connectors/1/unplug", nil, 409, "no EV is plugged"),
            ("GET", "/no/such/route", nil, 404, "GET /openapi.json lists them"),
            ("PATCH", "/chargers", nil, 405, "use GET or POST"),
            ("GET", "/events?types=bogus", nil, 422, "frame, link, connectors"),
        ]
        for (method, path, body, status, message) in cases {
            let reply = try await harness.client.call(method, path, json: body)
            #expect(reply.status == status, "\(method) \(path)")
            #expect(reply.headers["content-type"] == "application/json", "\(method) \(path)")
            #expect((reply.json["message"] as? String)?.contains(message) == true, "\(method) \(path): \(reply.text)")
        }
        try await harness.stop()
    }

    @Test func theOpenAPIDocumentListsExactlyTheServedRoutes() async throws {
        let harness = try await ControlHarness.start()
        let document = try await harness.client.call("GET", "/openapi.json")
        #expect(document.json["openapi"] as? String == "3.0.3")
        let paths = try #require(document.json["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(documented == Set(harness.server.routeSignatures))
        #expect(harness.server.routeSignatures.count == documented.count)
        try await harness.stop()
    }

    @Test func aTokenIsRequiredWhenSetAndNonLoopbackWithoutOneIsRefused() async throws {
        let token = "control-token-0123456789"
        let harness = try await ControlHarness.start(token: token)
        let anonymous = try await harness.client.call("GET", "/chargers", token: .some(nil))
        #expect(anonymous.status == 401)
        #expect((anonymous.json["message"] as? String)?.contains("Authorization: Bearer") == true)
        #expect(try await harness.client.call("GET", "/chargers", token: .some("wrong-token-0123456789")).status == 401)
        #expect(try await harness.client.call("GET", "/chargers").status == 200)
        #expect(try await harness.client.call("GET", "/chargers?token=\(token)", token: .some(nil)).status == 200)
        #expect(try await harness.client.call("GET", "/", token: .some(nil)).status == 200)
        #expect(try await harness.client.call("GET", "/openapi.json", token: .some(nil)).status == 200)

        #expect(ControlServerConfiguration(host: "0.0.0.0").problem?.contains("--control-token") == true)
        #expect(ControlServerConfiguration(host: "0.0.0.0", token: token).problem == nil)
        #expect(throws: ControlFailure.self) {
            try ControlServer(
                fleet: harness.fleet, profiles: [], configuration: ControlServerConfiguration(host: "0.0.0.0"))
        }
        try await harness.stop()
    }

    @Test func answersMatchTheSchemasOfTheOpenAPIDocument() async throws {
        let harness = try await ControlHarness.start()
        let document = try await harness.client.call("GET", "/openapi.json").json
        func violations(_ reply: APIHTTPClient.Reply, _ schema: String) throws -> [String] {
            let validator = try JSONSchemaValidator(schema: [
                "$ref": "#/components/schemas/\(schema)", "components": document["components"] ?? [:],
            ])
            return try validator.validate(json: reply.body).map(\.description)
        }
        let plugged = try await harness.client.call("POST", "/chargers/FT1/connectors/1/plug", json: Self.ev)
        #expect(try violations(plugged, "ConnectorOverview") == [])
        _ = try await harness.client.call("POST", "/chargers/FT1/connectors/1/id-tag", json: #"{"idTag":"CARD-1"}"#)
        try await harness.central.wait(for: "Charging") { _ in harness.statuses("FT1").last?.status == .charging }
        let charger = try await harness.client.call("GET", "/chargers/FT1")
        #expect(charger.text.contains("sessionEnergyWh") && charger.text.contains("transactionId"))
        #expect(try violations(charger, "ChargerOverview") == [])
        // The schemas are closed: a charger is not a connector.
        #expect(try !violations(charger, "ConnectorOverview").isEmpty)
        #expect(try violations(try await harness.client.call("GET", "/chargers"), "FleetListing") == [])
        let configuration = try await harness.client.call(
            "PUT", "/chargers/FT1/configuration/HeartbeatInterval", json: #"{"value":"60"}"#)
        #expect(try violations(configuration, "ConfigurationAnswer") == [])
        let failure = try await harness.client.call("GET", "/chargers/NOPE")
        #expect(try violations(failure, "Error") == [])
        try await harness.stop()
    }
}

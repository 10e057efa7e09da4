import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

/// The OpenAPI document describes the real body of every response (reference §2.6): the structure
/// of the document, and real bodies from a live central system with a connected charger checked
/// against it.
@Suite("OpenAPI response schemas")
struct APIResponseSchemaTests {
    /// The 202 answers reference §5 documents with no body.
    static let bodilessAccepted: Set<String> = [
        "stopSession", "changeAvailability", "clearChargingProfile", "triggerMessage", "triggerMessageOnEVSE",
        "cancelReservation", "resetSecurityProfile", "changeOwner", "setConfiguration", "updateFirmware",
        "installCertificate", "deleteCertificate", "syncCertificates",
    ]

    @Test func everyDocumentedResponseHasADescriptiveSchema() async throws {
        try await LivePublicAPI.with { api in
            let document = try await api.client.call("GET", PublicAPIServer.openAPIPath).json
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            var bodiless: Set<String> = []
            var checked = 0
            for (path, operations) in paths {
                for (method, value) in operations {
                    let operation = try #require(value as? [String: Any])
                    let id = operation["operationId"] as? String ?? "\(method) \(path)"
                    let responses = try #require(operation["responses"] as? [String: [String: Any]])
                    for (status, response) in responses {
                        let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?[
                            "schema"]
                        guard let schema else {
                            if status == "202" { bodiless.insert(id) }
                            #expect(status == "204" || status == "202", "\(id) \(status) has no body schema")
                            continue
                        }
                        checked += 1
                        let problems = OpenAPIShape.problems(schema, document: document)
                        #expect(problems.isEmpty, "\(id) \(status): \(problems)")
                        if let code = Int(status), code >= 400 {
                            let resolved = OpenAPIShape.resolve(schema, document: document)
                            #expect(
                                (resolved["required"] as? [String])?.contains("message") == true,
                                "\(id) \(status) error body does not require message")
                        }
                    }
                }
            }
            #expect(bodiless == Self.bodilessAccepted)
            #expect(checked > 200)
            // Every component lists only properties it has as required, and every $ref resolves.
            for (name, schema) in schemas {
                #expect(OpenAPIShape.requiredTypos(schema).isEmpty, "\(name): \(OpenAPIShape.requiredTypos(schema))")
            }
            #expect(OpenAPIShape.unresolvedReferences(document, document: document).isEmpty)
        }
    }

    @Test func theValidatorCatchesWrongTypesMissingKeysAndUndocumentedFields() throws {
        let document: [String: Any] = [
            "components": [
                "schemas": [
                    "Session": [
                        "type": "object", "required": ["id", "userId"],
                        "properties": [
                            "id": ["type": "string"], "userId": ["type": "integer", "nullable": true],
                            "status": ["type": "string", "enum": ["active", "finished"]],
                        ],
                    ]
                ]
            ]
        ]
        let envelope: [String: Any] = [
            "type": "object", "required": ["data"],
            "properties": ["data": ["$ref": "#/components/schemas/Session"]],
        ]
        var validator = try JSONSchemaValidator(schema: envelope, document: document)
        validator.rejectsUndocumentedProperties = true
        #expect(validator.validate(["data": ["id": "1", "userId": NSNull(), "status": "active"]]).isEmpty)
        #expect(validator.validate(["data": ["id": 1, "userId": NSNull()]]).map(\.path) == ["data.id"])
        #expect(validator.validate(["data": ["id": "1"]]).map(\.path) == ["data.userId"])
        #expect(validator.validate(["data": ["id": "1", "userId": 2, "extra": 1]]).map(\.path) == ["data.extra"])
        #expect(validator.validate(["data": ["id": "1", "userId": 2, "status": "x"]]).map(\.path) == ["data.status"])
        let oneOf = try JSONSchemaValidator(schema: [
            "oneOf": [["type": "object", "required": ["a"]], ["type": "object", "required": ["b"]]]
        ])
        #expect(oneOf.validate(["a": 1]).isEmpty)
        #expect(oneOf.validate(["a": 1, "b": 2]).count == 1)
        #expect(oneOf.validate(["c": 1]).count == 1)
        let allOf = try JSONSchemaValidator(schema: ["allOf": [["type": "object"], ["required": ["a"]]]])
        #expect(allOf.validate(["b": 1]).map(\.message) == ["required property missing"])
    }

    @Test(.timeLimit(.minutes(2)))
    func realBodiesFromALiveChargerMatchTheDocument() async throws {
        try await EmbeddedFleet.with(chargers: 1) { fleet in
            let client = APIHTTPClient(port: fleet.system.apiPort, token: EmbeddedFleet.token)
            var checker = try await ResponseChecker(client: client)
            let chargePoint = String(try #require(try await fleet.systemId("BR1")))
            let cp = ["chargePoint": chargePoint]
            let actions = "/public-api/actions/charge-point/v1.0/{chargePoint}"

            let tariff = try await checker.check(
                "POST", "/public-api/resources/tariffs/v1.0", 201,
                json: #"{"name":"Std","type":"duration+energy","pricing":{"pricePerKwh":0.3,"connectionFee":1}}"#)
            let tariffId = String(try #require(tariff.data["id"] as? Int))
            let evses = try await checker.check(
                "GET", "/public-api/resources/evses/v2.1?filter[chargePointId]=\(chargePoint)", 200)
            let evse = String(try #require(evses.list.first?["id"] as? Int))
            _ = try await checker.check(
                "PATCH", "/public-api/resources/evses/v2.1/{evse}", 200, ["evse": evse],
                json: #"{"tariffGroupId":\#(tariffId)}"#)
            let tag = try await checker.check(
                "POST", "/public-api/resources/id-tags/v2.0", 201,
                json: #"{"idTagUid":"SCHEMA1","status":"enabled","type":"rfid","idLabel":"Schema"}"#)
            let tagId = String(try #require(tag.data["id"] as? Int))
            let location = try await checker.check(
                "POST", "/public-api/resources/locations/v2.0", 201,
                json: #"""
                    {"name":[{"locale":"en","translation":"Depot"}],"geoposition":{"latitude":42.7,"longitude":23.3},
                     "country":"BG","timezone":"Europe/Sofia"}
                    """#)
            let locationId = String(try #require(location.data["id"] as? Int))
            let subscription = try await checker.check(
                "POST", "/public-api/notifications/v2.0", 201,
                json:
                    #"{"via":"webhook","notifications":["HardwareStatusNotification"],"webhook":{"callbackUrl":"http://127.0.0.1:9/hook"}}"#
            )
            let notification = String(try #require(subscription.data["id"] as? Int))

            // The wallbox profile has no Reservation feature: reserve is a 406 naming the CALLERROR; a
            // reservation made in the store is listed, read, and force-cancelled.
            _ = try await checker.check(
                "POST", "\(actions)/reserve/{evse}", 406, cp.merging(["evse": "1"]) { $1 }, json: #"{"userId":7}"#)
            let stored = try await fleet.system.store.addReservation(
                chargePointId: Int64(chargePoint) ?? 0, evseId: Int64(evse) ?? 0, userId: 7, idTag: "U7",
                durationMinutes: 15, now: OCPPTimestamp(Date()))
            let reservation = String(try #require(stored.id))
            _ = try await checker.check("GET", "/public-api/resources/reservations/v1.0", 200)
            _ = try await checker.check(
                "GET", "/public-api/resources/reservations/v1.0/{reservation}", 200, ["reservation": reservation])
            _ = try await checker.check(
                "POST", "/public-api/actions/reservation/v1.0/{reservation}/cancel", 406, ["reservation": reservation],
                json: "{}")
            _ = try await checker.check(
                "POST", "/public-api/actions/reservation/v1.0/{reservation}/cancel", 202, ["reservation": reservation],
                json: #"{"force":true}"#)

            // A session through the real charger: start, energy, stop.
            let started = try await checker.check(
                "POST", "\(actions)/start/{evse}", 202, cp.merging(["evse": "1"]) { $1 }, json: "{}")
            #expect(started.json["success"] as? Bool == true)
            let session = try await waitForSession(client, status: "active") { ($0["energy"] as? Double ?? 0) > 0 }
            let ids = cp.merging(["session": session, "evse": evse]) { $1 }
            _ = try await checker.check("GET", "/public-api/resources/sessions/v1.0/{session}", 200, ids)
            _ = try await checker.check(
                "GET", "/public-api/resources/sessions/v1.0/{session}?withAuthorization=true", 200, ids)
            _ = try await checker.check(
                "GET", "/public-api/resources/sessions/v1.0/{session}/consumption-stats", 200, ids)
            _ = try await checker.check("POST", "\(actions)/trigger-message", 202, cp, json: #"{"type":"Heartbeat"}"#)
            _ = try await checker.check(
                "POST", "\(actions)/trigger-message", 406, cp, json: #"{"type":"SignV2GCertificate"}"#)
            _ = try await checker.check(
                "POST", "\(actions)/send-data-transfer", 200, cp, json: #"{"vendorId":"com.example","data":"x"}"#)
            _ = try await checker.check(
                "POST", "\(actions)/get-diagnostics", 202, cp, json: #"{"location":"ftp://127.0.0.1/diag"}"#)
            _ = try await checker.check("POST", "\(actions)/sync-configuration", 202, cp, json: #"{"keys":[]}"#)
            _ = try await checker.check(
                "POST", "\(actions)/set-charging-profile/{evseNetworkId}", 202,
                cp.merging(["evseNetworkId": "1"]) { $1 },
                json: #"""
                    {"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
                     "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}}
                    """#)
            _ = try await checker.check(
                "POST", "\(actions)/stop/{session}", 202, ids, json: "{}")
            _ = try await waitForSession(client, status: "finished") { $0["totalAmount"] != nil }

            // Every listing and read.
            let reads: [(String, [String: String])] = [
                ("/public-api/resources/charge-points/v2.0", [:]),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}", cp),
                // Every include[] at once: the expansions (objects or null) must match too.
                (
                    "/public-api/resources/charge-points/v2.0/{chargePoint}?" + ChargePointIncludeQuery.all,
                    cp
                ),
                ("/public-api/resources/charge-points/v2.0?" + ChargePointIncludeQuery.all, [:]),
                ("/public-api/resources/evses/v2.1/{evse}?include[]=chargingProfile&include[]=connectors", ids),
                ("/public-api/resources/charge-points/v1.0/{chargePoint}", cp),
                ("/public-api/resources/charge-points/v1.0/{chargePoint}/status", cp),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}/evses", cp),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}/evses/{evse}", ids),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}/evses/{evse}/connectors", ids),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}/configurations", cp),
                (
                    "/public-api/resources/charge-points/v2.0/{chargePoint}/configurations/{key}",
                    cp.merging(["key": "MeterValueSampleInterval"]) { $1 }
                ),
                ("/public-api/resources/charge-points/v2.0/{chargePoint}/notification-logs", cp),
                ("/public-api/resources/evses/v2.1", [:]),
                ("/public-api/resources/evses/v2.1/{evse}", ids),
                ("/public-api/resources/sessions/v1.0", [:]),
                ("/public-api/resources/sessions/v1.0?cursor=", [:]),
                ("/public-api/resources/sessions/v1.0/{session}", ids),
                ("/public-api/resources/id-tags/v2.0", [:]),
                ("/public-api/resources/id-tags/v2.0?cursor=", [:]),
                ("/public-api/resources/id-tags/v2.0/{idTag}", ["idTag": tagId]),
                ("/public-api/resources/authorizations/v2.1", [:]),
                ("/public-api/resources/locations/v2.0", [:]),
                ("/public-api/resources/locations/v2.0/{location}", ["location": locationId]),
                ("/public-api/resources/tariffs/v1.0", [:]),
                ("/public-api/resources/tariffs/v1.0/{tariff}", ["tariff": tariffId]),
                ("/public-api/resources/transactions/v1.0", [:]),
                ("/public-api/resources/invoices/v1.0", [:]),
                ("/public-api/notifications/v2.0", [:]),
                ("/public-api/notifications/v2.0/{notification}", ["notification": notification]),
                ("/public-api/notifications/v2.0/{notification}/deliveries", ["notification": notification]),
            ]
            for (template, parameters) in reads {
                _ = try await checker.check("GET", template, 200, parameters)
            }
            let finished = try await checker.check("GET", "/public-api/resources/sessions/v1.0/{session}", 200, ids)
            let snapshot = String(try #require(finished.data["tariffSnapshotId"] as? Int))
            _ = try await checker.check(
                "GET", "/public-api/resources/tariff-snapshots/v1.0/{tariffSnapshot}", 200, ["tariffSnapshot": snapshot]
            )
            let authorization = String(try #require(finished.data["authorizationId"] as? Int))
            _ = try await checker.check(
                "GET", "/public-api/resources/authorizations/v2.1/{authorization}", 200,
                ["authorization": authorization])
            let transactions = try await checker.check("GET", "/public-api/resources/transactions/v1.0", 200)
            let transaction = try #require(transactions.list.first)
            _ = try await checker.check(
                "GET", "/public-api/resources/transactions/v1.0/{transaction}", 200,
                ["transaction": String(try #require(transaction["id"] as? Int))])
            _ = try await checker.check(
                "GET", "/public-api/resources/invoices/v1.0/{invoice}", 200,
                ["invoice": String(try #require(transaction["invoiceId"] as? Int))])

            // Error bodies.
            _ = try await checker.check("GET", "/public-api/resources/charge-points/v2.0", 401, token: .some(nil))
            _ = try await checker.check(
                "GET", "/public-api/resources/charge-points/v2.0/{chargePoint}", 404, ["chargePoint": "999999"])
            _ = try await checker.check("GET", "/public-api/resources/sessions/v1.0?per_page=0", 422)
            _ = try await checker.check(
                "GET", "/public-api/resources/sessions/v1.0/{session}?withAuthorization=maybe", 422, ids)
            _ = try await checker.check(
                "POST", "/public-api/resources/charge-points/v2.0", 409,
                json: #"{"network":{"id":"BR1"}}"#)
            _ = try await checker.check("DELETE", "/public-api/resources/id-tags/v2.0/{idTag}", 204, ["idTag": tagId])
            #expect(checker.validated.count >= 50)

            // The same check fails on a wrong field type, a missing required key and an unknown field.
            let body = try await client.call("GET", "/public-api/resources/sessions/v1.0/\(session)")
            var data = body.data
            data["energy"] = "12"
            data["chargePointId"] = "1"
            data.removeValue(forKey: "startedAt")
            data["surprise"] = true
            let violations = try checker.violations(
                ["data": data], "GET", "/public-api/resources/sessions/v1.0/{session}", 200)
            #expect(
                Set(violations.map(\.path))
                    == ["data.energy", "data.chargePointId", "data.startedAt", "data.surprise"])
        }
    }

    /// Polls the session list until one has `status` and passes `condition`; its id.
    func waitForSession(
        _ client: APIHTTPClient, status: String, _ condition: @escaping @Sendable ([String: Any]) -> Bool
    ) async throws -> String {
        try await LiveTimeout.run("a session \(status)", seconds: 20) {
            while true {
                let list = try await client.call("GET", "/public-api/resources/sessions/v1.0?filter[status]=\(status)")
                if let session = list.list.first(where: condition), let id = session["id"] as? String { return id }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}

/// `include[]` with every value charge points v2.0 accept (reference §4.1).
enum ChargePointIncludeQuery {
    static let all = [
        "lastBootNotification", "chargingProfile", "smartCharging", "smartChargingPreferences",
        "personalSmartChargingPreferences", "availablePersonalSmartChargingModes",
    ].map { "include[]=\($0)" }.joined(separator: "&")
}

import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("EVSE and connector create/update/delete")
struct EVSEWriteTests {
    @Test("EVSEs v2.1 and nested: create, patch, delete; connectors CRUD; 409 and 422 say why")
    func evseAndConnectorLifecycle() async throws {
        try await LivePublicAPI.with { api in
            let client = api.client
            let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let other = try await api.store.registerChargePoint(identity: "CP2", evseCount: 0, now: t0)
            let cp = chargePoint.id ?? 0
            let body =
                #"{"chargePointId":\#(cp),"networkId":"2","physicalReference":"CP1-2","currentType":"dc","status":"enabled"}"#
            let created = try await client.call("POST", "/public-api/resources/evses/v2.1", json: body)
            #expect(created.status == 201)
            #expect(created.data["networkId"] as? String == "2")
            #expect(created.data["chargePointId"] as? Int == Int(cp))
            let evseId = try #require(created.data["id"] as? Int)
            #expect(try await client.call("POST", "/public-api/resources/evses/v2.1", json: body).status == 409)
            let missing = try await client.call(
                "POST", "/public-api/resources/evses/v2.1",
                json: #"{"networkId":"3","physicalReference":"x","currentType":"ac","status":"enabled"}"#)
            #expect((missing.json["errors"] as? [String: Any])?["chargePointId"] != nil)
            let badNetwork = try await client.call(
                "POST", "/public-api/resources/charge-points/v2.0/\(cp)/evses",
                json: #"{"networkId":"0","physicalReference":"x","currentType":"ac","status":"enabled"}"#)
            #expect((badNetwork.json["errors"] as? [String: Any])?["networkId"] != nil)
            let nested = try await client.call(
                "POST", "/public-api/resources/charge-points/v2.0/\(cp)/evses",
                json: #"{"networkId":"3","physicalReference":"CP1-3","currentType":"ac","status":"disabled"}"#)
            #expect(nested.status == 201)
            #expect(nested.data["chargePointId"] == nil)

            let patched = try await client.call(
                "PATCH", "/public-api/resources/evses/v2.1/\(evseId)",
                json: #"{"status":"out of order","powerOptions":{"maxPower":50000}}"#)
            #expect(patched.status == 200)
            #expect(patched.data["status"] as? String == "out of order")
            #expect((patched.data["powerOptions"] as? [String: Any])?["maxPower"] as? Int == 50000)
            #expect(patched.data["physicalReference"] as? String == "CP1-2")
            #expect(
                try await client.call(
                    "PATCH", "/public-api/resources/charge-points/v2.0/\(other.id ?? 0)/evses/\(evseId)", json: "{}"
                ).status == 404)

            let connectors = "/public-api/resources/charge-points/v2.0/\(cp)/evses/\(evseId)/connectors"
            let plug = try await client.call("POST", connectors, json: #"{"type":"ccs2","format":"cable"}"#)
            #expect(plug.status == 201)
            let connectorId = try #require(plug.data["id"] as? Int)
            #expect(try await client.call("POST", connectors, json: #"{"type":"warp"}"#).status == 422)
            #expect(try await client.call("GET", connectors).list.count == 1)
            let disabled = try await client.call(
                "PATCH", "\(connectors)/\(connectorId)", json: #"{"status":"disabled"}"#)
            #expect(disabled.data["status"] as? String == "disabled")
            #expect(disabled.data["type"] as? String == "ccs2")
            #expect(try await client.call("GET", "\(connectors)/\(connectorId)").data["format"] as? String == "cable")
            let evse = try await client.call("GET", "/public-api/resources/evses/v2.1/\(evseId)")
            #expect((evse.data["connectors"] as? [[String: Any]])?.count == 1)
            #expect(try await client.call("DELETE", "\(connectors)/\(connectorId)").status == 204)
            #expect(try await client.call("GET", "\(connectors)/\(connectorId)").status == 404)

            #expect(try await client.call("DELETE", "/public-api/resources/evses/v2.1/\(evseId)").status == 204)
            #expect(try await client.call("GET", "/public-api/resources/evses/v2.1/\(evseId)").status == 404)
            // An EVSE with session history is kept.
            _ = try await api.store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let first = try #require(try await api.store.evse(chargePointId: cp, networkId: 1))
            let refused = try await client.call(
                "DELETE", "/public-api/resources/charge-points/v2.0/\(cp)/evses/\(first.id ?? 0)")
            #expect(refused.status == 409)

            let included = try await client.call("GET", "/public-api/resources/evses/v2.1?include[]=connectors")
            #expect(included.status == 200)
            #expect((included.list.first?["connectors"] as? [[String: Any]])?.isEmpty == false)
            let unknown = try await client.call("GET", "/public-api/resources/evses/v2.1?include[]=everything")
            #expect((unknown.json["errors"] as? [String: Any])?["include.0"] != nil)
            let nestedOnly = try await client.call(
                "GET", "/public-api/resources/charge-points/v2.0/\(cp)/evses?include[]=externalAppData")
            #expect(nestedOnly.status == 422)
        }
    }
}

import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Charge points v2.0: include[]")
struct ChargePointIncludeTests {
    static let expansions = [
        "lastBootNotification", "chargingProfile", "smartCharging", "smartChargingPreferences",
        "personalSmartChargingPreferences", "availablePersonalSmartChargingModes",
    ]

    @Test("without include[] the expansions are absent; with it each is its object or null; unknown ones are 422")
    func includes() async throws {
        try await EmbeddedHarness.run { harness in
            let booted = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 1, now: t0)
            let silent = try await harness.store.registerChargePoint(identity: "CP-2", evseCount: 1, now: t0)
            let id = try #require(booted.id)
            let client = harness.client
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let base = "/public-api/resources/charge-points/v2.0"
            let all = Self.expansions.map { "include[]=\($0)" }.joined(separator: "&")

            let plain = try await client.call("GET", "\(base)/\(id)")
            #expect(plain.status == 200)
            for name in Self.expansions { #expect(plain.data[name] == nil, "\(name) without include[]") }

            let full = try await client.call("GET", "\(base)/\(id)?\(all)")
            #expect(full.status == 200)
            for name in Self.expansions { #expect(full.data.keys.contains(name), "\(name) with include[]") }
            let boot = try #require(full.data["lastBootNotification"] as? [String: Any])
            #expect(boot["model"] as? String == "AC-22")
            #expect(boot["vendor"] as? String == "ChargeSim")
            #expect(boot["chargePointSerialNumber"] as? String == "SN-42")
            #expect(boot["firmwareVersion"] as? String == "1.2.3")
            #expect(boot["lastUpdatedAt"] is String)
            #expect(full.data["chargingProfile"] is NSNull)
            #expect(full.data["smartCharging"] is NSNull)

            // Only the ones asked for.
            let one = try await client.call("GET", "\(base)/\(id)?include[]=chargingProfile")
            #expect(one.data.keys.contains("chargingProfile"))
            #expect(!one.data.keys.contains("lastBootNotification"))

            // A profile the charger accepts shows up; one it refuses does not replace it.
            let actions = "/public-api/actions/charge-point/v1.0/\(id)"
            let set = Task {
                try await client.call(
                    "POST", "\(actions)/set-charging-profile/0", json: ChargerWebhookEventTests.profileBody)
            }
            let call = try #require(await charger.nextCall())
            try await charger.answer(call, with: SetChargingProfileResponse(status: .accepted))
            #expect(try await set.value.status == 202)
            let refusedBody = ChargerWebhookEventTests.profileBody.replacingOccurrences(
                of: #""id":41"#, with: #""id":43"#)
            let refused = Task {
                try await client.call("POST", "\(actions)/set-charging-profile/0", json: refusedBody)
            }
            let refusedCall = try #require(await charger.nextCall())
            try await charger.answer(refusedCall, with: SetChargingProfileResponse(status: .rejected))
            #expect(try await refused.value.status == 406)
            let withProfile = try await client.call("GET", "\(base)/\(id)?include[]=chargingProfile")
            let profile = try #require(withProfile.data["chargingProfile"] as? [String: Any])
            #expect(profile["id"] as? Int == 41)
            #expect(profile["stackLevel"] as? Int == 1)
            #expect(profile["purpose"] as? String == "ChargePointMaxProfile")
            #expect(profile["chargingProfileKind"] as? String == "Absolute")
            #expect(profile["chargingRateUnit"] as? String == "A")
            let periods = try #require(profile["schedulePeriods"] as? [[String: Any]])
            #expect(periods.compactMap { $0["startPeriod"] as? Int } == [0, 3600])
            #expect(periods.first?["numberPhases"] as? Int == 3)

            // A profile on EVSE 1 is that EVSE's, not the charge point's.
            let evseBody = ChargerWebhookEventTests.profileBody.replacingOccurrences(of: #""id":41"#, with: #""id":44"#)
                .replacingOccurrences(of: "ChargePointMaxProfile", with: "TxDefaultProfile")
            let onEVSE = Task { try await client.call("POST", "\(actions)/set-charging-profile/1", json: evseBody) }
            let evseCall = try #require(await charger.nextCall())
            try await charger.answer(evseCall, with: SetChargingProfileResponse(status: .accepted))
            #expect(try await onEVSE.value.status == 202)
            let evseId = try #require(try await harness.store.evse(chargePointId: id, networkId: 1)?.id)
            let evseRead = "/public-api/resources/evses/v2.1/\(evseId)"
            #expect(try await client.call("GET", evseRead).data.keys.contains("chargingProfile") == false)
            let evseProfile = try await client.call("GET", "\(evseRead)?include[]=chargingProfile").data
            #expect((evseProfile["chargingProfile"] as? [String: Any])?["id"] as? Int == 44)
            #expect((evseProfile["chargingProfile"] as? [String: Any])?["purpose"] as? String == "TxDefaultProfile")
            let nested = try await client.call("GET", "\(base)/\(id)/evses?include[]=chargingProfile").list.first
            #expect((nested?["chargingProfile"] as? [String: Any])?["id"] as? Int == 44)
            let external = try await client.call("GET", "\(evseRead)?include[]=externalAppData").data
            #expect(external["externalAppData"] is NSNull)
            #expect(
                ((try await client.call("GET", "\(base)/\(id)?include[]=chargingProfile").data["chargingProfile"])
                    as? [String: Any])?["id"] as? Int == 41)

            // The list: every item carries what was asked for; the charger that never booted has null.
            let list = try await client.call("GET", "\(base)?include[]=lastBootNotification&include[]=chargingProfile")
            #expect(list.status == 200)
            let items = Dictionary(
                uniqueKeysWithValues: list.list.compactMap { item in
                    (item["id"] as? Int).map { ($0, item) }
                })
            #expect((items[Int(id)]?["lastBootNotification"] as? [String: Any])?["model"] as? String == "AC-22")
            #expect((items[Int(id)]?["chargingProfile"] as? [String: Any])?["id"] as? Int == 41)
            let silentItem = try #require(items[Int(silent.id ?? 0)])
            #expect(silentItem["lastBootNotification"] is NSNull)
            #expect(silentItem["chargingProfile"] is NSNull)
            #expect(try await client.call("GET", base).list.allSatisfy { $0["lastBootNotification"] == nil })

            // The typed client asks for the two the model carries.
            let typed = try await PublicAPIClient(baseURL: harness.system.apiBaseURL, token: EmbeddedHarness.token)
                .chargePoint(Int(id))
            #expect(typed.lastBootNotification?.model == "AC-22")
            #expect(typed.chargingProfile?.schedulePeriods?.first?.limit == 16)
            #expect(typed.$smartCharging.isIncluded == false)

            // ClearChargingProfile accepted for that profile: null again.
            let clear = Task { try await client.call("POST", "\(actions)/clear-charging-profile", json: #"{"id":41}"#) }
            let clearCall = try #require(await charger.nextCall())
            try await charger.answer(clearCall, with: ClearChargingProfileResponse(status: .accepted))
            #expect(try await clear.value.status == 202)
            #expect(
                try await client.call("GET", "\(base)/\(id)?include[]=chargingProfile").data["chargingProfile"]
                    is NSNull)

            // Unknown values: 422 naming the offending position, on the read and on the list.
            for (query, field) in [
                ("include[]=evses", "include.0"), ("include[]=lastBootNotification&include[]=nope", "include.1"),
            ] {
                for path in ["\(base)/\(id)?\(query)", "\(base)?\(query)"] {
                    let reply = try await client.call("GET", path)
                    #expect(reply.status == 422, "\(path)")
                    #expect(reply.json["message"] is String)
                    let errors = reply.json["errors"] as? [String: Any]
                    #expect((errors?[field] as? [String])?.first == "The selected \(field) is invalid.", "\(path)")
                }
            }
            #expect(charger.schemaViolations.isEmpty)
        }
    }
}

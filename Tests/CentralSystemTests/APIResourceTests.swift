import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Public API resources over HTTP")
struct APIResourceTests {
    static let cp = "/public-api/resources/charge-points/v2.0"

    @Test func chargePointCreateReadUpdateDelete() async throws {
        try await LivePublicAPI.with { api in
            let created = try await api.client.call(
                "POST", Self.cp, json: #"{"name":"Depot 1","network":{"id":"CP-A","password":"s3cret"}}"#)
            #expect(created.status == 201)
            let id = try #require(created.data["id"] as? Int)
            #expect(created.data["name"] as? String == "Depot 1")
            #expect((created.data["network"] as? [String: Any])?["id"] as? String == "CP-A")
            #expect(created.data["networkStatus"] as? String == "never_connected")
            #expect(created.data["hardwareStatus"] is NSNull)
            let stored = try #require(try await api.store.chargePoint(identity: "CP-A"))
            #expect(ChargePointPassword.verify("s3cret", against: stored.passwordHash ?? ""))

            let duplicate = try await api.client.call("POST", Self.cp, json: #"{"network":{"id":"CP-A"}}"#)
            #expect(duplicate.status == 409)
            #expect((duplicate.json["errors"] as? [String: Any])?["network.id"] != nil)
            let missing = try await api.client.call("POST", Self.cp, json: #"{"name":"x"}"#)
            #expect(missing.status == 422)
            #expect((missing.json["errors"] as? [String: Any])?["network.id"] != nil)

            let patched = try await api.client.call(
                "PATCH", "\(Self.cp)/\(id)", json: #"{"name":"Depot 2","status":"disabled"}"#)
            #expect(patched.status == 200)
            #expect(patched.data["name"] as? String == "Depot 2")
            #expect(patched.data["status"] as? String == "disabled")
            let badStatus = try await api.client.call("PATCH", "\(Self.cp)/\(id)", json: #"{"status":"melted"}"#)
            #expect(badStatus.status == 422)
            #expect((badStatus.json["errors"] as? [String: Any])?["status"] != nil)
            let read = try await api.client.call("GET", "\(Self.cp)/\(id)")
            #expect(read.data["name"] as? String == "Depot 2")

            #expect(try await api.client.call("DELETE", "\(Self.cp)/\(id)").status == 204)
            #expect(try await api.client.call("DELETE", "\(Self.cp)/\(id)").status == 404)
            #expect(try await api.client.call("GET", "\(Self.cp)/\(id)").status == 404)
        }
    }

    @Test func malformedJSONIs422NamingTheField() async throws {
        try await LivePublicAPI.with { api in
            let wrongType = try await api.client.call("POST", Self.cp, json: #"{"name": 5}"#)
            #expect(wrongType.status == 422)
            #expect((wrongType.json["errors"] as? [String: Any])?["name"] != nil)
            let notJSON = try await api.client.call("POST", Self.cp, json: "{name")
            #expect(notJSON.status == 422)
            #expect((notJSON.json["errors"] as? [String: Any])?["body"] != nil)
        }
    }

    @Test func chargePointCursorPagesWalkForwardAndBack() async throws {
        try await LivePublicAPI.with { api in
            for index in 1...5 {
                _ = try await api.store.registerChargePoint(identity: "CP\(index)", now: t0)
            }
            let first = try await api.client.call("GET", "\(Self.cp)?per_page=2")
            #expect(first.list.map { $0["name"] as? String } == ["CP1", "CP2"])
            let meta = try #require(first.json["meta"] as? [String: Any])
            #expect(meta["per_page"] as? Int == 2)
            #expect(meta["prev_cursor"] is NSNull)
            let next = try #require(meta["next_cursor"] as? String)
            let links = try #require(first.json["links"] as? [String: Any])
            #expect((links["next"] as? String)?.contains("cursor=\(next)") == true)

            let second = try await api.client.call("GET", "\(Self.cp)?per_page=2&cursor=\(next)")
            #expect(second.list.map { $0["name"] as? String } == ["CP3", "CP4"])
            let secondMeta = try #require(second.json["meta"] as? [String: Any])
            let third = try await api.client.call(
                "GET", "\(Self.cp)?per_page=2&cursor=\(try #require(secondMeta["next_cursor"] as? String))")
            #expect(third.list.map { $0["name"] as? String } == ["CP5"])
            #expect((third.json["meta"] as? [String: Any])?["next_cursor"] is NSNull)

            let back = try await api.client.call(
                "GET", "\(Self.cp)?per_page=2&cursor=\(try #require(secondMeta["prev_cursor"] as? String))")
            #expect(back.list.map { $0["name"] as? String } == ["CP1", "CP2"])

            let filtered = try await api.client.call("GET", "\(Self.cp)?filter%5BnetworkId%5D=CP4")
            #expect(filtered.list.map { $0["name"] as? String } == ["CP4"])
            #expect(try await api.client.call("GET", "\(Self.cp)?per_page=0").status == 422)
            let huge = "/public-api/resources/sessions/v1.0?page=9223372036854775807"
            #expect(try await api.client.call("GET", huge).status == 422)
            #expect(try await api.client.call("GET", "\(Self.cp)?per_page=101").status == 422)
            let junkCursor = try await api.client.call("GET", "\(Self.cp)?per_page=2&cursor=%21%21")
            #expect(junkCursor.list.map { $0["name"] as? String } == ["CP1", "CP2"])
            let emptyFilter = try await api.client.call("GET", "\(Self.cp)?filter[name]=")
            #expect(emptyFilter.list.count == 5)
            #expect(try await api.client.call("GET", "\(Self.cp)?filter[lastUpdatedAfter]=").status == 422)
            let badDate = try await api.client.call("GET", "\(Self.cp)?filter[lastUpdatedAfter]=yesterday")
            #expect(badDate.status == 422)
            #expect((badDate.json["errors"] as? [String: Any])?["filter.lastUpdatedAfter"] != nil)
        }
    }

    @Test func chargePointV1AndLiveStatusEmbedEVSEs() async throws {
        try await LivePublicAPI.with { api in
            let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let id = try #require(chargePoint.id)
            _ = try await api.store.setNetworkStatus(identity: "CP1", .available, now: at(1))
            _ = try await api.store.applyStatusNotification(
                identity: "CP1",
                request: StatusNotificationRequest(connectorId: 2, errorCode: .noError, status: .charging), now: at(2))
            let v1 = try await api.client.call("GET", "/public-api/resources/charge-points/v1.0/\(id)")
            #expect(v1.status == 200)
            #expect(v1.data["networkId"] as? String == "CP1")
            #expect(v1.data["networkStatus"] as? String == "available")
            let evses = try #require(v1.data["evses"] as? [[String: Any]])
            #expect(evses.map { $0["networkId"] as? String } == ["1", "2"])
            #expect(evses[1]["hardwareStatus"] as? String == "charging")

            let status = try await api.client.call("GET", "/public-api/resources/charge-points/v1.0/\(id)/status")
            #expect(status.data["networkStatus"] as? String == "available")
            let live = try #require(status.data["evses"] as? [[String: Any]])
            #expect(live.map { $0["hardwareStatus"] as? String } == [nil, "charging"])
            #expect(live[0]["hardwareStatus"] is NSNull)
        }
    }

    @Test func evseListingsCarryConnectorsAndHardwareStatus() async throws {
        try await LivePublicAPI.with { api in
            let one = try await api.store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            _ = try await api.store.registerChargePoint(identity: "CP2", evseCount: 1, now: t0)
            _ = try await api.store.applyStatusNotification(
                identity: "CP1",
                request: StatusNotificationRequest(connectorId: 1, errorCode: .noError, status: .preparing), now: at(2))
            let all = try await api.client.call("GET", "/public-api/resources/evses/v2.1")
            #expect(all.list.count == 3)
            #expect(all.list[0]["hardwareStatus"] as? String == "preparing")
            #expect(all.list[0]["chargePointId"] as? Int == Int(one.id ?? 0))
            #expect((all.list[0]["connectors"] as? [[String: Any]])?.count == 1)
            let filtered = try await api.client.call(
                "GET", "/public-api/resources/evses/v2.1?filter[chargePointId]=\(one.id ?? 0)&per_page=1")
            #expect(filtered.list.count == 1)
            #expect((filtered.json["meta"] as? [String: Any])?["next_cursor"] is String)

            let nested = try await api.client.call("GET", "\(Self.cp)/\(one.id ?? 0)/evses")
            #expect(nested.list.map { $0["networkId"] as? String } == ["1", "2"])
            #expect(nested.list[0]["chargePointId"] == nil)
            let evseId = try #require(nested.list[1]["id"] as? Int)
            let read = try await api.client.call("GET", "\(Self.cp)/\(one.id ?? 0)/evses/\(evseId)")
            #expect(read.data["networkId"] as? String == "2")
            let top = try await api.client.call("GET", "/public-api/resources/evses/v2.1/\(evseId)")
            #expect(top.data["chargePointId"] as? Int == Int(one.id ?? 0))
            // An EVSE of another charge point is not found under this one.
            let other = all.list[2]["id"] as? Int ?? 0
            #expect(try await api.client.call("GET", "\(Self.cp)/\(one.id ?? 0)/evses/\(other)").status == 404)
            #expect(try await api.client.call("GET", "\(Self.cp)/999/evses").status == 404)
        }
    }

    @Test func sessionsPageAndCursorModesFiltersReadAndStats() async throws {
        try await LivePublicAPI.with { api in
            _ = try await api.store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let first = try await api.store.startTransaction(
                identity: "CP1", request: start(connector: 1, idTag: "TAG1", meter: 1000, at: at(10)),
                unknownTagPolicy: .accept, now: at(10))
            _ = try await api.store.applyMeterValues(
                identity: "CP1",
                request: MeterValuesRequest(
                    connectorId: 1, transactionId: first.transactionId,
                    meterValue: [
                        energySample(1500, power: 7000, at: at(70)), energySample(2200, power: 7200, at: at(130)),
                    ]),
                now: at(130))
            _ = try await api.store.stopTransaction(
                identity: "CP1",
                request: StopTransactionRequest(
                    meterStop: 2500, timestamp: at(200), transactionId: first.transactionId),
                now: at(200))
            _ = try await api.store.startTransaction(
                identity: "CP1", request: start(connector: 2, idTag: "TAG2", meter: 0, at: at(300)),
                unknownTagPolicy: .accept, now: at(300))

            let base = "/public-api/resources/sessions/v1.0"
            let page = try await api.client.call("GET", "\(base)?per_page=1")
            #expect(page.status == 200)
            let meta = try #require(page.json["meta"] as? [String: Any])
            #expect(meta["current_page"] as? Int == 1)
            #expect(meta["total"] as? Int == 2)
            #expect(meta["last_page"] as? Int == 2)
            #expect(meta["from"] as? Int == 1)
            #expect((page.json["links"] as? [String: Any])?["prev"] is NSNull)
            let session = page.list[0]
            #expect(session["id"] as? String == String(first.session.id ?? 0))
            #expect(session["status"] as? String == "finished")
            #expect((session["energyConsumption"] as? [String: Any])?["total"] as? Double == 1500)
            #expect(session["idTag"] as? String == "TAG1")

            let beyond = try await api.client.call("GET", "\(base)?per_page=1&page=3")
            #expect(beyond.list.isEmpty)
            #expect((beyond.json["meta"] as? [String: Any])?["from"] is NSNull)

            let cursor = try await api.client.call("GET", "\(base)?cursor=&per_page=1")
            let cursorMeta = try #require(cursor.json["meta"] as? [String: Any])
            #expect(cursorMeta["current_page"] == nil)
            #expect(cursorMeta["next_cursor"] is String)

            let active = try await api.client.call("GET", "\(base)?filter[status]=active")
            #expect(active.list.map { $0["idTag"] as? String } == ["TAG2"])
            let byTag = try await api.client.call(
                "GET", "\(base)?filter[idTag]=TAG1&filter[startedAfter]=2026-01-01T00:00:05Z")
            #expect(byTag.list.count == 1)
            #expect(try await api.client.call("GET", "\(base)?filter[status]=sleeping").status == 422)

            let id = first.session.id ?? 0
            let read = try await api.client.call("GET", "\(base)/\(id)?withAuthorization=true")
            #expect(read.data["stoppedAt"] as? String == "2026-01-01T00:03:20Z")
            #expect((read.data["authorization"] as? [String: Any])?["rfidTagUid"] as? String == "TAG1")
            let stats = try await api.client.call("GET", "\(base)/\(id)/consumption-stats")
            #expect(stats.list.map { $0["energy"] as? Double } == [500, 1200])
            #expect(stats.list.map { $0["power"] as? Double } == [7000, 7200])
            #expect(try await api.client.call("GET", "\(base)/999").status == 404)
        }
    }

    @Test func idTagsCRUDWithValidation() async throws {
        try await LivePublicAPI.with { api in
            let base = "/public-api/resources/id-tags/v2.0"
            let created = try await api.client.call(
                "POST", base, json: #"{"idTagUid":"RFID-1","status":"enabled","type":"rfid","idLabel":"Ann"}"#)
            #expect(created.status == 201)
            let id = try #require(created.data["id"] as? Int)
            #expect(created.data["idLabel"] as? String == "Ann")
            let missing = try await api.client.call("POST", base, json: #"{"idTagUid":"RFID-2","type":"rfid"}"#)
            #expect(missing.status == 422)
            #expect((missing.json["errors"] as? [String: Any])?["status"] != nil)
            let taken = try await api.client.call(
                "POST", base, json: #"{"idTagUid":"RFID-1","status":"enabled","type":"rfid"}"#)
            #expect(taken.status == 409)
            #expect((taken.json["errors"] as? [String: Any])?["idTagUid"] != nil)
            let badType = try await api.client.call(
                "POST", base, json: #"{"idTagUid":"RFID-3","status":"enabled","type":"barcode"}"#)
            #expect((badType.json["errors"] as? [String: Any])?["type"] != nil)

            let patched = try await api.client.call("PATCH", "\(base)/\(id)", json: #"{"status":"suspended"}"#)
            #expect(patched.data["status"] as? String == "suspended")
            let listed = try await api.client.call("GET", "\(base)?filter[status]=suspended")
            #expect(listed.list.map { $0["idTagUid"] as? String } == ["RFID-1"])
            #expect(try await api.client.call("GET", "\(base)/\(id)").data["idTagUid"] as? String == "RFID-1")
            #expect(try await api.client.call("DELETE", "\(base)/\(id)").status == 204)
            #expect(try await api.client.call("GET", "\(base)/\(id)").status == 404)
        }
    }

    @Test func authorizationsListAndReadWithSessionIds() async throws {
        try await LivePublicAPI.with { api in
            _ = try await api.store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let started = try await api.store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            _ = try await api.store.authorize(
                idTag: "NOPE", identity: "CP1", unknownTagPolicy: .reject, now: at(20))
            let base = "/public-api/resources/authorizations/v2.1"
            let list = try await api.client.call("GET", base)
            #expect(list.list.map { $0["status"] as? String } == ["accepted", "rejected"])
            let rejected = try await api.client.call("GET", "\(base)?filter[status]=rejected")
            #expect(rejected.list.map { $0["idTagUid"] as? String } == ["NOPE"])
            let id = try #require(started.session.authorizationId)
            let read = try await api.client.call("GET", "\(base)/\(id)")
            #expect(read.data["sessionIds"] as? [Int] == [Int(started.session.id ?? 0)])
            #expect(read.data["userId"] as? Int == 0)
        }
    }

    @Test func reservationsPageOnly() async throws {
        try await LivePublicAPI.with { api in
            let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let evse = try #require(try await api.store.evse(chargePointId: chargePoint.id ?? 0, networkId: 1))
            for user in 1...3 {
                _ = try await api.store.addReservation(
                    chargePointId: chargePoint.id ?? 0, evseId: evse.id ?? 0, userId: Int64(user), idTag: "U\(user)",
                    durationMinutes: 15, now: t0)
            }
            let base = "/public-api/resources/reservations/v1.0"
            let page = try await api.client.call("GET", "\(base)?per_page=2&page=2")
            #expect(page.list.map { $0["userId"] as? Int } == [3])
            #expect((page.json["meta"] as? [String: Any])?["current_page"] as? Int == 2)
            let read = try await api.client.call("GET", "\(base)/1")
            #expect(read.data["duration"] as? Int == 15)
            #expect(read.data["status"] as? String == "active")
            #expect(try await api.client.call("GET", "\(base)/99").status == 404)
        }
    }

    @Test func tariffsSnapshotsTransactionsAndInvoices() async throws {
        try await LivePublicAPI.with { api in
            let created = try await api.client.call(
                "POST", "/public-api/resources/tariffs/v1.0",
                json: #"""
                    {"name":"Std","type":"duration+energy","pricing":{"pricePerKwh":0.3,"pricePeriodInMinutes":15,
                     "pricePerPeriod":0.5,"connectionFee":1}}
                    """#)
            #expect(created.status == 201)
            let tariffId = try #require(created.data["id"] as? Int)
            let badPeriod = try await api.client.call(
                "POST", "/public-api/resources/tariffs/v1.0",
                json: #"{"name":"x","type":"duration+energy","pricing":{"pricePeriodInMinutes":7}}"#)
            #expect((badPeriod.json["errors"] as? [String: Any])?["pricing.pricePeriodInMinutes"] != nil)
            let replaced = try await api.client.call(
                "PUT", "/public-api/resources/tariffs/v1.0/\(tariffId)",
                json: #"{"name":"Std 2","type":"duration+energy","pricing":{"pricePerKwh":0.4}}"#)
            #expect(replaced.data["name"] as? String == "Std 2")
            #expect(try await api.client.call("GET", "/public-api/resources/tariffs/v1.0").list.count == 1)

            let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let evse = try #require(try await api.store.evse(chargePointId: chargePoint.id ?? 0, networkId: 1))
            try await api.store.setTariff(evseId: evse.id ?? 0, tariffId: Int64(tariffId), now: t0)
            let started = try await api.store.startTransaction(
                identity: "CP1", request: start(meter: 0, at: t0), unknownTagPolicy: .accept, now: t0)
            _ = try await api.store.stopTransaction(
                identity: "CP1",
                request: StopTransactionRequest(
                    meterStop: 10_000, timestamp: at(600), transactionId: started.transactionId),
                now: at(600))
            let snapshotId = try #require(started.session.tariffSnapshotId)
            let session = try await api.client.call(
                "GET", "/public-api/resources/sessions/v1.0/\(started.session.id ?? 0)")
            #expect(session.data["billingStatus"] as? String == "completed")
            #expect((session.data["totalAmount"] as? [String: Any])?["withTax"] as? Double == 4)
            #expect(session.data["tariffSnapshotId"] as? Int == Int(snapshotId))
            let snapshot = try await api.client.call("GET", "/public-api/resources/tariff-snapshots/v1.0/\(snapshotId)")
            #expect(snapshot.data["tariffId"] as? Int == tariffId)
            #expect(snapshot.data["name"] as? String == "Std 2")

            let transactions = try await api.client.call(
                "GET", "/public-api/resources/transactions/v1.0?filter[sessionId]=\(started.session.id ?? 0)")
            #expect(transactions.list.count == 1)
            #expect(transactions.list[0]["status"] as? String == "finalized")
            let transactionId = try #require(transactions.list[0]["id"] as? Int)
            let transaction = try await api.client.call(
                "GET", "/public-api/resources/transactions/v1.0/\(transactionId)")
            #expect(transaction.data["totalAmount"] as? Double == 4)
            let invoiceId = try #require(transaction.data["invoiceId"] as? Int)

            let invoices = try await api.client.call(
                "GET", "/public-api/resources/invoices/v1.0?filter[issuedFrom]=2026-01-01T00:00:00Z")
            #expect(invoices.list.map { $0["id"] as? Int } == [invoiceId])
            let none = try await api.client.call(
                "GET", "/public-api/resources/invoices/v1.0?filter[issuedTo]=2025-12-31T00:00:00Z")
            #expect(none.list.isEmpty)
            #expect(try await api.client.call("GET", "/public-api/resources/invoices/v1.0/\(invoiceId)").status == 200)
            #expect(try await api.client.call("DELETE", "/public-api/resources/tariffs/v1.0/\(tariffId)").status == 204)
            #expect(try await api.client.call("GET", "/public-api/resources/tariffs/v1.0/\(tariffId)").status == 404)
        }
    }

    @Test func locationsCRUDKeepTheWrittenFields() async throws {
        try await LivePublicAPI.with { api in
            let base = "/public-api/resources/locations/v2.0"
            let created = try await api.client.call(
                "POST", base,
                json: #"""
                    {"name":[{"locale":"en","translation":"Depot"}],"country":"BG",
                     "geoposition":{"latitude":42.7,"longitude":23.3},"tags":["fleet"]}
                    """#)
            #expect(created.status == 201)
            let id = try #require(created.data["id"] as? Int)
            #expect((created.data["geoposition"] as? [String: Any])?["latitude"] as? Double == 42.7)
            let badCountry = try await api.client.call("POST", base, json: #"{"country":"Bulgaria"}"#)
            #expect((badCountry.json["errors"] as? [String: Any])?["country"] != nil)
            let badLatitude = try await api.client.call(
                "POST", base, json: #"{"geoposition":{"latitude":91,"longitude":0}}"#)
            #expect((badLatitude.json["errors"] as? [String: Any])?["geoposition.latitude"] != nil)
            let noLongitude = try await api.client.call("POST", base, json: #"{"geoposition":{"latitude":1}}"#)
            #expect((noLongitude.json["errors"] as? [String: Any])?["geoposition.longitude"] != nil)

            let patched = try await api.client.call("PATCH", "\(base)/\(id)", json: #"{"postCode":"1000"}"#)
            #expect(patched.data["postCode"] as? String == "1000")
            #expect(patched.data["country"] as? String == "BG")
            #expect(try await api.client.call("GET", base).list.count == 1)
            #expect(try await api.client.call("DELETE", "\(base)/\(id)").status == 204)
            #expect(try await api.client.call("GET", "\(base)/\(id)").status == 404)
        }
    }
}

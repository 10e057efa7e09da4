import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Billing view end to end (OCPP → store → API)")
struct BillingEndToEndTests {
    @Test(
        "snapshot frozen at start, totalAmount at stop, one finalized transaction per priced session, invoices by date")
    func pricedSessionThroughOCPP() async throws {
        try await EmbeddedHarness.run { harness in
            let client = harness.client
            let tariff = try await client.call(
                "POST", "/public-api/resources/tariffs/v1.0",
                json: #"""
                    {"name":"Std","type":"duration+energy","pricing":{"pricePerKwh":0.3,"pricePeriodInMinutes":15,
                     "pricePerPeriod":0.5,"connectionFee":1}}
                    """#)
            let tariffId = try #require(tariff.data["id"] as? Int)
            let chargePoint = try await harness.store.registerChargePoint(identity: "CP-1", evseCount: 2, now: t0)
            let priced = try #require(try await harness.store.evse(chargePointId: chargePoint.id ?? 0, networkId: 1))
            try await harness.store.setTariff(evseId: priced.id ?? 0, tariffId: Int64(tariffId), now: t0)

            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            let paid = try await charger.call(
                StartTransactionRequest(connectorId: 1, idTag: "TAG1", meterStart: 0, timestamp: at(0)))
            let free = try await charger.call(
                StartTransactionRequest(connectorId: 2, idTag: "TAG2", meterStart: 0, timestamp: at(0)))
            // Editing the tariff mid-session does not reprice the running session.
            let edited = try await client.call(
                "PUT", "/public-api/resources/tariffs/v1.0/\(tariffId)",
                json: #"{"name":"Dear","type":"duration+energy","pricing":{"pricePerKwh":0.9}}"#)
            #expect(edited.status == 200)
            let paidStop = StopTransactionRequest(
                meterStop: 10_000, timestamp: at(600), transactionId: paid.transactionId)
            _ = try await charger.call(paidStop)
            _ = try await charger.call(paidStop)
            _ = try await charger.call(
                StopTransactionRequest(meterStop: 5_000, timestamp: at(600), transactionId: free.transactionId))

            let sessions = try await client.call("GET", "/public-api/resources/sessions/v1.0?filter[status]=finished")
            #expect(sessions.list.count == 2)
            let paidSession = try #require(sessions.list.first { $0["connectorId"] as? Int == 1 })
            let freeSession = try #require(sessions.list.first { $0["connectorId"] as? Int == 2 })
            // 1 (connection) + 0.3 × 10 kWh + 0.5 × ⌈10 min / 15 min⌉ = 4.5, from the snapshot, not 0.9/kWh.
            #expect((paidSession["totalAmount"] as? [String: Any])?["withTax"] as? Double == 4.5)
            #expect(paidSession["billingStatus"] as? String == "completed")
            #expect(freeSession["totalAmount"] is NSNull || freeSession["totalAmount"] == nil)
            let snapshotId = try #require(paidSession["tariffSnapshotId"] as? Int)
            let snapshot = try await client.call("GET", "/public-api/resources/tariff-snapshots/v1.0/\(snapshotId)")
            #expect(snapshot.data["tariffId"] as? Int == tariffId)
            #expect(snapshot.data["name"] as? String == "Std")
            #expect((snapshot.data["pricing"] as? [String: Any])?["pricePerKwh"] as? Double == 0.3)

            let transactions = try await client.call("GET", "/public-api/resources/transactions/v1.0")
            #expect(transactions.list.count == 1)
            let payment = try #require(transactions.list.first)
            #expect(payment["status"] as? String == "finalized")
            #expect(payment["totalAmount"] as? Double == 4.5)
            #expect(payment["sessionId"] as? Int == Int(paidSession["id"] as? String ?? ""))
            let invoiceId = try #require(payment["invoiceId"] as? Int)

            let now = Date()
            func stamp(_ offset: TimeInterval) -> String {
                PublicAPIJSON.formatTimestamp(now.addingTimeInterval(offset))
            }
            let window = try await client.call(
                "GET",
                "/public-api/resources/invoices/v1.0?filter[issuedFrom]=\(stamp(-3600))&filter[issuedTo]=\(stamp(3600))"
            )
            #expect(window.list.map { $0["id"] as? Int } == [invoiceId])
            #expect(window.list.first?["totalAmount"] as? Double == 4.5)
            #expect((window.json["meta"] as? [String: Any])?["total"] as? Int == 1)
            let before = try await client.call(
                "GET", "/public-api/resources/invoices/v1.0?filter[issuedTo]=\(stamp(-3600))")
            #expect(before.list.isEmpty)
            let after = try await client.call(
                "GET", "/public-api/resources/invoices/v1.0?filter[issuedFrom]=\(stamp(3600))")
            #expect(after.list.isEmpty)
            #expect(charger.schemaViolations.isEmpty)
        }
    }
}

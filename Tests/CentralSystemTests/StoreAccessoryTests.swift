import CentralSystem
import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

@Suite("Store tokens, webhooks, reservations, configuration cache, id tag edits")
struct StoreAccessoryTests {
    @Test("API tokens are found by hash only, marked used, and unique")
    func tokens() async throws {
        try await withStore { store, _ in
            #expect(try await store.apiTokenCount() == 0)
            _ = try await store.addAPIToken(hash: "abc", name: "demo", now: t0)
            let used = try await store.useAPIToken(hash: "abc", now: at(5))
            #expect(used?.lastUsedAt == at(5).date)
            let unknown = try await store.useAPIToken(hash: "zzz", now: at(5))
            #expect(unknown == nil)
            await #expect(throws: DatabaseError.self) {
                _ = try await store.addAPIToken(hash: "abc", name: "again", now: t0)
            }
        }
    }

    @Test("webhook subscriptions match their events; deleting one drops its delivery log")
    func webhooks() async throws {
        try await withStore { store, _ in
            let hardware = try await store.addWebhookSubscription(
                callbackUrl: "https://a.test", events: ["HardwareStatusNotification", "evse.changed"], signingKey: "k",
                now: t0)
            _ = try await store.addWebhookSubscription(
                callbackUrl: "https://b.test", events: ["SessionUpdateNotification"], signingKey: "k", now: t0)
            let matching = try await store.webhookSubscriptions(for: "evse.changed")
            #expect(matching.map(\.callbackUrl) == ["https://a.test"])
            #expect(try await store.webhookSubscriptions(for: "evse").isEmpty)

            let hardwareId = try #require(hardware.id)
            _ = try await store.logWebhookDelivery(
                WebhookDeliveryRecord(
                    subscriptionId: hardwareId, event: "evse.changed", payload: "{}", attempt: 1, responseStatus: 500,
                    createdAt: at(1).date, nextAttemptAt: at(3).date))
            _ = try await store.logWebhookDelivery(
                WebhookDeliveryRecord(
                    subscriptionId: hardwareId, event: "evse.changed", payload: "{}", attempt: 2, responseStatus: 202,
                    createdAt: at(3).date))
            let log = try await store.webhookDeliveries(subscriptionId: hardwareId, page: .cursor(.start, perPage: 10))
            #expect(log.items.map(\.attempt) == [1, 2])

            let updated = try await store.updateWebhookSubscription(
                id: hardwareId, callbackUrl: "https://c.test", events: ["NetworkStatusNotification"], now: at(4))
            #expect(updated.events == "NetworkStatusNotification")
            #expect(try await store.deleteWebhookSubscription(id: hardwareId))
            let remaining = try await store.pool.read { db in try WebhookDeliveryRecord.fetchCount(db) }
            #expect(remaining == 0)
        }
    }

    @Test("reservations: page mode, status filter, cancel stamps canceledAt")
    func reservations() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let chargePointId = try #require(chargePoint.id)
            let evses = try await store.listEVSEs(chargePointId: chargePointId, page: .cursor(.start, perPage: 1))
            let evseId = try #require(evses.items.first?.id)
            let first = try await store.addReservation(
                chargePointId: chargePointId, evseId: evseId, userId: 1, idTag: "A", durationMinutes: 30, now: t0)
            _ = try await store.addReservation(
                chargePointId: chargePointId, evseId: evseId, userId: 2, idTag: "B", durationMinutes: 15, now: at(1))
            let canceled = try await store.setReservationStatus(id: try #require(first.id), .canceled, now: at(60))
            #expect(canceled.canceledAt == at(60).date)
            let active = try await store.listReservations(status: .active, page: 1, perPage: 10)
            #expect(active.items.map(\.idTag) == ["B"])
            #expect(active.total == 1)
            await #expect(throws: DatabaseError.self) {
                _ = try await store.addReservation(
                    chargePointId: chargePointId, evseId: evseId, userId: 1, idTag: "C", durationMinutes: 0, now: t0)
            }
        }
    }

    @Test("configuration cache: update and add in one go; keys not reported are kept")
    func configuration() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", now: t0)
            try await store.cacheConfiguration(
                identity: "CP1",
                keys: [
                    KeyValue(key: "HeartbeatInterval", readonly: false, value: "300"),
                    KeyValue(key: "NumberOfConnectors", readonly: true, value: "2"),
                ],
                now: t0)
            try await store.cacheConfiguration(
                identity: "CP1", keys: [KeyValue(key: "HeartbeatInterval", readonly: false, value: "60")], now: at(1))
            let cached = try await store.cachedConfiguration(chargePointId: try #require(chargePoint.id))
            #expect(cached.map(\.key) == ["HeartbeatInterval", "NumberOfConnectors"])
            #expect(cached.map(\.value) == ["60", "2"])
            #expect(cached.map(\.readonly) == [false, true])
        }
    }

    @Test("id tag edits change the verdict; deleting a parent clears the child's parent")
    func idTagEdits() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            let parent = try await store.createIdTag("PARENT", now: t0)
            let child = try await store.createIdTag("CHILD", parentIdTag: "PARENT", now: t0)
            let parentId = try #require(parent.id)
            _ = try await store.updateIdTag(id: parentId, status: .disabled, now: at(1))
            let blocked = try await store.authorize(
                idTag: "PARENT", identity: "CP1", unknownTagPolicy: .reject, now: at(2))
            #expect(blocked.status == .blocked)
            #expect(try await store.deleteIdTag(id: parentId))
            let orphan = try await store.idTag(id: try #require(child.id))
            #expect(orphan?.parentIdTag == nil)
        }
    }
}

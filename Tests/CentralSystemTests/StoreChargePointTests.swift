import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

@Suite("Store charge points")
struct StoreChargePointTests {
    @Test("a boot from an unknown charge point is refused without auto-registration")
    func unknownBoot() async throws {
        try await withStore { store, _ in
            await #expect(throws: StoreError.unknownChargePoint(identity: "CP9")) {
                _ = try await store.upsertBoot(identity: "CP9", request: boot, autoRegister: false, now: t0)
            }
            let stored = try await store.chargePoint(identity: "CP9")
            #expect(stored == nil)
        }
    }

    @Test("a boot registers (when allowed) and records the boot data")
    func bootRecordsData() async throws {
        try await withStore { store, _ in
            let (chargePoint, first) = try await store.upsertBoot(
                identity: "CP1", request: boot, autoRegister: true, now: at(5))
            #expect(first == .neverConnected)
            #expect(chargePoint.vendor == "ChargeSim")
            #expect(chargePoint.model == "AC-22")
            #expect(chargePoint.serialNumber == "SN-1")
            #expect(chargePoint.firmwareVersion == "1.2.3")
            #expect(chargePoint.networkStatus == .available)
            #expect(chargePoint.lastBootAt == at(5).date)
            let (again, before) = try await store.upsertBoot(
                identity: "CP1", request: boot, autoRegister: false, now: at(6))
            #expect(before == .available)
            #expect(again.id == chargePoint.id)
            #expect(again.lastBootAt == at(6).date)
        }
    }

    @Test("network status changes report the previous status")
    func networkStatus() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            let first = try await store.setNetworkStatus(identity: "CP1", .available, now: at(1))
            #expect(first.previous == .neverConnected)
            let dropped = try await store.setNetworkStatus(identity: "CP1", .temporarilyUnavailable, now: at(2))
            #expect(dropped.previous == .available)
            #expect(dropped.chargePoint.networkStatus == .temporarilyUnavailable)
        }
    }

    @Test("StatusNotification on connector n sets the EVSE with networkId n, first letter lower-cased")
    func statusNotificationEVSE() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            let first = try await store.applyStatusNotification(
                identity: "CP1",
                request: StatusNotificationRequest(connectorId: 2, errorCode: .noError, status: .suspendedEVSE),
                now: at(1))
            guard case .evse(let evse, let previous) = first else {
                Issue.record("expected an EVSE change, got \(first)")
                return
            }
            #expect(previous == nil)
            #expect(evse.networkId == 2)
            #expect(evse.hardwareStatus == .suspendedEVSE)
            #expect(evse.errorCode == "NoError")
            #expect(evse.lastStatusAt == at(1).date)

            let second = try await store.applyStatusNotification(
                identity: "CP1",
                request: StatusNotificationRequest(
                    connectorId: 2, errorCode: .noError, status: .charging, timestamp: at(3)),
                now: at(4))
            guard case .evse(let updated, let before) = second else {
                Issue.record("expected an EVSE change, got \(second)")
                return
            }
            #expect(before == .suspendedEVSE)
            #expect(updated.id == evse.id)
            #expect(updated.hardwareStatus == .charging)
            #expect(updated.lastStatusAt == at(3).date)
            #expect(updated.updatedAt == at(4).date)
            // The change reported is the row stored (the columns are written by hand).
            let stored = try await store.evse(id: try #require(updated.id))
            #expect(stored == updated)
        }
    }

    @Test("StatusNotification on connector 0 sets the charge point's hardwareStatus")
    func statusNotificationChargePoint() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            let change = try await store.applyStatusNotification(
                identity: "CP1",
                request: StatusNotificationRequest(
                    connectorId: 0, errorCode: .groundFailure, status: .faulted, vendorErrorCode: "E42"),
                now: at(1))
            guard case .chargePoint(let chargePoint, let previous) = change else {
                Issue.record("expected a charge point change, got \(change)")
                return
            }
            #expect(previous == nil)
            #expect(chargePoint.hardwareStatus == .faulted)
            #expect(chargePoint.errorCode == "GroundFailure")
            #expect(chargePoint.vendorErrorCode == "E42")
            #expect(chargePoint.updatedAt == at(1).date)
            let stored = try await store.chargePoint(identity: "CP1")
            #expect(stored == chargePoint)
        }
    }

    @Test("registering with EVSEs creates one connector per EVSE")
    func registerEVSEs() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let evses = try await store.listEVSEs(chargePointId: chargePoint.id, page: .cursor(.start, perPage: 10))
            #expect(evses.items.map(\.networkId) == [1, 2])
            #expect(evses.items.allSatisfy { $0.hardwareStatus == nil })
            let connectors = try await store.connectors(evseId: try #require(evses.items.first?.id))
            #expect(connectors.map(\.type) == [.type2])
        }
    }
}

import CentralSystem
import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

@Suite("Store schema")
struct StoreSchemaTests {
    @Test("migrations run from an empty file and create every table")
    func migrationsFromEmpty() async throws {
        try await withStore { store, _ in
            let (applied, tables) = try await store.pool.read { db in
                (
                    try StoreMigrations.migrator.appliedIdentifiers(db),
                    try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                )
            }
            #expect(
                applied == [
                    "v1 charge points, EVSEs, id tags, sessions, billing, webhooks", "v2 locations",
                    "v3 webhook channels, delivery grouping, charger notifications", "v4 applied charging profiles",
                    "v5 unattached meter samples, MeterValues count per session",
                    "v6 latest sample instants per session",
                ])
            let expected: Set = [
                "charge_point", "evse", "connector", "id_tag", "authorization", "tariff", "tariff_snapshot", "session",
                "meter_sample", "api_token", "webhook_subscription", "webhook_delivery", "transaction", "invoice",
                "reservation", "charge_point_configuration", "location", "charge_point_notification",
                "applied_charging_profile", "unattached_meter_sample",
            ]
            #expect(expected.isSubset(of: tables))
        }
    }

    @Test("the file is in WAL mode with foreign keys on")
    func pragmas() async throws {
        try await withStore { store, _ in
            let (mode, foreignKeys) = try await store.pool.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
                )
            }
            #expect(mode == "wal")
            #expect(foreignKeys == 1)
        }
    }

    @Test("NOT NULL is enforced by SQLite")
    func notNull() async throws {
        try await withStore { store, _ in
            let error = await #expect(throws: DatabaseError.self) {
                try await store.pool.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO charge_point (ocppIdentity, adminStatus, networkStatus, securityProfile,
                            createdAt, updatedAt) VALUES (NULL, 'enabled', 'available', 0, '2026-01-01', '2026-01-01')
                            """)
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_NOTNULL)
        }
    }

    @Test("foreign keys are enforced by SQLite")
    func foreignKey() async throws {
        try await withStore { store, _ in
            let error = await #expect(throws: DatabaseError.self) {
                try await store.pool.write { db in
                    var evse = EVSERecord(
                        chargePointId: 999, networkId: 1, physicalReference: "X", currentType: .ac,
                        adminStatus: .enabled, createdAt: Date(), updatedAt: Date())
                    try evse.insert(db)
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        }
    }

    @Test("UNIQUE: OCPP identity, EVSE networkId per charge point, idTag")
    func unique() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            let duplicateIdentity = await #expect(throws: DatabaseError.self) {
                _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            }
            #expect(duplicateIdentity?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)

            let duplicateEVSE = await #expect(throws: DatabaseError.self) {
                try await store.pool.write { db in
                    var evse = EVSERecord(
                        chargePointId: try #require(chargePoint.id), networkId: 1, physicalReference: "again",
                        currentType: .ac, adminStatus: .enabled, createdAt: Date(), updatedAt: Date())
                    try evse.insert(db)
                }
            }
            #expect(duplicateEVSE?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)

            _ = try await store.createIdTag("TAG1", now: t0)
            let duplicateTag = await #expect(throws: DatabaseError.self) {
                _ = try await store.createIdTag("TAG1", now: t0)
            }
            #expect(duplicateTag?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }

    @Test("UNIQUE: OCPP transactionId per charge point")
    func uniqueTransactionId() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            let first = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let error = await #expect(throws: DatabaseError.self) {
                try await store.pool.write { db in
                    var copy = first.session
                    copy.id = nil
                    copy.evseId = first.session.evseId
                    copy.connectorId = 2
                    try copy.insert(db)
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }

    @Test("deleting a charge point cascades to its EVSEs and sessions")
    func cascade() async throws {
        try await withStore { store, _ in
            let chargePoint = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            _ = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            #expect(try await store.deleteChargePoint(id: try #require(chargePoint.id)))
            let counts = try await store.pool.read { db in
                (try EVSERecord.fetchCount(db), try SessionRecord.fetchCount(db), try ConnectorRecord.fetchCount(db))
            }
            #expect(counts == (0, 0, 0))
            #expect(try await store.deleteChargePoint(id: try #require(chargePoint.id)) == false)
        }
    }

    @Test("reopening the file keeps the data and applies no migration twice")
    func reopen() async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        do {
            let store = try Store(path: file.path)
            _ = try await store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            _ = try await store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
        }
        let reopened = try Store(path: file.path)
        let chargePoint = try #require(try await reopened.chargePoint(identity: "CP1"))
        #expect(chargePoint.ocppIdentity == "CP1")
        let sessions = try await reopened.listSessions(page: .page(number: 1, perPage: 10))
        #expect(sessions.items.map(\.transactionId) == [1])
        let applied = try await reopened.pool.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(StoreMigrations.migrator.migrations))
    }
}

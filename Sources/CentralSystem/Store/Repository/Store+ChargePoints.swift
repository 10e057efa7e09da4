import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// Adds a charge point with `evseCount` EVSEs (networkIds 1...evseCount, one type-2 connector
    /// each); the API's create and `--auto-register` both land here. Fails on a duplicate identity.
    public func registerChargePoint(
        identity: String, passwordHash: String? = nil, name: String? = nil, evseCount: Int = 0, now: OCPPTimestamp
    ) async throws -> ChargePointRecord {
        try await write { db in
            try Self.insertChargePoint(
                identity: identity, passwordHash: passwordHash, name: name, evseCount: evseCount, now: now.date, db)
        }
    }

    /// Applies a BootNotification (OCPP 1.6 §4.2): records vendor, model, serials and firmware,
    /// marks the charge point `available` on the network. An unknown identity is added when
    /// `autoRegister` is on, refused otherwise. Returns the record and its network status before
    /// (`neverConnected` for one just added), read in the same transaction: a separate read first
    /// cost every boot one more hop to the store (issue 11: boot storms) and could race a write.
    public func upsertBoot(
        identity: String, request: BootNotificationRequest, autoRegister: Bool, now: OCPPTimestamp
    ) async throws -> (chargePoint: ChargePointRecord, previous: NetworkStatus) {
        try await write { db in
            var chargePoint: ChargePointRecord
            if let existing = try Self.chargePoint(identity: identity, db) {
                chargePoint = existing
            } else if autoRegister {
                chargePoint = try Self.insertChargePoint(
                    identity: identity, passwordHash: nil, name: nil, evseCount: 0, now: now.date, db)
            } else {
                throw StoreError.unknownChargePoint(identity: identity)
            }
            let previous = chargePoint.networkStatus
            chargePoint.vendor = request.chargePointVendor.value
            chargePoint.model = request.chargePointModel.value
            chargePoint.serialNumber = request.chargePointSerialNumber?.value
            chargePoint.chargeBoxSerialNumber = request.chargeBoxSerialNumber?.value
            chargePoint.firmwareVersion = request.firmwareVersion?.value
            chargePoint.iccid = request.iccid?.value
            chargePoint.imsi = request.imsi?.value
            chargePoint.meterType = request.meterType?.value
            chargePoint.meterSerialNumber = request.meterSerialNumber?.value
            chargePoint.networkStatus = .available
            chargePoint.lastBootAt = now.date
            chargePoint.updatedAt = now.date
            try chargePoint.update(db)
            return (chargePoint, previous)
        }
    }

    /// Sets the charge point's `networkStatus` (connected → `available`, dropped →
    /// `temporarily_unavailable`); returns the record and the status before.
    public func setNetworkStatus(
        identity: String, _ status: NetworkStatus, now: OCPPTimestamp
    ) async throws -> (chargePoint: ChargePointRecord, previous: NetworkStatus) {
        try await write { db in
            var (chargePoint, _) = try Self.knownChargePoint(identity: identity, db)
            let previous = chargePoint.networkStatus
            if previous != status {
                chargePoint.networkStatus = status
                chargePoint.updatedAt = now.date
                try chargePoint.update(db)
            }
            return (chargePoint, previous)
        }
    }

    /// Records a Heartbeat (OCPP 1.6 §4.6).
    public func recordHeartbeat(identity: String, now: OCPPTimestamp) async throws {
        try await write { db in try Self.recordHeartbeat(identity: identity, now: now, db) }
    }

    /// ``recordHeartbeat(identity:now:)`` inside a write transaction.
    static func recordHeartbeat(identity: String, now: OCPPTimestamp, _ db: Database) throws {
        // One cached UPDATE instead of reading and rewriting the whole row (issue 11 hot path).
        let statement = try db.cachedStatement(
            sql: "UPDATE charge_point SET lastHeartbeatAt = ? WHERE ocppIdentity = ?")
        try statement.execute(arguments: [StoredDate.databaseValue(now), identity])
        guard db.changesCount > 0 else { throw StoreError.unknownChargePoint(identity: identity) }
    }

    /// Applies a StatusNotification (OCPP 1.6 §4.9, reference §3.1): connector 0 sets the charge
    /// point's `hardwareStatus`, connector n the EVSE whose networkId is n (created on first
    /// report), with the status name's first letter lower-cased. The notification's own
    /// timestamp wins over `now` when present.
    public func applyStatusNotification(
        identity: String, request: StatusNotificationRequest, now: OCPPTimestamp
    ) async throws -> StatusChange {
        try await write { db in try Self.applyStatusNotification(identity: identity, request: request, now: now, db) }
    }

    /// ``applyStatusNotification(identity:request:now:)`` inside a write transaction. The changed
    /// columns are written by cached statements, not by the record's `update`, which encodes every
    /// column and builds its statement each time (issue 11: a StatusNotification storm, as when
    /// thousands of chargers boot, was a tenth of the central system's CPU in GRDB's record code).
    static func applyStatusNotification(
        identity: String, request: StatusNotificationRequest, now: OCPPTimestamp, _ db: Database
    ) throws -> StatusChange {
        let errorCode = request.errorCode.rawValue
        let vendorErrorCode = request.vendorErrorCode?.value
        let updatedAt = StoredDate.databaseValue(now)
        guard request.connectorId >= 1 else {
            var (chargePoint, chargePointId) = try Self.knownChargePoint(identity: identity, db)
            let previous = chargePoint.hardwareStatus
            chargePoint.hardwareStatus = Self.chargePointHardwareStatus(request.status)
            chargePoint.errorCode = errorCode
            chargePoint.vendorErrorCode = vendorErrorCode
            chargePoint.updatedAt = now.date
            try db.cachedStatement(
                sql: "UPDATE charge_point SET hardwareStatus = ?, errorCode = ?, vendorErrorCode = ?, updatedAt = ? "
                    + "WHERE id = ?"
            ).execute(arguments: [
                chargePoint.hardwareStatus?.rawValue, errorCode, vendorErrorCode, updatedAt, chargePointId,
            ])
            return .chargePoint(chargePoint, previous: previous)
        }
        let chargePointId = try Self.knownChargePointId(identity: identity, db)
        var evse =
            try Self.evse(chargePointId: chargePointId, networkId: request.connectorId, db)
            ?? Self.insertEVSE(
                chargePointId: chargePointId, identity: identity, networkId: request.connectorId, now: now.date, db)
        guard let evseId = evse.id else { preconditionFailure("applyStatusNotification: EVSE without row id") }
        let at = request.timestamp ?? now
        let previous = evse.hardwareStatus
        evse.hardwareStatus = EVSEHardwareStatus(rawValue: Self.lowerCamel(request.status.rawValue))
        evse.lastStatusAt = at.date
        evse.errorCode = errorCode
        evse.info = request.info?.value
        evse.vendorId = request.vendorId?.value
        evse.vendorErrorCode = vendorErrorCode
        evse.updatedAt = now.date
        try db.cachedStatement(
            sql: "UPDATE evse SET hardwareStatus = ?, lastStatusAt = ?, errorCode = ?, info = ?, vendorId = ?, "
                + "vendorErrorCode = ?, updatedAt = ? WHERE id = ?"
        ).execute(arguments: [
            evse.hardwareStatus?.rawValue, StoredDate.databaseValue(at), errorCode, evse.info, evse.vendorId,
            vendorErrorCode, updatedAt, evseId,
        ])
        return .evse(evse, previous: previous)
    }

    /// Updates a charge point's editable fields (API PATCH); `nil` arguments are left alone.
    public func updateChargePoint(
        id: Int64, name: String? = nil, adminStatus: AdminStatus? = nil, passwordHash: String? = nil,
        now: OCPPTimestamp
    ) async throws -> ChargePointRecord {
        try await write { db in
            guard var chargePoint = try ChargePointRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(table: ChargePointRecord.databaseTableName, id: id)
            }
            if let name { chargePoint.name = name }
            if let adminStatus { chargePoint.adminStatus = adminStatus }
            if let passwordHash { chargePoint.passwordHash = passwordHash }
            chargePoint.updatedAt = now.date
            try chargePoint.update(db)
            return chargePoint
        }
    }

    /// Deletes a charge point with its EVSEs, sessions and samples (API DELETE); `false` when absent.
    public func deleteChargePoint(id: Int64) async throws -> Bool {
        try await write { db in try ChargePointRecord.deleteOne(db, key: id) }
    }

    // MARK: - Shared steps (inside a caller's transaction)

    static func chargePoint(identity: String, _ db: Database) throws -> ChargePointRecord? {
        // A cached statement: every OCPP message looks its charger up (issue 11 hot path).
        try ChargePointRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM charge_point WHERE ocppIdentity = ? LIMIT 1"), arguments: [identity])
    }

    /// The charge point with this identity and its row id, or `unknownChargePoint`.
    static func knownChargePoint(identity: String, _ db: Database) throws -> (ChargePointRecord, Int64) {
        guard let chargePoint = try chargePoint(identity: identity, db), let id = chargePoint.id else {
            throw StoreError.unknownChargePoint(identity: identity)
        }
        return (chargePoint, id)
    }

    /// The row id of the charge point with this identity, or `unknownChargePoint`; cheaper than
    /// ``knownChargePoint(identity:_:)`` when the record itself is not needed.
    static func knownChargePointId(identity: String, _ db: Database) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM charge_point WHERE ocppIdentity = ? LIMIT 1"),
                arguments: [identity])
        else { throw StoreError.unknownChargePoint(identity: identity) }
        return id
    }

    static func evse(chargePointId: Int64, networkId: Int, _ db: Database) throws -> EVSERecord? {
        try EVSERecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM evse WHERE chargePointId = ? AND networkId = ? LIMIT 1"),
            arguments: [chargePointId, networkId])
    }

    static func insertChargePoint(
        identity: String, passwordHash: String?, name: String?, evseCount: Int, now: Date, _ db: Database
    ) throws -> ChargePointRecord {
        var chargePoint = ChargePointRecord(
            ocppIdentity: identity, passwordHash: passwordHash, name: name ?? identity, adminStatus: .enabled,
            networkStatus: .neverConnected, securityProfile: 0, createdAt: now, updatedAt: now)
        try chargePoint.insert(db)
        guard let chargePointId = chargePoint.id else {
            preconditionFailure("insertChargePoint: no row id after insert")
        }
        if evseCount > 0 {
            for networkId in 1...evseCount {
                _ = try insertEVSE(chargePointId: chargePointId, identity: identity, networkId: networkId, now: now, db)
            }
        }
        return chargePoint
    }

    /// Adds EVSE `networkId` (one type-2 socket) to the charge point with row id `chargePointId`
    /// and OCPP identity `identity` (its physical reference is `identity-networkId`).
    static func insertEVSE(
        chargePointId: Int64, identity: String, networkId: Int, now: Date, _ db: Database
    ) throws -> EVSERecord {
        var evse = EVSERecord(
            chargePointId: chargePointId, networkId: networkId,
            physicalReference: "\(identity)-\(networkId)", currentType: .ac, adminStatus: .enabled,
            createdAt: now, updatedAt: now)
        try evse.insert(db)
        guard let evseId = evse.id else { preconditionFailure("insertEVSE: no row id after insert") }
        var connector = ConnectorRecord(
            evseId: evseId, type: .type2, format: .socket, adminStatus: .enabled, createdAt: now, updatedAt: now)
        try connector.insert(db)
        return evse
    }

    static func chargePointHardwareStatus(_ status: ChargePointStatus) -> ChargePointHardwareStatus {
        switch status {
        case .unavailable: .unavailable
        case .faulted: .faulted
        case .available, .preparing, .charging, .suspendedEVSE, .suspendedEV, .finishing, .reserved: .available
        }
    }

    /// `SuspendedEVSE` → `suspendedEVSE`: only the first letter changes (reference §3.1).
    static func lowerCamel(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }
}

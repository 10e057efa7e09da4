import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// Answers an Authorize (OCPP 1.6 §4.1) from the id tag table and records the decision as an
    /// authorization (authorizations v2.1): enabled and unexpired → Accepted; disabled or
    /// suspended → Blocked; past `expiresAt` → Expired; no row → `unknownTagPolicy`.
    public func authorize(
        idTag: String, identity: String, unknownTagPolicy: UnknownIdTagPolicy, now: OCPPTimestamp
    ) async throws -> IdTagInfo {
        try await authorizeRecording(idTag: idTag, identity: identity, unknownTagPolicy: unknownTagPolicy, now: now)
            .info
    }

    /// ``authorize(idTag:identity:unknownTagPolicy:now:)``, also giving the authorization it recorded.
    public func authorizeRecording(
        idTag: String, identity: String, unknownTagPolicy: UnknownIdTagPolicy, now: OCPPTimestamp
    ) async throws -> (info: IdTagInfo, authorization: AuthorizationRecord) {
        try await write { db in
            let (chargePoint, _) = try Self.knownChargePoint(identity: identity, db)
            let info = try Self.idTagInfo(idTag, policy: unknownTagPolicy, now: now.date, db)
            let authorization = try Self.recordAuthorization(
                idTag: idTag, info: info, chargePointId: chargePoint.id, now: now.date, db)
            return (info, authorization)
        }
    }

    /// Adds an id tag (API create, tests); fails on a duplicate token.
    public func createIdTag(
        _ idTag: String, status: IdTagStatus = .enabled, expiresAt: Date? = nil, parentIdTag: String? = nil,
        now: OCPPTimestamp
    ) async throws -> IdTagRecord {
        try await write { db in
            var record = IdTagRecord(
                idTag: idTag, status: status, type: .rfid, expiresAt: expiresAt, parentIdTag: parentIdTag,
                createdAt: now.date, updatedAt: now.date)
            try record.insert(db)
            return record
        }
    }

    /// An id tag by row id.
    public func idTag(id: Int64) async throws -> IdTagRecord? {
        try await read { db in try IdTagRecord.fetchOne(db, key: id) }
    }

    /// Changes an id tag (API PATCH); `nil` arguments are left alone, `clearExpiry` removes the expiry.
    public func updateIdTag(
        id: Int64, status: IdTagStatus? = nil, label: String? = nil, expiresAt: Date? = nil, clearExpiry: Bool = false,
        now: OCPPTimestamp
    ) async throws -> IdTagRecord {
        try await write { db in
            guard var record = try IdTagRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(table: IdTagRecord.databaseTableName, id: id)
            }
            if let status { record.status = status }
            if let label { record.label = label }
            if let expiresAt { record.expiresAt = expiresAt }
            if clearExpiry { record.expiresAt = nil }
            record.updatedAt = now.date
            try record.update(db)
            return record
        }
    }

    /// Deletes an id tag (API DELETE); children naming it as parent lose the parent. `false` when absent.
    public func deleteIdTag(id: Int64) async throws -> Bool {
        try await write { db in try IdTagRecord.deleteOne(db, key: id) }
    }

    /// The OCPP verdict on `idTag`; may register it under `.register`.
    static func idTagInfo(_ idTag: String, policy: UnknownIdTagPolicy, now: Date, _ db: Database) throws -> IdTagInfo {
        guard let record = try IdTagRecord.filter(IdTagRecord.Columns.idTag == idTag).fetchOne(db) else {
            switch policy {
            case .reject:
                return IdTagInfo(status: .invalid)
            case .accept:
                return IdTagInfo(status: .accepted)
            case .register:
                var record = IdTagRecord(idTag: idTag, status: .enabled, type: .rfid, createdAt: now, updatedAt: now)
                try record.insert(db)
                return IdTagInfo(status: .accepted)
            }
        }
        let expiry = record.expiresAt.map(OCPPTimestamp.init)
        let parent = record.parentIdTag.map { CiString20(truncating: $0) }
        let status: AuthorizationStatus
        switch record.status {
        case .enabled:
            status = record.expiresAt.map { $0 <= now } == true ? .expired : .accepted
        case .disabled, .suspended:
            status = .blocked
        case .unknown:
            status = .invalid
        }
        return IdTagInfo(expiryDate: expiry, parentIdTag: parent, status: status)
    }

    static func recordAuthorization(
        idTag: String, info: IdTagInfo, chargePointId: Int64?, now: Date, _ db: Database
    ) throws -> AuthorizationRecord {
        let accepted = info.status == .accepted
        var record = AuthorizationRecord(
            chargePointId: chargePointId, idTag: idTag, method: .idTag, status: accepted ? .accepted : .rejected,
            rejectionReason: accepted ? nil : info.status.rawValue, createdAt: now, updatedAt: now)
        try record.insert(db)
        return record
    }
}

import Foundation
import GRDB
import OCPP16
import PublicAPI

/// Reads and edits the Public API needs beyond what the OCPP side uses.
extension Store {
    // MARK: Charge points and EVSEs

    /// Every EVSE of a charge point with its connectors, by networkId.
    public func evsesWithConnectors(chargePointId: Int64) async throws -> [(EVSERecord, [ConnectorRecord])] {
        try await read { db in
            let evses = try EVSERecord.filter(EVSERecord.Columns.chargePointId == chargePointId)
                .order(EVSERecord.Columns.networkId).fetchAll(db)
            return try evses.map { evse in
                let connectors = try ConnectorRecord.filter(ConnectorRecord.Columns.evseId == evse.id)
                    .order(ConnectorRecord.Columns.id).fetchAll(db)
                return (evse, connectors)
            }
        }
    }

    /// The EVSE of a charge point with this networkId (OCPP connectorId).
    public func evse(chargePointId: Int64, networkId: Int) async throws -> EVSERecord? {
        try await read { db in try Self.evse(chargePointId: chargePointId, networkId: networkId, db) }
    }

    /// The active session on an EVSE, if any.
    public func activeSession(evseId: Int64) async throws -> SessionRecord? {
        try await read { db in
            try SessionRecord.filter(
                SessionRecord.Columns.evseId == evseId && SessionRecord.Columns.status == SessionStatus.active.rawValue
            ).fetchOne(db)
        }
    }

    /// Sessions opened under an authorization (remote start), oldest first.
    public func sessions(authorizationId: Int64) async throws -> [SessionRecord] {
        try await read { db in
            try SessionRecord.filter(SessionRecord.Columns.authorizationId == authorizationId)
                .order(SessionRecord.Columns.id).fetchAll(db)
        }
    }

    // MARK: Authorizations

    /// An authorization by row id.
    public func authorization(id: Int64) async throws -> AuthorizationRecord? {
        try await read { db in try AuthorizationRecord.fetchOne(db, key: id) }
    }

    /// Authorizations filtered as `authorizations/v2.1` allows (status, method, created/updated ranges).
    public func listAuthorizations(
        status: AuthorizationDecision?, method: AuthorizationMethod?, createdAfter: Date?, createdBefore: Date?,
        lastUpdatedAfter: Date?, lastUpdatedBefore: Date?, page: PageRequest
    ) async throws -> Page<AuthorizationRecord> {
        try await read { db in
            typealias C = AuthorizationRecord.Columns
            var query = AuthorizationRecord.all()
            if let status { query = query.filter(C.status == status.rawValue) }
            if let method { query = query.filter(C.method == method.rawValue) }
            if let createdAfter { query = query.filter(C.createdAt > createdAfter) }
            if let createdBefore { query = query.filter(C.createdAt < createdBefore) }
            if let lastUpdatedAfter { query = query.filter(C.updatedAt > lastUpdatedAfter) }
            if let lastUpdatedBefore { query = query.filter(C.updatedAt < lastUpdatedBefore) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// Records an API (admin) remote start: logs an accepted `admin` authorization and makes sure
    /// its id tag exists as an enabled tag, so the charger's StartTransaction is accepted. Without
    /// `idTag` the tag is `*` + the authorization id left-padded with `0` to 10 digits ([INF]: the
    /// reference pads the session id, which does not exist before the charger starts).
    public func recordRemoteStart(idTag: String?, chargePointId: Int64, now: OCPPTimestamp) async throws
        -> AuthorizationRecord
    {
        try await write { db in
            var record = AuthorizationRecord(
                chargePointId: chargePointId, idTag: idTag ?? "*", method: .admin, status: .accepted,
                createdAt: now.date, updatedAt: now.date)
            try record.insert(db)
            if idTag == nil, let id = record.id {
                let digits = String(id)
                record.idTag = "*" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
                try record.update(db)
            }
            if try IdTagRecord.filter(IdTagRecord.Columns.idTag == record.idTag).fetchOne(db) == nil {
                var tag = IdTagRecord(
                    idTag: record.idTag, label: "remote start", status: .enabled, type: .rfid, createdAt: now.date,
                    updatedAt: now.date)
                try tag.insert(db)
            }
            return record
        }
    }

    /// The session of `chargePointId` whose OCPP transactionId is `transactionId`.
    public func session(chargePointId: Int64, transactionId: Int) async throws -> SessionRecord? {
        try await read { db in try Self.session(chargePointId: chargePointId, transactionId: transactionId, db) }
    }

    /// The active session a remote start with `idTag` opened on `chargePointId`, if the charger has
    /// sent its StartTransaction yet.
    public func activeSession(chargePointId: Int64, idTag: String) async throws -> SessionRecord? {
        try await read { db in
            try SessionRecord.filter(
                SessionRecord.Columns.chargePointId == chargePointId && SessionRecord.Columns.idTag == idTag
                    && SessionRecord.Columns.status == SessionStatus.active.rawValue
            ).order(SessionRecord.Columns.id.desc).fetchOne(db)
        }
    }

    /// Ends a session without the charger's StopTransaction (stop action with `force`): `finished`,
    /// reason `force_stop`, stopped now. A later StopTransaction for it still updates its meter stop.
    public func forceStopSession(id: Int64, now: OCPPTimestamp) async throws -> SessionRecord {
        try await write { db in
            guard var session = try SessionRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(table: SessionRecord.databaseTableName, id: id)
            }
            session.status = .finished
            session.reason = .forceStop
            session.stoppedAt = now.date
            session.updatedAt = now.date
            try session.update(db)
            return session
        }
    }

    /// Marks an authorization rejected (the charger refused the remote start).
    @discardableResult
    public func rejectAuthorization(id: Int64, reason: String, now: OCPPTimestamp) async throws
        -> AuthorizationRecord?
    {
        try await write { db in
            guard var record = try AuthorizationRecord.fetchOne(db, key: id) else { return nil }
            record.status = .rejected
            record.rejectionReason = reason
            record.updatedAt = now.date
            try record.update(db)
            return record
        }
    }

    // MARK: Id tags

    // MARK: Reservations

    /// A reservation by row id.
    public func reservation(id: Int64) async throws -> ReservationRecord? {
        try await read { db in try ReservationRecord.fetchOne(db, key: id) }
    }

    // MARK: Billing

    /// Tariffs by id (page or cursor).
    public func listTariffs(page: PageRequest) async throws -> Page<TariffRecord> {
        try await read { db in try Paginator.fetch(TariffRecord.all(), page, idOf: \.id, db) }
    }

    /// A tariff by row id.
    public func tariff(id: Int64) async throws -> TariffRecord? {
        try await read { db in try TariffRecord.fetchOne(db, key: id) }
    }

    /// Deletes a tariff; EVSEs using it fall back to free charging. `false` when absent.
    public func deleteTariff(id: Int64) async throws -> Bool {
        // The EVSE and snapshot foreign keys are ON DELETE SET NULL.
        try await write { db in try TariffRecord.deleteOne(db, key: id) }
    }

    /// A payment transaction by row id.
    public func payment(id: Int64) async throws -> PaymentTransactionRecord? {
        try await read { db in try PaymentTransactionRecord.fetchOne(db, key: id) }
    }

    /// An invoice by row id.
    public func invoice(id: Int64) async throws -> InvoiceRecord? {
        try await read { db in try InvoiceRecord.fetchOne(db, key: id) }
    }
}

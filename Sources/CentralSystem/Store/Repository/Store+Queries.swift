import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// A charge point by row id.
    public func chargePoint(id: Int64) async throws -> ChargePointRecord? {
        try await read { db in try ChargePointRecord.fetchOne(db, key: id) }
    }

    /// A charge point by OCPP identity.
    public func chargePoint(identity: String) async throws -> ChargePointRecord? {
        try await read { db in try Self.chargePoint(identity: identity, db) }
    }

    /// Charge points matching `filter`, one slice.
    public func listChargePoints(
        _ filter: ChargePointFilter = ChargePointFilter(), page: PageRequest
    ) async throws -> Page<ChargePointRecord> {
        try await read { db in
            typealias C = ChargePointRecord.Columns
            var query = ChargePointRecord.all()
            if let networkId = filter.networkId { query = query.filter(C.ocppIdentity == networkId) }
            if let name = filter.name { query = query.filter(C.name == name) }
            if let after = filter.lastUpdatedAfter { query = query.filter(C.updatedAt > after) }
            if let before = filter.lastUpdatedBefore { query = query.filter(C.updatedAt < before) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// An EVSE by row (system) id.
    public func evse(id: Int64) async throws -> EVSERecord? {
        try await read { db in try EVSERecord.fetchOne(db, key: id) }
    }

    /// EVSEs, optionally of one charge point, one slice.
    public func listEVSEs(chargePointId: Int64? = nil, page: PageRequest) async throws -> Page<EVSERecord> {
        try await read { db in
            var query = EVSERecord.all()
            if let chargePointId { query = query.filter(EVSERecord.Columns.chargePointId == chargePointId) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// The connectors of an EVSE, by id.
    public func connectors(evseId: Int64) async throws -> [ConnectorRecord] {
        try await read { db in
            try ConnectorRecord.filter(ConnectorRecord.Columns.evseId == evseId)
                .order(ConnectorRecord.Columns.id).fetchAll(db)
        }
    }

    /// A session by row id.
    public func session(id: Int64) async throws -> SessionRecord? {
        try await read { db in try SessionRecord.fetchOne(db, key: id) }
    }

    /// Sessions matching `filter`, one slice.
    public func listSessions(_ filter: SessionFilter = SessionFilter(), page: PageRequest) async throws -> Page<
        SessionRecord
    > {
        try await read { db in
            typealias C = SessionRecord.Columns
            var query = SessionRecord.all()
            if let chargePointId = filter.chargePointId { query = query.filter(C.chargePointId == chargePointId) }
            if let evseId = filter.evseId { query = query.filter(C.evseId == evseId) }
            if let status = filter.status { query = query.filter(C.status == status.rawValue) }
            if let idTag = filter.idTag { query = query.filter(C.idTag == idTag) }
            if let after = filter.startedAfter { query = query.filter(C.startedAt > after) }
            if let before = filter.startedBefore { query = query.filter(C.startedAt < before) }
            if let after = filter.endedAfter { query = query.filter(C.stoppedAt > after) }
            if let before = filter.endedBefore { query = query.filter(C.stoppedAt < before) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// A session's samples in time order (consumption stats).
    public func meterSamples(sessionId: Int64) async throws -> [MeterSampleRecord] {
        try await read { db in
            try MeterSampleRecord.filter(MeterSampleRecord.Columns.sessionId == sessionId)
                .order(MeterSampleRecord.Columns.timestamp).fetchAll(db)
        }
    }

    /// The samples of `identity`'s MeterValues that matched no session, in time order.
    public func unattachedMeterSamples(identity: String) async throws -> [UnattachedMeterSampleRecord] {
        try await read { db in
            guard let chargePointId = try Self.chargePoint(identity: identity, db)?.id else { return [] }
            return try UnattachedMeterSampleRecord.filter(
                UnattachedMeterSampleRecord.Columns.chargePointId == chargePointId
            ).order(UnattachedMeterSampleRecord.Columns.timestamp).fetchAll(db)
        }
    }

    /// Id tags matching `filter`, one slice.
    public func listIdTags(_ filter: IdTagFilter = IdTagFilter(), page: PageRequest) async throws -> Page<IdTagRecord> {
        try await read { db in
            var query = IdTagRecord.all()
            if let uid = filter.idTagUid { query = query.filter(IdTagRecord.Columns.idTag == uid) }
            if let status = filter.status { query = query.filter(IdTagRecord.Columns.status == status.rawValue) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// Authorizations, newest last, one slice.
    public func listAuthorizations(page: PageRequest) async throws -> Page<AuthorizationRecord> {
        try await read { db in try Paginator.fetch(AuthorizationRecord.all(), page, idOf: \.id, db) }
    }

    /// Adds a tariff.
    public func createTariff(_ tariff: TariffRecord) async throws -> TariffRecord {
        try await write { db in
            var tariff = tariff
            try tariff.insert(db)
            return tariff
        }
    }

    /// Points an EVSE at a tariff (`nil` = free); later sessions snapshot it at start.
    public func setTariff(evseId: Int64, tariffId: Int64?, now: OCPPTimestamp) async throws {
        try await write { db in
            guard var evse = try EVSERecord.fetchOne(db, key: evseId) else {
                throw StoreError.notFound(table: EVSERecord.databaseTableName, id: evseId)
            }
            evse.tariffId = tariffId
            evse.updatedAt = now.date
            try evse.update(db)
        }
    }

    /// A tariff snapshot by id.
    public func tariffSnapshot(id: Int64) async throws -> TariffSnapshotRecord? {
        try await read { db in try TariffSnapshotRecord.fetchOne(db, key: id) }
    }

    /// Payment transactions, optionally of one session, one slice.
    public func listPayments(sessionId: Int64? = nil, page: PageRequest) async throws -> Page<PaymentTransactionRecord>
    {
        try await read { db in
            var query = PaymentTransactionRecord.all()
            if let sessionId { query = query.filter(PaymentTransactionRecord.Columns.sessionId == sessionId) }
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }

    /// Invoices issued in `[issuedFrom, issuedTo]`, page mode only (reference §4.14).
    public func listInvoices(
        issuedFrom: Date? = nil, issuedTo: Date? = nil, page: Int, perPage: Int
    ) async throws -> Page<InvoiceRecord> {
        try await read { db in
            var query = InvoiceRecord.all()
            if let issuedFrom { query = query.filter(InvoiceRecord.Columns.date >= issuedFrom) }
            if let issuedTo { query = query.filter(InvoiceRecord.Columns.date <= issuedTo) }
            return try Paginator.fetch(query, .page(number: page, perPage: perPage), idOf: \.id, db)
        }
    }
}

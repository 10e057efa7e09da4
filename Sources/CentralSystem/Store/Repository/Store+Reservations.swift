import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// Records an accepted ReserveNow (OCPP 1.6 §5.13); the row id is the OCPP reservationId.
    public func addReservation(
        chargePointId: Int64, evseId: Int64, userId: Int64, idTag: String, durationMinutes: Int, now: OCPPTimestamp
    ) async throws -> ReservationRecord {
        try await write { db in
            var reservation = ReservationRecord(
                chargePointId: chargePointId, evseId: evseId, userId: userId, idTag: idTag, status: .active,
                reservedAt: now.date, durationMinutes: durationMinutes, createdAt: now.date, updatedAt: now.date)
            try reservation.insert(db)
            return reservation
        }
    }

    /// Moves a reservation to `status` (`canceled` also stamps `canceledAt`).
    public func setReservationStatus(
        id: Int64, _ status: PublicAPI.ReservationState, now: OCPPTimestamp
    ) async throws -> ReservationRecord {
        try await write { db in
            guard var reservation = try ReservationRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(table: ReservationRecord.databaseTableName, id: id)
            }
            reservation.status = status
            if status == .canceled { reservation.canceledAt = now.date }
            reservation.updatedAt = now.date
            try reservation.update(db)
            return reservation
        }
    }

    /// Reservations, page mode only (reference §4.10), optionally of one EVSE or status.
    public func listReservations(
        evseId: Int64? = nil, status: PublicAPI.ReservationState? = nil, page: Int, perPage: Int
    ) async throws -> Page<ReservationRecord> {
        try await read { db in
            var query = ReservationRecord.all()
            if let evseId { query = query.filter(ReservationRecord.Columns.evseId == evseId) }
            if let status { query = query.filter(ReservationRecord.Columns.status == status.rawValue) }
            return try Paginator.fetch(query, .page(number: page, perPage: perPage), idOf: \.id, db)
        }
    }
}

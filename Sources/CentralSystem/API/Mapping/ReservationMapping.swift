import Foundation
import PublicAPI

extension Reservation {
    /// Reservation v1.0 (reference §4.10); `duration` in minutes.
    init(record: ReservationRecord) {
        self.init(
            id: Int(record.id ?? 0), chargePointId: Int(record.chargePointId), evseId: Int(record.evseId),
            userId: Int(record.userId), status: record.status, reservedAt: record.reservedAt,
            duration: record.durationMinutes, canceledAt: record.canceledAt, lastUpdatedAt: record.updatedAt)
    }
}

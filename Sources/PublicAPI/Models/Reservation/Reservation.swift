import Foundation

/// A reservation, reservations v1.0 (reference §4.10).
public struct Reservation: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `chargePointId`: Charge point.
    public var chargePointId: Int
    /// `evseId`: EVSE system id.
    public var evseId: Int
    /// `userId`: User.
    public var userId: Int
    /// `status`: active, expired, canceled or done.
    public var status: ReservationState
    /// `reservedAt`: Start.
    public var reservedAt: Date
    /// `duration`: Minutes.
    public var duration: Int
    /// `canceledAt`: Cancellation.
    public var canceledAt: Date?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, chargePointId: Int, evseId: Int, userId: Int, status: ReservationState, reservedAt: Date,
        duration: Int, canceledAt: Date? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.userId = userId
        self.status = status
        self.reservedAt = reservedAt
        self.duration = duration
        self.canceledAt = canceledAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}

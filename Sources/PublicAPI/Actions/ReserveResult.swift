/// 202 answer of reserve (reference §5).
public struct ReserveResult: Codable, Hashable, Sendable {
    /// `success`: Accepted.
    public var success: Bool
    /// `reservationId`: Reservation.
    public var reservationId: Int?

    /// Creates the value; optional fields default to absent.
    public init(success: Bool, reservationId: Int? = nil) {
        self.success = success
        self.reservationId = reservationId
    }
}

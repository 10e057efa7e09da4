/// Body of reservation cancel (reference §5).
public struct CancelReservationBody: Codable, Hashable, Sendable {
    /// `force`: Cancel regardless of the charger (default false).
    public var force: Bool?
    /// `reason`: Reason.
    public var reason: String?

    /// Creates the value; optional fields default to absent.
    public init(force: Bool? = nil, reason: String? = nil) {
        self.force = force
        self.reason = reason
    }
}

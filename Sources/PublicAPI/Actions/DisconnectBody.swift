/// Body of disconnect (reference §5).
public struct DisconnectBody: Codable, Hashable, Sendable {
    /// `reason`: Reason (≤255).
    public var reason: String

    /// Creates the value; optional fields default to absent.
    public init(reason: String) {
        self.reason = reason
    }
}

/// Body of reserve (reference §5).
public struct ReserveBody: Codable, Hashable, Sendable {
    /// `userId`: User.
    public var userId: Int
    /// `reason`: Defaults to "Activated via API".
    public var reason: String?

    /// Creates the value; optional fields default to absent.
    public init(userId: Int, reason: String? = nil) {
        self.userId = userId
        self.reason = reason
    }
}

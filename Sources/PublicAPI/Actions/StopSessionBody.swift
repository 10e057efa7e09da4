/// Body of stop session (reference §5).
public struct StopSessionBody: Codable, Hashable, Sendable {
    /// `force`: End regardless of the charger's reply (default false).
    public var force: Bool?

    /// Creates the value; optional fields default to absent.
    public init(force: Bool? = nil) {
        self.force = force
    }
}

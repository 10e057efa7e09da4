/// The `{success}` answer of reset, unlock, disconnect, ... (reference §5).
public struct ActionResult: Codable, Hashable, Sendable {
    /// `success`: Whether the charger accepted.
    public var success: Bool

    /// Creates the value; optional fields default to absent.
    public init(success: Bool) {
        self.success = success
    }
}

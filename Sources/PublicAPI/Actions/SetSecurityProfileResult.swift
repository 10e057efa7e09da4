/// Answer of set-security-profile (reference §5): 202 `{success}`, 406 with a `message`.
public struct SetSecurityProfileResult: Codable, Hashable, Sendable {
    /// `success`: Accepted.
    public var success: Bool
    /// `message`: Why not.
    public var message: String?

    /// Creates the value; optional fields default to absent.
    public init(success: Bool, message: String? = nil) {
        self.success = success
        self.message = message
    }
}

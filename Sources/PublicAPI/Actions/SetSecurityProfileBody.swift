/// Body of set-security-profile v2.0 (reference §5): raise only, to 1 or 2.
public struct SetSecurityProfileBody: Codable, Hashable, Sendable {
    /// `setSecurityProfile`: New profile.
    public var setSecurityProfile: Int
    /// `reason`: Reason (≤500).
    public var reason: String

    /// Creates the value; optional fields default to absent.
    public init(setSecurityProfile: Int, reason: String) {
        self.setSecurityProfile = setSecurityProfile
        self.reason = reason
    }
}

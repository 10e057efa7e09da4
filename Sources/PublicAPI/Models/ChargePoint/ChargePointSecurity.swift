/// Charge point v2.0 `security` (reference §4.1).
public struct ChargePointSecurity: Codable, Hashable, Sendable {
    /// `desiredProfile`: Wanted profile, 0–3; tried three times at boot.
    public var desiredProfile: Int?
    /// `currentProfile`: Profile in use, read-only.
    public var currentProfile: Int?
    /// `hardwareEnabledProfile`: Highest profile the hardware supports, read-only.
    public var hardwareEnabledProfile: Int?
    /// `desiredProfileStatus`: applied, pending or rejected.
    public var desiredProfileStatus: SecurityProfileStatus?

    /// Creates the value; optional fields default to absent.
    public init(
        desiredProfile: Int? = nil, currentProfile: Int? = nil, hardwareEnabledProfile: Int? = nil,
        desiredProfileStatus: SecurityProfileStatus? = nil
    ) {
        self.desiredProfile = desiredProfile
        self.currentProfile = currentProfile
        self.hardwareEnabledProfile = hardwareEnabledProfile
        self.desiredProfileStatus = desiredProfileStatus
    }
}

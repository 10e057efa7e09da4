/// Body of clear-charging-profile; all optional (reference §5). Note `evseNetworkId` is a string here.
public struct ClearChargingProfileBody: Codable, Hashable, Sendable {
    /// `id`: Profile id.
    public var id: Int?
    /// `evseNetworkId`: EVSE networkId, a string.
    public var evseNetworkId: String?
    /// `chargingProfilePurpose`: Purpose.
    public var chargingProfilePurpose: ProfilePurpose?
    /// `stackLevel`: Stack level.
    public var stackLevel: Int?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, evseNetworkId: String? = nil, chargingProfilePurpose: ProfilePurpose? = nil,
        stackLevel: Int? = nil
    ) {
        self.id = id
        self.evseNetworkId = evseNetworkId
        self.chargingProfilePurpose = chargingProfilePurpose
        self.stackLevel = stackLevel
    }
}

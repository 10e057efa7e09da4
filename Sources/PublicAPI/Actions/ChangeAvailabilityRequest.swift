/// Body of change-availability (reference §5); omit `evseNetworkId` for the whole charge point.
public struct ChangeAvailabilityRequest: Codable, Hashable, Sendable {
    /// `type`: Operative or Inoperative.
    public var type: AvailabilityType
    /// `evseNetworkId`: EVSE networkId (OCPP connectorId).
    public var evseNetworkId: Int?

    /// Creates the value; optional fields default to absent.
    public init(type: AvailabilityType, evseNetworkId: Int? = nil) {
        self.type = type
        self.evseNetworkId = evseNetworkId
    }
}

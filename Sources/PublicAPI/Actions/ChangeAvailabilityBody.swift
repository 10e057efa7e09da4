/// Body of change-availability (reference §5); omit `evseNetworkId` for the whole charge point.
public struct ChangeAvailabilityBody: Codable, Hashable, Sendable {
    /// `type`: Operative or Inoperative.
    public var type: Availability
    /// `evseNetworkId`: EVSE networkId (OCPP connectorId).
    public var evseNetworkId: Int?

    /// Creates the value; optional fields default to absent.
    public init(type: Availability, evseNetworkId: Int? = nil) {
        self.type = type
        self.evseNetworkId = evseNetworkId
    }
}

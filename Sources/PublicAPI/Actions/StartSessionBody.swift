/// Body of start session (on EVSE, without EVSE, by EVSE id) (reference §5).
public struct StartSessionBody: Codable, Hashable, Sendable {
    /// `userId`: User.
    public var userId: Int?
    /// `paymentMethodId`: Needs `userId`.
    public var paymentMethodId: String?
    /// `idTag`: Id tag to start with.
    public var idTag: String?
    /// `connectorId`: Connector.
    public var connectorId: Int?
    /// `bookingId`: Booking.
    public var bookingId: Int?
    /// `externalSessionId`: Deprecated.
    public var externalSessionId: String?
    /// `chargingProfile`: Only on the EVSE variants.
    public var chargingProfile: SetChargingProfileBody?

    /// Creates the value; optional fields default to absent.
    public init(
        userId: Int? = nil, paymentMethodId: String? = nil, idTag: String? = nil, connectorId: Int? = nil,
        bookingId: Int? = nil, externalSessionId: String? = nil, chargingProfile: SetChargingProfileBody? = nil
    ) {
        self.userId = userId
        self.paymentMethodId = paymentMethodId
        self.idTag = idTag
        self.connectorId = connectorId
        self.bookingId = bookingId
        self.externalSessionId = externalSessionId
        self.chargingProfile = chargingProfile
    }
}

import OCPP16

/// One accepted ReserveNow.req (OCPP 1.6 §5.13).
public struct Reservation: Sendable, Hashable, Codable {
    /// `reservationId`, unique per charger.
    public var id: Int
    /// The reserved connector; 0 reserves any one connector of the charger.
    public var connectorId: Int
    /// The id tag the reservation is for.
    public var idTag: CiString20
    /// The group whose members may also use it.
    public var parentIdTag: CiString20?
    /// When the reservation ends unless used.
    public var expiryDate: OCPPTimestamp

    public init(id: Int, connectorId: Int, idTag: CiString20, parentIdTag: CiString20? = nil, expiryDate: OCPPTimestamp)
    {
        self.id = id
        self.connectorId = connectorId
        self.idTag = idTag
        self.parentIdTag = parentIdTag
        self.expiryDate = expiryDate
    }

    /// The reservation a ReserveNow.req asks for.
    public init(_ request: ReserveNowRequest) {
        self.init(
            id: request.reservationId,
            connectorId: request.connectorId,
            idTag: request.idTag,
            parentIdTag: request.parentIdTag,
            expiryDate: request.expiryDate
        )
    }

    /// Whether a driver presenting `idTag`, whose group is `parentIdTag`, may use this reservation:
    /// the reserved id itself, or any id with the reservation's parent id (§5.13). Case-insensitive.
    public func admits(idTag: CiString20, parentIdTag: CiString20?) -> Bool {
        if idTag.value.lowercased() == self.idTag.value.lowercased() { return true }
        guard let reservedParent = self.parentIdTag, let parentIdTag else { return false }
        return reservedParent.value.lowercased() == parentIdTag.value.lowercased()
    }
}

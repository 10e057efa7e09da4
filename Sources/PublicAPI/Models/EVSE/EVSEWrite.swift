/// Body of EVSE create (POST, 201) and update (PATCH) (reference §4.4); create needs physicalReference, currentType, networkId and status.
public struct EVSEWrite: Codable, Hashable, Sendable {
    /// `chargePointId`: Required on `POST /evses/v2.1`.
    public var chargePointId: Int?
    /// `networkId`: OCPP connectorId as a string.
    public var networkId: String?
    /// `physicalReference`: Label.
    public var physicalReference: String?
    /// `label`: App label.
    public var label: String?
    /// `currentType`: ac or dc.
    public var currentType: CurrentType?
    /// `status`: Administrative status.
    public var status: AdminStatus?
    /// `powerOptions`: Electrical limits.
    public var powerOptions: EVSEPowerOptions?
    /// `tariffGroupId`: Tariff group.
    public var tariffGroupId: Int?
    /// `allowsReservation`: Reservations allowed.
    public var allowsReservation: Bool?
    /// `externalId`: External id.
    public var externalId: String?

    /// Creates the value; optional fields default to absent.
    public init(
        chargePointId: Int? = nil, networkId: String? = nil, physicalReference: String? = nil, label: String? = nil,
        currentType: CurrentType? = nil, status: AdminStatus? = nil, powerOptions: EVSEPowerOptions? = nil,
        tariffGroupId: Int? = nil, allowsReservation: Bool? = nil, externalId: String? = nil
    ) {
        self.chargePointId = chargePointId
        self.networkId = networkId
        self.physicalReference = physicalReference
        self.label = label
        self.currentType = currentType
        self.status = status
        self.powerOptions = powerOptions
        self.tariffGroupId = tariffGroupId
        self.allowsReservation = allowsReservation
        self.externalId = externalId
    }
}

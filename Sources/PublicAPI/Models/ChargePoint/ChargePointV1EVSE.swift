/// An EVSE embedded in a v1.0 charge point (reference §4.2).
public struct ChargePointV1EVSE: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `networkId`: OCPP connector id.
    public var networkId: String?
    /// `physicalReference`: Label for drivers.
    public var physicalReference: String?
    /// `currentType`: ac or dc.
    public var currentType: CurrentType?
    /// `maxPower`: Maximum power.
    public var maxPower: Double?
    /// `status`: `active`, ...
    public var status: AdminStatus?
    /// `hardwareStatus`: Live status.
    @ExplicitNull public var hardwareStatus: EVSEHardwareStatus?
    /// `tariffGroupId`: Tariff group.
    public var tariffGroupId: Int?
    /// `connectors`: Connectors.
    public var connectors: [Connector]?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, networkId: String? = nil, physicalReference: String? = nil, currentType: CurrentType? = nil,
        maxPower: Double? = nil, status: AdminStatus? = nil, hardwareStatus: EVSEHardwareStatus? = nil,
        tariffGroupId: Int? = nil, connectors: [Connector]? = nil
    ) {
        self.id = id
        self.networkId = networkId
        self.physicalReference = physicalReference
        self.currentType = currentType
        self.maxPower = maxPower
        self.status = status
        self.hardwareStatus = hardwareStatus
        self.tariffGroupId = tariffGroupId
        self.connectors = connectors
    }
}

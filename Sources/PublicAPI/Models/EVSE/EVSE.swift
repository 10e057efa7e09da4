import Foundation

/// An EVSE, v2.1 shape (also charge point v2.0 `evses`) (reference §4.4).
public struct EVSE: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `chargePointId`: Owning charge point (top-level `/evses/v2.1` only).
    public var chargePointId: Int?
    /// `networkId`: OCPP connectorId as a string, consecutive from 1.
    public var networkId: String
    /// `physicalReference`: Label shown to drivers.
    public var physicalReference: String
    /// `label`: App label.
    public var label: String?
    /// `currentType`: ac or dc.
    public var currentType: CurrentType
    /// `status`: Administrative status.
    public var status: AdminStatus
    /// `hardwareStatus`: Live status, `null` = never reported (reference §3.1).
    @ExplicitNull public var hardwareStatus: EVSEHardwareStatus?
    /// `powerOptions`: Electrical limits.
    public var powerOptions: EVSEPowerOptions?
    /// `tariffGroupId`: Tariff group; the free tariff when omitted.
    public var tariffGroupId: Int?
    /// `allowsReservation`: Reservations allowed.
    public var allowsReservation: Bool?
    /// `bookingEnabled`: Booking allowed.
    public var bookingEnabled: Bool?
    /// `midMeterCertificationEndYear`: MID meter certification end.
    public var midMeterCertificationEndYear: Int?
    /// `externalId`: External id.
    public var externalId: String?
    /// `roamingOperatorId`: Roaming operator, `null` = local.
    @ExplicitNull public var roamingOperatorId: Int?
    /// `roaming`: OCPI roaming block, passed through.
    public var roaming: JSONValue?
    /// `chargingProfile`: Applied profile (only with `include[]=chargingProfile`).
    @Included public var chargingProfile: AppliedChargingProfile? = nil
    /// `connectors`: Connectors (with `include[]`).
    public var connectors: [Connector]?
    /// `externalAppData`: External app data (only with `include[]=externalAppData`).
    @Included public var externalAppData: JSONValue? = nil
    /// `createdAt`: Creation time.
    public var createdAt: Date
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, chargePointId: Int? = nil, networkId: String, physicalReference: String, label: String? = nil,
        currentType: CurrentType, status: AdminStatus, hardwareStatus: EVSEHardwareStatus? = nil,
        powerOptions: EVSEPowerOptions? = nil, tariffGroupId: Int? = nil, allowsReservation: Bool? = nil,
        bookingEnabled: Bool? = nil, midMeterCertificationEndYear: Int? = nil, externalId: String? = nil,
        roamingOperatorId: Int? = nil, roaming: JSONValue? = nil, chargingProfile: AppliedChargingProfile? = nil,
        connectors: [Connector]? = nil, externalAppData: JSONValue? = nil, createdAt: Date, lastUpdatedAt: Date
    ) {
        self.id = id
        self.chargePointId = chargePointId
        self.networkId = networkId
        self.physicalReference = physicalReference
        self.label = label
        self.currentType = currentType
        self.status = status
        self.hardwareStatus = hardwareStatus
        self.powerOptions = powerOptions
        self.tariffGroupId = tariffGroupId
        self.allowsReservation = allowsReservation
        self.bookingEnabled = bookingEnabled
        self.midMeterCertificationEndYear = midMeterCertificationEndYear
        self.externalId = externalId
        self.roamingOperatorId = roamingOperatorId
        self.roaming = roaming
        self.chargingProfile = chargingProfile
        self.connectors = connectors
        self.externalAppData = externalAppData
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}

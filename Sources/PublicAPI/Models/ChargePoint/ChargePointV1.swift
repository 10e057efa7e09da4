import Foundation

/// A charge point, deprecated v1.0 flat shape with embedded EVSEs (reference §4.2).
public struct ChargePointV1: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `name`: Display name.
    public var name: String?
    /// `networkId`: OCPP identifier.
    public var networkId: String?
    /// `networkProtocol`: OCPP version.
    public var networkProtocol: NetworkProtocol?
    /// `networkPassword`: Basic-auth password.
    public var networkPassword: String?
    /// `accessType`: public, private or personal.
    public var accessType: ChargePointType?
    /// `status`: `active`, `disabled`, ...
    public var status: AdminStatus?
    /// `plugAndCharge`: Plug and charge.
    public var plugAndCharge: Bool?
    /// `desiredSecurityProfile`: Wanted profile, 0–2.
    public var desiredSecurityProfile: Int?
    /// `currentSecurityProfile`: Profile in use.
    public var currentSecurityProfile: Int?
    /// `capabilities`: UPPER_SNAKE capability names.
    public var capabilities: [String]?
    /// `networkStatus`: Space spelling.
    public var networkStatus: LegacyNetworkStatus?
    /// `hardwareStatus`: Connector-0 status.
    @ExplicitNull public var hardwareStatus: ChargePointHardwareStatus?
    /// `evses`: Embedded EVSEs.
    public var evses: [ChargePointV1EVSE]?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, name: String? = nil, networkId: String? = nil, networkProtocol: NetworkProtocol? = nil,
        networkPassword: String? = nil, accessType: ChargePointType? = nil, status: AdminStatus? = nil,
        plugAndCharge: Bool? = nil, desiredSecurityProfile: Int? = nil, currentSecurityProfile: Int? = nil,
        capabilities: [String]? = nil, networkStatus: LegacyNetworkStatus? = nil,
        hardwareStatus: ChargePointHardwareStatus? = nil, evses: [ChargePointV1EVSE]? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.networkId = networkId
        self.networkProtocol = networkProtocol
        self.networkPassword = networkPassword
        self.accessType = accessType
        self.status = status
        self.plugAndCharge = plugAndCharge
        self.desiredSecurityProfile = desiredSecurityProfile
        self.currentSecurityProfile = currentSecurityProfile
        self.capabilities = capabilities
        self.networkStatus = networkStatus
        self.hardwareStatus = hardwareStatus
        self.evses = evses
        self.lastUpdatedAt = lastUpdatedAt
    }
}

/// Body of charge point v2.0 create (POST) and partial update (PATCH) (reference §4.1); omitted fields are left alone.
public struct ChargePointWrite: Codable, Hashable, Sendable {
    /// `name`: Display name.
    public var name: String?
    /// `type`: public, private or personal.
    public var type: ChargePointType?
    /// `status`: Administrative status.
    public var status: AdminStatus?
    /// `locationId`: Location.
    public var locationId: Int?
    /// `chargingZoneId`: Charging zone.
    public var chargingZoneId: Int?
    /// `modelId`: Hardware model.
    public var modelId: Int?
    /// `pin`: PIN.
    public var pin: String?
    /// `network`: OCPP identity and password.
    public var network: ChargePointNetwork?
    /// `networkType`: Network type.
    public var networkType: NetworkType?
    /// `communicationMode`: Documented as mandatory on create.
    public var communicationMode: CommunicationMode?
    /// `capabilities`: Capabilities.
    public var capabilities: [ChargePointCapability]?
    /// `autoStartWithoutAuthorization`: Auto start.
    public var autoStartWithoutAuthorization: Bool?
    /// `disableAutoStartEmulation`: Auto-start emulation off.
    public var disableAutoStartEmulation: Bool?
    /// `security`: Only `desiredProfile` is writable.
    public var security: ChargePointSecurity?
    /// `enableAutoFaultRecovery`: Auto fault recovery.
    public var enableAutoFaultRecovery: Bool?
    /// `tags`: Tags (replaces the list).
    public var tags: [String]?
    /// `externalId`: External id.
    public var externalId: String?

    /// Creates the value; optional fields default to absent.
    public init(
        name: String? = nil, type: ChargePointType? = nil, status: AdminStatus? = nil, locationId: Int? = nil,
        chargingZoneId: Int? = nil, modelId: Int? = nil, pin: String? = nil, network: ChargePointNetwork? = nil,
        networkType: NetworkType? = nil, communicationMode: CommunicationMode? = nil,
        capabilities: [ChargePointCapability]? = nil, autoStartWithoutAuthorization: Bool? = nil,
        disableAutoStartEmulation: Bool? = nil, security: ChargePointSecurity? = nil,
        enableAutoFaultRecovery: Bool? = nil, tags: [String]? = nil, externalId: String? = nil
    ) {
        self.name = name
        self.type = type
        self.status = status
        self.locationId = locationId
        self.chargingZoneId = chargingZoneId
        self.modelId = modelId
        self.pin = pin
        self.network = network
        self.networkType = networkType
        self.communicationMode = communicationMode
        self.capabilities = capabilities
        self.autoStartWithoutAuthorization = autoStartWithoutAuthorization
        self.disableAutoStartEmulation = disableAutoStartEmulation
        self.security = security
        self.enableAutoFaultRecovery = enableAutoFaultRecovery
        self.tags = tags
        self.externalId = externalId
    }
}

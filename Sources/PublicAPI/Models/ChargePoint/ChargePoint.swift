import Foundation

/// A charge point, charge points v2.0 shape (reference §4.1); EVSEs are not embedded.
public struct ChargePoint: Codable, Hashable, Sendable {
    /// `id`: System id, used in every URL.
    public var id: Int
    /// `name`: Display name (≤255).
    public var name: String?
    /// `type`: public, private or personal.
    public var type: ChargePointType?
    /// `status`: Administrative status (`enabled`, ...).
    public var status: AdminStatus?
    /// `locationId`: Location; required for public/private.
    public var locationId: Int?
    /// `chargingZoneId`: Charging zone.
    public var chargingZoneId: Int?
    /// `electricityRateId`: Electricity rate.
    public var electricityRateId: Int?
    /// `utilityId`: Utility.
    public var utilityId: Int?
    /// `modelId`: Hardware model.
    public var modelId: Int?
    /// `noticeId`: Notice.
    public var noticeId: Int?
    /// `pin`: PIN (≤4 digits), personal chargers only.
    public var pin: String?
    /// `network`: OCPP identity and credentials.
    public var network: ChargePointNetwork?
    /// `networkType`: cellular, ethernet or wlan.
    public var networkType: NetworkType?
    /// `communicationMode`: How the back end talks to it.
    public var communicationMode: CommunicationMode?
    /// `managedByOperator`: Deprecated, replaced by `communicationMode`.
    public var managedByOperator: Bool?
    /// `ocppConnectedChargePointId`: Master charge point of a satellite.
    public var ocppConnectedChargePointId: Int?
    /// `capabilities`: Declared capabilities.
    public var capabilities: [ChargePointCapability]?
    /// `autoStartWithoutAuthorization`: Plug-and-charge without authorization.
    public var autoStartWithoutAuthorization: Bool?
    /// `disableAutoStartEmulation`: Disables auto-start emulation.
    public var disableAutoStartEmulation: Bool?
    /// `security`: OCPP security profile state.
    public var security: ChargePointSecurity?
    /// `enableAutoFaultRecovery`: Automatic fault recovery (default true).
    public var enableAutoFaultRecovery: Bool?
    /// `user`: Owner of a personal charger.
    public var user: ChargePointOwner?
    /// `partner`: Partner contract.
    public var partner: ChargePointPartner?
    /// `subscription`: Subscription requirement (personal only).
    public var subscription: ChargePointSubscription?
    /// `networkStatus`: Connection state (underscore spelling), read-only.
    public var networkStatus: NetworkStatus?
    /// `hardwareStatus`: Connector-0 status, `null` when never reported; read-only.
    @ExplicitNull public var hardwareStatus: ChargePointHardwareStatus?
    /// `vendorErrorCode`: Vendor error code, only when faulted.
    public var vendorErrorCode: String?
    /// `lastBootNotification`: Last BootNotification (only with `include[]=lastBootNotification`).
    @Included public var lastBootNotification: BootNotificationInfo? = nil
    /// `chargingProfile`: Applied charging profile (only with `include[]=chargingProfile`).
    @Included public var chargingProfile: AppliedChargingProfile? = nil
    /// `smartCharging`: Smart-charging settings (only with `include[]=smartCharging`).
    @Included public var smartCharging: JSONValue? = nil
    /// `smartChargingPreferences`: Smart-charging preferences (only with its `include[]`).
    @Included public var smartChargingPreferences: JSONValue? = nil
    /// `personalSmartChargingPreferences`: Owner's smart-charging preferences (only with its `include[]`).
    @Included public var personalSmartChargingPreferences: JSONValue? = nil
    /// `availablePersonalSmartChargingModes`: Modes the owner may pick (only with its `include[]`).
    @Included public var availablePersonalSmartChargingModes: JSONValue? = nil
    /// `roamingOperatorId`: Roaming operator, `null` = local.
    public var roamingOperatorId: Int?
    /// `tags`: Tags; PATCH replaces the list.
    public var tags: [String]?
    /// `externalId`: External id.
    public var externalId: String?
    /// `sharingCode`: Sharing code.
    public var sharingCode: String?
    /// `enabledRandomisedDelay`: Randomised start delay.
    public var enabledRandomisedDelay: Bool?
    /// `usesRenewableEnergy`: Renewable energy flag.
    public var usesRenewableEnergy: Bool?
    /// `displayTariffAndCosts`: Shows tariff and costs on the charger.
    public var displayTariffAndCosts: Bool?
    /// `createdAt`: Creation time.
    public var createdAt: Date?
    /// `firstContactAt`: First contact, a date only (reference §2.5).
    public var firstContactAt: CalendarDay?
    /// `integratedAt`: Integration time.
    public var integratedAt: Date?
    /// `manufacturedAt`: Manufacture time.
    public var manufacturedAt: Date?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, name: String? = nil, type: ChargePointType? = nil, status: AdminStatus? = nil, locationId: Int? = nil,
        chargingZoneId: Int? = nil, electricityRateId: Int? = nil, utilityId: Int? = nil, modelId: Int? = nil,
        noticeId: Int? = nil, pin: String? = nil, network: ChargePointNetwork? = nil, networkType: NetworkType? = nil,
        communicationMode: CommunicationMode? = nil, managedByOperator: Bool? = nil,
        ocppConnectedChargePointId: Int? = nil, capabilities: [ChargePointCapability]? = nil,
        autoStartWithoutAuthorization: Bool? = nil, disableAutoStartEmulation: Bool? = nil,
        security: ChargePointSecurity? = nil, enableAutoFaultRecovery: Bool? = nil, user: ChargePointOwner? = nil,
        partner: ChargePointPartner? = nil, subscription: ChargePointSubscription? = nil,
        networkStatus: NetworkStatus? = nil, hardwareStatus: ChargePointHardwareStatus? = nil,
        vendorErrorCode: String? = nil, lastBootNotification: BootNotificationInfo? = nil,
        chargingProfile: AppliedChargingProfile? = nil, roamingOperatorId: Int? = nil, tags: [String]? = nil,
        externalId: String? = nil, sharingCode: String? = nil, enabledRandomisedDelay: Bool? = nil,
        usesRenewableEnergy: Bool? = nil, displayTariffAndCosts: Bool? = nil, createdAt: Date? = nil,
        firstContactAt: CalendarDay? = nil, integratedAt: Date? = nil, manufacturedAt: Date? = nil,
        lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.status = status
        self.locationId = locationId
        self.chargingZoneId = chargingZoneId
        self.electricityRateId = electricityRateId
        self.utilityId = utilityId
        self.modelId = modelId
        self.noticeId = noticeId
        self.pin = pin
        self.network = network
        self.networkType = networkType
        self.communicationMode = communicationMode
        self.managedByOperator = managedByOperator
        self.ocppConnectedChargePointId = ocppConnectedChargePointId
        self.capabilities = capabilities
        self.autoStartWithoutAuthorization = autoStartWithoutAuthorization
        self.disableAutoStartEmulation = disableAutoStartEmulation
        self.security = security
        self.enableAutoFaultRecovery = enableAutoFaultRecovery
        self.user = user
        self.partner = partner
        self.subscription = subscription
        self.networkStatus = networkStatus
        self.hardwareStatus = hardwareStatus
        self.vendorErrorCode = vendorErrorCode
        self.lastBootNotification = lastBootNotification
        self.chargingProfile = chargingProfile
        self.roamingOperatorId = roamingOperatorId
        self.tags = tags
        self.externalId = externalId
        self.sharingCode = sharingCode
        self.enabledRandomisedDelay = enabledRandomisedDelay
        self.usesRenewableEnergy = usesRenewableEnergy
        self.displayTariffAndCosts = displayTariffAndCosts
        self.createdAt = createdAt
        self.firstContactAt = firstContactAt
        self.integratedAt = integratedAt
        self.manufacturedAt = manufacturedAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}

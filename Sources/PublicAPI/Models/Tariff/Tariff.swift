import Foundation

/// A tariff, tariffs v1.0; the create/PUT body has the same shape (reference §4.14).
public struct Tariff: Codable, Hashable, Sendable {
    /// `id`: System id (listed as required, read-only).
    public var id: Int?
    /// `name`: Name.
    public var name: String
    /// `type`: Pricing model.
    public var type: TariffType
    /// `currency`: ISO 4217, read-only.
    public var currency: String?
    /// `pricing`: Prices.
    public var pricing: TariffPricing?
    /// `stopSession`: Automatic stop limits.
    public var stopSession: TariffStopSession?
    /// `restrictions`: Who may use it, validity.
    public var restrictions: JSONValue?
    /// `partner`: Partner.
    public var partner: TariffPartner?
    /// `display`: Display texts.
    public var display: JSONValue?
    /// `externalId`: External id.
    public var externalId: String?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, name: String, type: TariffType, currency: String? = nil, pricing: TariffPricing? = nil,
        stopSession: TariffStopSession? = nil, restrictions: JSONValue? = nil, partner: TariffPartner? = nil,
        display: JSONValue? = nil, externalId: String? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.currency = currency
        self.pricing = pricing
        self.stopSession = stopSession
        self.restrictions = restrictions
        self.partner = partner
        self.display = display
        self.externalId = externalId
        self.lastUpdatedAt = lastUpdatedAt
    }
}

import Foundation

/// Tariff `pricing` (reference §4.14).
public struct TariffPricing: Codable, Hashable, Sendable {
    /// `pricePerKwh`: Per kWh.
    public var pricePerKwh: Decimal?
    /// `pricePeriodInMinutes`: Step length: 1, 15, 30, 60, 240 or 360; each step is charged as it begins.
    public var pricePeriodInMinutes: Int?
    /// `pricePerPeriod`: Per step.
    public var pricePerPeriod: Decimal?
    /// `connectionFee`: Fixed, at start.
    public var connectionFee: Decimal?
    /// `durationFeeGracePeriod`: Minutes free of duration fee.
    public var durationFeeGracePeriod: Int?
    /// `durationFeeLimit`: Cap on the duration fee.
    public var durationFeeLimit: Decimal?
    /// `idleFeePerMinute`: Idle fee.
    public var idleFeePerMinute: Decimal?
    /// `idleFeeGracePeriodMinutes`: Idle grace.
    public var idleFeeGracePeriodMinutes: Int?
    /// `minPrice`: Minimum price.
    public var minPrice: Decimal?
    /// `preAuthorizeAmount`: Pre-authorisation.
    public var preAuthorizeAmount: Decimal?
    /// `pricePerSession`: `flat rate` price.
    public var pricePerSession: Decimal?
    /// `multiPricePerKwh`: `standard` energy tiers.
    public var multiPricePerKwh: [JSONValue]?
    /// `multiPricePerDuration`: `standard` duration tiers.
    public var multiPricePerDuration: [JSONValue]?

    /// Creates the value; optional fields default to absent.
    public init(
        pricePerKwh: Decimal? = nil, pricePeriodInMinutes: Int? = nil, pricePerPeriod: Decimal? = nil,
        connectionFee: Decimal? = nil, durationFeeGracePeriod: Int? = nil, durationFeeLimit: Decimal? = nil,
        idleFeePerMinute: Decimal? = nil, idleFeeGracePeriodMinutes: Int? = nil, minPrice: Decimal? = nil,
        preAuthorizeAmount: Decimal? = nil, pricePerSession: Decimal? = nil, multiPricePerKwh: [JSONValue]? = nil,
        multiPricePerDuration: [JSONValue]? = nil
    ) {
        self.pricePerKwh = pricePerKwh
        self.pricePeriodInMinutes = pricePeriodInMinutes
        self.pricePerPeriod = pricePerPeriod
        self.connectionFee = connectionFee
        self.durationFeeGracePeriod = durationFeeGracePeriod
        self.durationFeeLimit = durationFeeLimit
        self.idleFeePerMinute = idleFeePerMinute
        self.idleFeeGracePeriodMinutes = idleFeeGracePeriodMinutes
        self.minPrice = minPrice
        self.preAuthorizeAmount = preAuthorizeAmount
        self.pricePerSession = pricePerSession
        self.multiPricePerKwh = multiPricePerKwh
        self.multiPricePerDuration = multiPricePerDuration
    }
}

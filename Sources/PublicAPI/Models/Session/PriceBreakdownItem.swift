import Foundation

/// One part of a session price (reference §4.14).
public struct PriceBreakdownItem: Codable, Hashable, Sendable {
    /// `type`: What is charged.
    public var type: PriceComponentType
    /// `unit`: kwh, minute or session.
    public var unit: PriceUnit
    /// `quantity`: Units.
    public var quantity: Decimal
    /// `pricePerUnit`: Unit price.
    public var pricePerUnit: MoneyAmount
    /// `price`: pricePerUnit × quantity.
    public var price: MoneyAmount
    /// `currency`: ISO 4217.
    public var currency: String
    /// `taxPercentage`: Tax percent.
    public var taxPercentage: Decimal?
    /// `unitPrice`: Deprecated unit price.
    public var unitPrice: Decimal?
    /// `totalPrice`: Deprecated total.
    public var totalPrice: Decimal?

    /// Creates the value; optional fields default to absent.
    public init(
        type: PriceComponentType, unit: PriceUnit, quantity: Decimal, pricePerUnit: MoneyAmount, price: MoneyAmount,
        currency: String, taxPercentage: Decimal? = nil, unitPrice: Decimal? = nil, totalPrice: Decimal? = nil
    ) {
        self.type = type
        self.unit = unit
        self.quantity = quantity
        self.pricePerUnit = pricePerUnit
        self.price = price
        self.currency = currency
        self.taxPercentage = taxPercentage
        self.unitPrice = unitPrice
        self.totalPrice = totalPrice
    }
}

import Foundation

/// A price with and without tax (reference §2.5).
public struct MoneyAmount: Codable, Hashable, Sendable {
    /// `withTax`: Tax included.
    public var withTax: Decimal
    /// `withoutTax`: Tax excluded.
    public var withoutTax: Decimal?

    /// Creates the value; optional fields default to absent.
    public init(withTax: Decimal, withoutTax: Decimal? = nil) {
        self.withTax = withTax
        self.withoutTax = withoutTax
    }
}

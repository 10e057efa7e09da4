import Foundation

/// Deprecated session `tax` (reference §4.6).
public struct SessionTax: Codable, Hashable, Sendable {
    /// `taxId`: Tax id.
    public var taxId: Int?
    /// `taxPercentage`: Tax percent.
    public var taxPercentage: Decimal?

    /// Creates the value; optional fields default to absent.
    public init(taxId: Int? = nil, taxPercentage: Decimal? = nil) {
        self.taxId = taxId
        self.taxPercentage = taxPercentage
    }
}

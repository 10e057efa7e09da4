import Foundation

/// Filters of `GET charge-points/v2.0` the store serves (reference §4.1); `nil` = no constraint.
public struct ChargePointFilter: Sendable, Hashable {
    /// `filter[networkId]`: the OCPP identity.
    public var networkId: String?
    /// `filter[name]`, exact.
    public var name: String?
    /// `filter[lastUpdatedAfter]`
    public var lastUpdatedAfter: Date?
    /// `filter[lastUpdatedBefore]`
    public var lastUpdatedBefore: Date?

    /// A filter; all constraints optional.
    public init(
        networkId: String? = nil, name: String? = nil, lastUpdatedAfter: Date? = nil, lastUpdatedBefore: Date? = nil
    ) {
        self.networkId = networkId
        self.name = name
        self.lastUpdatedAfter = lastUpdatedAfter
        self.lastUpdatedBefore = lastUpdatedBefore
    }
}

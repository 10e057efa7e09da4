/// Charge point v2.0 `partner` (reference §4.1).
public struct ChargePointPartner: Codable, Hashable, Sendable {
    /// `id`: Partner id.
    public var id: Int?
    /// `contractId`: Contract id.
    public var contractId: Int?
    /// `corporateBillingAsDefault`: Corporate billing by default.
    public var corporateBillingAsDefault: Bool?
    /// `accessType`: Visibility and use.
    public var accessType: PartnerAccessType?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, contractId: Int? = nil, corporateBillingAsDefault: Bool? = nil,
        accessType: PartnerAccessType? = nil
    ) {
        self.id = id
        self.contractId = contractId
        self.corporateBillingAsDefault = corporateBillingAsDefault
        self.accessType = accessType
    }
}

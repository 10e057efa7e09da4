/// Charge point v2.0 `subscription` (reference §4.1).
public struct ChargePointSubscription: Codable, Hashable, Sendable {
    /// `required`: Whether a subscription is needed.
    public var required: Bool?
    /// `planIds`: Accepted plans.
    public var planIds: [Int]?

    /// Creates the value; optional fields default to absent.
    public init(required: Bool? = nil, planIds: [Int]? = nil) {
        self.required = required
        self.planIds = planIds
    }
}

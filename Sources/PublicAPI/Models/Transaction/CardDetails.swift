/// Transaction `cardDetails` (reference §4.14).
public struct CardDetails: Codable, Hashable, Sendable {
    /// `type`: Brand.
    public var type: String?
    /// `last4`: Last four digits.
    public var last4: String?
    /// `expMonth`: Expiry month.
    public var expMonth: Int?
    /// `expYear`: Expiry year.
    public var expYear: Int?
    /// `token`: Token.
    public var token: String?
    /// `tokenizationMethod`: Tokenisation method.
    public var tokenizationMethod: String?

    /// Creates the value; optional fields default to absent.
    public init(
        type: String? = nil, last4: String? = nil, expMonth: Int? = nil, expYear: Int? = nil, token: String? = nil,
        tokenizationMethod: String? = nil
    ) {
        self.type = type
        self.last4 = last4
        self.expMonth = expMonth
        self.expYear = expYear
        self.token = token
        self.tokenizationMethod = tokenizationMethod
    }
}

/// Transaction create `paymentMethod` (reference §4.14).
public struct TransactionPaymentMethod: Codable, Hashable, Sendable {
    /// `methodType`: card, bank_transfer or wallet.
    public var methodType: PaymentMethodType?
    /// `cardNetwork`: Card network.
    public var cardNetwork: String?
    /// `bankTransferType`: pse or sepa.
    public var bankTransferType: String?
    /// `walletType`: applepay, googlepay, twint or other.
    public var walletType: String?
    /// `last4`: Last four.
    public var last4: String?
    /// `expMonth`: Expiry month.
    public var expMonth: Int?
    /// `expYear`: Expiry year.
    public var expYear: Int?

    /// Creates the value; optional fields default to absent.
    public init(
        methodType: PaymentMethodType? = nil, cardNetwork: String? = nil, bankTransferType: String? = nil,
        walletType: String? = nil, last4: String? = nil, expMonth: Int? = nil, expYear: Int? = nil
    ) {
        self.methodType = methodType
        self.cardNetwork = cardNetwork
        self.bankTransferType = bankTransferType
        self.walletType = walletType
        self.last4 = last4
        self.expMonth = expMonth
        self.expYear = expYear
    }
}

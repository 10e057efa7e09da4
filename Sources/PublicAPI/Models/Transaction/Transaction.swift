import Foundation

/// A payment transaction, transactions v1.0 (reference §4.14).
public struct Transaction: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `number`: Number (undocumented).
    @ExplicitNull public var number: String?
    /// `date`: Date.
    public var date: Date
    /// `userId`: User.
    @ExplicitNull public var userId: Int?
    /// `userEmail`: User e-mail.
    public var userEmail: String?
    /// `sessionId`: Session paid for, an integer.
    @ExplicitNull public var sessionId: Int?
    /// `purchaseResourceType`: What was bought.
    public var purchaseResourceType: PurchaseResourceType?
    /// `purchaseResourceId`: Its id.
    public var purchaseResourceId: Int?
    /// `totalAmount`: Amount.
    public var totalAmount: Decimal?
    /// `currency`: ISO 4217.
    public var currency: String
    /// `status`: Payment state; only `finalized` is paid.
    public var status: TransactionStatus?
    /// `ref`: Processor reference.
    @ExplicitNull public var ref: String?
    /// `bankMessage`: Bank message.
    public var bankMessage: String?
    /// `failureReason`: Failure reason.
    public var failureReason: String?
    /// `paymentMethodId`: Payment method, `null` = balance.
    public var paymentMethodId: String?
    /// `voucherId`: Voucher.
    public var voucherId: Int?
    /// `cardDetails`: Card.
    public var cardDetails: CardDetails?
    /// `billingType`: internal or external.
    public var billingType: TransactionBillingType?
    /// `invoiceId`: Invoice.
    public var invoiceId: Int?
    /// `receiptId`: Receipt.
    public var receiptId: Int?
    /// `terminalId`: Terminal.
    public var terminalId: Int?
    /// `finalizedAt`: Finalisation.
    public var finalizedAt: Date?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?
    /// `paymentMethod`: Deprecated.
    public var paymentMethod: String?
    /// `invoiceNo`: Deprecated.
    public var invoiceNo: String?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, number: String? = nil, date: Date, userId: Int? = nil, userEmail: String? = nil, sessionId: Int? = nil,
        purchaseResourceType: PurchaseResourceType? = nil, purchaseResourceId: Int? = nil, totalAmount: Decimal? = nil,
        currency: String, status: TransactionStatus? = nil, ref: String? = nil, bankMessage: String? = nil,
        failureReason: String? = nil, paymentMethodId: String? = nil, voucherId: Int? = nil,
        cardDetails: CardDetails? = nil, billingType: TransactionBillingType? = nil, invoiceId: Int? = nil,
        receiptId: Int? = nil, terminalId: Int? = nil, finalizedAt: Date? = nil, lastUpdatedAt: Date? = nil,
        paymentMethod: String? = nil, invoiceNo: String? = nil
    ) {
        self.id = id
        self.number = number
        self.date = date
        self.userId = userId
        self.userEmail = userEmail
        self.sessionId = sessionId
        self.purchaseResourceType = purchaseResourceType
        self.purchaseResourceId = purchaseResourceId
        self.totalAmount = totalAmount
        self.currency = currency
        self.status = status
        self.ref = ref
        self.bankMessage = bankMessage
        self.failureReason = failureReason
        self.paymentMethodId = paymentMethodId
        self.voucherId = voucherId
        self.cardDetails = cardDetails
        self.billingType = billingType
        self.invoiceId = invoiceId
        self.receiptId = receiptId
        self.terminalId = terminalId
        self.finalizedAt = finalizedAt
        self.lastUpdatedAt = lastUpdatedAt
        self.paymentMethod = paymentMethod
        self.invoiceNo = invoiceNo
    }
}

import Foundation

/// Body of transaction create (POST; totalAmount and status required) and PATCH (no sessionId) (reference §4.14).
public struct TransactionWrite: Codable, Hashable, Sendable {
    /// `totalAmount`: Amount.
    public var totalAmount: Decimal
    /// `status`: Payment state.
    public var status: TransactionStatus
    /// `sessionId`: Session (create only).
    public var sessionId: Int?
    /// `ref`: Reference.
    public var ref: String?
    /// `failureReason`: Failure reason.
    public var failureReason: String?
    /// `paymentMethod`: Payment method.
    public var paymentMethod: TransactionPaymentMethod?

    /// Creates the value; optional fields default to absent.
    public init(
        totalAmount: Decimal, status: TransactionStatus, sessionId: Int? = nil, ref: String? = nil,
        failureReason: String? = nil, paymentMethod: TransactionPaymentMethod? = nil
    ) {
        self.totalAmount = totalAmount
        self.status = status
        self.sessionId = sessionId
        self.ref = ref
        self.failureReason = failureReason
        self.paymentMethod = paymentMethod
    }
}

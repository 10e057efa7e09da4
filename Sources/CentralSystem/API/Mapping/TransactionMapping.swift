import Foundation
import PublicAPI

extension Transaction {
    /// Transaction v1.0 (reference §4.14): internal payment of one priced session.
    init(record: PaymentTransactionRecord) {
        self.init(
            id: Int(record.id ?? 0), number: "T\(record.id ?? 0)", date: record.createdAt,
            sessionId: record.sessionId.map { Int($0) }, purchaseResourceType: record.purchaseResourceType,
            purchaseResourceId: record.sessionId.map { Int($0) }, totalAmount: record.totalAmount,
            currency: record.currency, status: record.status, ref: record.ref, billingType: .internalBilling,
            invoiceId: record.invoiceId.map { Int($0) }, finalizedAt: record.finalizedAt,
            lastUpdatedAt: record.updatedAt)
    }
}

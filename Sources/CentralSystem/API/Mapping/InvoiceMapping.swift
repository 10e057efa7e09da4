import Foundation
import PublicAPI

extension Invoice {
    /// Invoice v1.0 (reference §4.14); `userId` -1 = no user in particular.
    init(record: InvoiceRecord) {
        self.init(
            id: Int(record.id ?? 0), type: record.type, number: record.number, date: record.date, userId: -1,
            periodFrom: record.periodFrom, periodTo: record.periodTo, totalEnergy: record.totalEnergyWh,
            totalAmount: record.totalAmount, taxRate: record.taxRate, taxAmount: record.taxAmount,
            service: record.service, quantity: record.quantity, unitPrice: record.unitPrice,
            subtotal: record.subtotal, lastUpdatedAt: record.updatedAt)
    }
}

import Foundation
import PublicAPI

extension Tariff {
    /// Tariff v1.0 (reference §4.14), `duration+energy` pricing fields.
    init(record: TariffRecord) {
        self.init(
            id: record.id.map { Int($0) }, name: record.name, type: record.type, currency: record.currency,
            pricing: TariffPricing(
                pricePerKwh: record.pricePerKwh, pricePeriodInMinutes: record.pricePeriodInMinutes,
                pricePerPeriod: record.pricePerPeriod, connectionFee: record.connectionFee,
                minPrice: record.minPrice),
            lastUpdatedAt: record.updatedAt)
    }
}

extension TariffSnapshot {
    /// Tariff snapshot v1.0: the tariff as frozen at session start plus its source `tariffId`.
    init(record: TariffSnapshotRecord) {
        self.init(
            tariffId: Int(record.tariffId ?? 0),
            tariff: Tariff(
                id: record.id.map { Int($0) }, name: record.name, type: record.type, currency: record.currency,
                pricing: TariffPricing(
                    pricePerKwh: record.pricePerKwh, pricePeriodInMinutes: record.pricePeriodInMinutes,
                    pricePerPeriod: record.pricePerPeriod, connectionFee: record.connectionFee,
                    minPrice: record.minPrice),
                lastUpdatedAt: record.createdAt))
    }
}

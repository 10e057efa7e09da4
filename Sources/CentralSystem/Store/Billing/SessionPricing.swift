import Foundation

/// Prices a finished session from its tariff snapshot (reference §4.14 [INF]):
/// connectionFee + pricePerKwh × kWh + pricePerPeriod × ⌈minutes / pricePeriodInMinutes⌉,
/// at least `minPrice`. Tariff prices are taken as tax-exclusive; tax is added on top; both
/// totals are rounded to cents.
public struct SessionPricing: Sendable, Hashable {
    /// Price excluding tax.
    public var withoutTax: Decimal
    /// Price including tax.
    public var withTax: Decimal

    /// Prices `energyWh` delivered over `duration` seconds under `snapshot`.
    public init(snapshot: TariffSnapshotRecord, energyWh: Double, durationSeconds: Double) {
        var total = snapshot.connectionFee ?? 0
        if let perKwh = snapshot.pricePerKwh {
            total += perKwh * Decimal(max(energyWh, 0)) / 1000
        }
        if let perPeriod = snapshot.pricePerPeriod, let minutes = snapshot.pricePeriodInMinutes, minutes > 0 {
            // Each period is charged as it begins, so a started period counts in full.
            let periods = (max(durationSeconds, 0) / Double(minutes * 60)).rounded(.up)
            total += perPeriod * Decimal(periods)
        }
        if let minimum = snapshot.minPrice, total < minimum {
            total = minimum
        }
        withoutTax = Self.cents(total)
        withTax = Self.cents(total * (1 + snapshot.taxPercentage / 100))
    }

    private static func cents(_ value: Decimal) -> Decimal {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded
    }
}

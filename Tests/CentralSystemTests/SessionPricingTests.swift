import CentralSystem
import Foundation
import Testing

@Suite("Session pricing")
struct SessionPricingTests {
    private func snapshot(
        perKwh: String? = nil, periodMinutes: Int? = nil, perPeriod: String? = nil, fee: String? = nil,
        minimum: String? = nil, tax: Decimal = 0
    ) -> TariffSnapshotRecord {
        TariffSnapshotRecord(
            name: "T", type: .durationEnergy, currency: "EUR", pricePerKwh: perKwh.flatMap { Decimal(string: $0) },
            pricePeriodInMinutes: periodMinutes, pricePerPeriod: perPeriod.flatMap { Decimal(string: $0) },
            connectionFee: fee.flatMap { Decimal(string: $0) }, minPrice: minimum.flatMap { Decimal(string: $0) },
            taxPercentage: tax, createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test("a started period is charged in full; one second past a boundary starts the next")
    func periods() {
        let tariff = snapshot(periodMinutes: 15, perPeriod: "1")
        #expect(SessionPricing(snapshot: tariff, energyWh: 0, durationSeconds: 900).withoutTax == 1)
        #expect(SessionPricing(snapshot: tariff, energyWh: 0, durationSeconds: 901).withoutTax == 2)
        #expect(SessionPricing(snapshot: tariff, energyWh: 0, durationSeconds: 0).withoutTax == 0)
    }

    @Test("energy is priced per kWh and totals are rounded to cents")
    func energy() {
        let tariff = snapshot(perKwh: "0.333", tax: 19)
        let price = SessionPricing(snapshot: tariff, energyWh: 1000, durationSeconds: 60)
        #expect(price.withoutTax == Decimal(string: "0.33"))
        #expect(price.withTax == Decimal(string: "0.4"))
    }

    @Test("the minimum price applies to a cheap session")
    func minimum() {
        let tariff = snapshot(perKwh: "0.10", fee: "0.20", minimum: "2.00")
        #expect(SessionPricing(snapshot: tariff, energyWh: 500, durationSeconds: 60).withoutTax == 2)
    }
}

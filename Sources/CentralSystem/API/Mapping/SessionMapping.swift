import Foundation
import PublicAPI

extension Session {
    /// Session v1.0 (reference §4.6): `id` as a string, energy in Wh, power in W.
    init(record: SessionRecord, evse: EVSERecord?, authorization: AuthorizationRecord?, withAuthorization: Bool) {
        let total = record.totalAmountWithTax.map {
            MoneyAmount(withTax: $0, withoutTax: record.totalAmountWithoutTax)
        }
        // Billing runs only for priced sessions (a tariff snapshot); it completes when the stop priced it.
        let billing: BillingStatus? =
            record.tariffSnapshotId == nil ? nil : (record.totalAmountWithTax == nil ? .pending : .completed)
        let sessionAuthorization = withAuthorization ? authorization.map(SessionAuthorization.init(record:)) : nil
        self.init(
            id: String(record.id ?? 0), status: record.status, userId: nil,
            authorizationId: record.authorizationId.map { Int($0) }, energy: record.energyWh,
            energyConsumption: EnergyConsumption(total: record.energyWh, grid: record.energyWh),
            chargePointId: Int(record.chargePointId), evseId: Int(record.evseId), connectorId: record.connectorId,
            reason: record.reason, idTag: record.idTag, startedAt: record.startedAt, stoppedAt: record.stoppedAt,
            power: SessionPower(
                latest: record.powerLatestW, peak: record.powerPeakW, average: record.powerAverageW),
            socPercent: record.socPercent, amount: record.totalAmountWithTax, totalAmount: total,
            currency: record.currency, billingStatus: billing, authorization: sessionAuthorization,
            tariffSnapshotId: record.tariffSnapshotId.map { Int($0) },
            evsePhysicalReference: evse?.physicalReference, lastUpdatedAt: record.updatedAt)
    }
}

import Foundation
import PublicAPI

extension EVSE {
    /// EVSE v2.1 / charge point EVSE v2.0 (reference §4.4), connectors embedded ([INF]: always, not
    /// only with `include[]=connectors`); `tariffGroupId` names the EVSE's tariff v1.0 ([INF]: no tariff groups). `chargePointId` only on the top-level `/evses/v2.1` routes.
    init(record: EVSERecord, connectors: [ConnectorRecord], withChargePointId: Bool) {
        self.init(
            id: Int(record.id ?? 0), chargePointId: withChargePointId ? Int(record.chargePointId) : nil,
            networkId: String(record.networkId), physicalReference: record.physicalReference,
            currentType: record.currentType, status: record.adminStatus, hardwareStatus: record.hardwareStatus,
            powerOptions: EVSEPowerOptions(maxPower: record.maxPower), tariffGroupId: record.tariffId.map { Int($0) },
            roamingOperatorId: nil,
            connectors: connectors.map(Connector.init(record:)), createdAt: record.createdAt,
            lastUpdatedAt: record.updatedAt)
    }
}

extension Connector {
    /// A connector row as the API shows it.
    init(record: ConnectorRecord) {
        self.init(id: Int(record.id ?? 0), type: record.type, format: record.format, status: record.adminStatus)
    }
}

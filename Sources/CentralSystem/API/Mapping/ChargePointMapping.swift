import Foundation
import PublicAPI

extension ChargePoint {
    /// Charge point v2.0 (reference §4.1) from its row; EVSEs are not embedded in v2.0, and the
    /// expansions are left out (see ``include(_:record:chargingProfile:)``).
    init(record: ChargePointRecord) {
        self.init(
            id: Int(record.id ?? 0), name: record.name, type: .publicAccess, status: record.adminStatus,
            network: ChargePointNetwork(id: record.ocppIdentity, ocppProtocol: .ocpp16),
            communicationMode: .directOcpp,
            security: ChargePointSecurity(
                desiredProfile: record.securityProfile, currentProfile: record.securityProfile),
            networkStatus: record.networkStatus, hardwareStatus: record.hardwareStatus,
            vendorErrorCode: record.hardwareStatus == .faulted ? record.vendorErrorCode : nil,
            createdAt: record.createdAt, lastUpdatedAt: record.updatedAt)
    }

    /// Adds the `include[]` expansions asked for (reference §4.1), each as its object or `null`:
    /// `lastBootNotification` from the stored BootNotification, `chargingProfile` the last
    /// profile the charger accepted for the whole charge point (connector 0). The smart-charging
    /// ones are `null` ([INF]: the embedded back end keeps no smart-charging settings).
    mutating func include(
        _ includes: Set<String>, record: ChargePointRecord, chargingProfile: AppliedChargingProfile?
    ) {
        if includes.contains("lastBootNotification") {
            $lastBootNotification = Included(
                included: record.lastBootAt.map { bootAt in
                    BootNotificationInfo(
                        model: record.model, vendor: record.vendor,
                        chargeBoxSerialNumber: record.chargeBoxSerialNumber,
                        chargePointSerialNumber: record.serialNumber, firmwareVersion: record.firmwareVersion,
                        iccid: record.iccid, imsi: record.imsi, meterSerialNumber: record.meterSerialNumber,
                        meterType: record.meterType, lastUpdatedAt: bootAt)
                })
        }
        if includes.contains("chargingProfile") { $chargingProfile = Included(included: chargingProfile) }
        if includes.contains("smartCharging") { $smartCharging = Included(included: nil) }
        if includes.contains("smartChargingPreferences") { $smartChargingPreferences = Included(included: nil) }
        if includes.contains("personalSmartChargingPreferences") {
            $personalSmartChargingPreferences = Included(included: nil)
        }
        if includes.contains("availablePersonalSmartChargingModes") {
            $availablePersonalSmartChargingModes = Included(included: nil)
        }
    }
}

extension ChargePointV1 {
    /// Deprecated charge point v1.0 (reference §4.2): flat, with embedded EVSEs.
    init(record: ChargePointRecord, evses: [(EVSERecord, [ConnectorRecord])]) {
        let status: AdminStatus = record.adminStatus == .enabled ? .active : record.adminStatus
        self.init(
            id: Int(record.id ?? 0), name: record.name, networkId: record.ocppIdentity, networkProtocol: .ocpp16,
            accessType: .publicAccess, status: status, plugAndCharge: false,
            desiredSecurityProfile: record.securityProfile, currentSecurityProfile: record.securityProfile,
            capabilities: ["REMOTE_START_STOP_CAPABLE", "METER_VALUES"],
            networkStatus: LegacyNetworkStatus(record.networkStatus), hardwareStatus: record.hardwareStatus,
            evses: evses.map { evse, connectors in
                ChargePointV1EVSE(
                    id: Int(evse.id ?? 0), networkId: String(evse.networkId),
                    physicalReference: evse.physicalReference, currentType: evse.currentType,
                    maxPower: evse.maxPower.map(Double.init),
                    status: evse.adminStatus == .enabled ? .active : evse.adminStatus,
                    hardwareStatus: evse.hardwareStatus, tariffGroupId: nil,
                    connectors: connectors.map(Connector.init(record:)))
            },
            lastUpdatedAt: record.updatedAt)
    }
}

extension ChargePointLiveStatus {
    /// `GET charge-points/v1.0/{chargePoint}/status` (reference §4.3).
    init(record: ChargePointRecord, evses: [EVSERecord]) {
        let latest = ([record.updatedAt] + evses.map(\.updatedAt)).max()
        self.init(
            networkStatus: LegacyNetworkStatus(record.networkStatus), hardwareStatus: record.hardwareStatus,
            evses: evses.map { EVSELiveStatus(id: Int($0.id ?? 0), hardwareStatus: $0.hardwareStatus) },
            lastUpdatedAt: latest)
    }
}

extension LegacyNetworkStatus {
    /// The v1.0 spelling (spaces) of a v2.0 network status (reference §3.2).
    init(_ status: NetworkStatus) {
        switch status {
        case .neverConnected: self = .neverConnected
        case .available: self = .available
        case .temporarilyUnavailable: self = .temporarilyUnavailable
        case .longTermUnavailable: self = .longTermUnavailable
        case .unknown(let raw): self = .unknown(raw)
        }
    }
}

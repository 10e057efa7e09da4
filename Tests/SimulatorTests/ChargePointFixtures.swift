import OCPP16
import Simulator
import TestSupport

/// The charger model and helpers the ChargePoint*Tests suites share.
enum ChargePointFixtures {
    static let start = OCPPTimestamp(millisecondsSince1970: 1_767_261_600_000)  // 2026-01-01T10:00:00Z

    static let hatchback = EVModel(
        name: "Compact hatchback", batteryCapacityKWh: 58, startSoCPercent: 20, targetSoCPercent: 80,
        maxACPowerKW: 11, acPhases: 3, maxDCPowerKW: 100)

    static func profile(_ configuration: [String: String] = [:]) -> ChargerProfile {
        var values: [String: String] = [
            "HeartbeatInterval": "300",
            "MeterValueSampleInterval": "60",
            "MeterValuesSampledData": "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage",
            "ClockAlignedDataInterval": "0",
            "MeterValuesAlignedData": "Energy.Active.Import.Register",
            "StopTxnSampledData": "Energy.Active.Import.Register",
            "ConnectionTimeOut": "60",
            "AuthorizeRemoteTxRequests": "false",
            "AuthorizationCacheEnabled": "true",
            "LocalAuthorizeOffline": "true",
            "LocalPreAuthorize": "false",
            "AllowOfflineTxForUnknownId": "false",
            "StopTransactionOnEVSideDisconnect": "true",
            "StopTransactionOnInvalidId": "true",
            "UnlockConnectorOnEVSideDisconnect": "true",
            "TransactionMessageAttempts": "3",
            "TransactionMessageRetryInterval": "10",
            "MinimumStatusDuration": "0",
            "LocalAuthListEnabled": "true",
            "ReserveConnectorZeroSupported": "false",
        ]
        for (key, value) in configuration { values[key] = value }
        let connector = { (id: Int) in
            ProfileConnector(id: id, type: .type2, currentType: .ac, maxCurrentA: 32, phases: 3, maxPowerKW: 22)
        }
        return ChargerProfile(
            identity: ChargerIdentity(
                chargePointVendor: "Ampvia", chargePointModel: "CityPost Duo 22", firmwareVersion: "5.12.3",
                chargePointSerialNumber: IdentityPattern("CPD-{index:05}"), meterType: "AMV 3P-MID",
                iccid: IdentityPattern("89445001020{index:08}")),
            connectors: [connector(1), connector(2)],
            featureProfiles: FeatureProfile.allCases,
            configuration: values,
            evMix: [
                EVMixEntry(
                    name: "Compact hatchback", weight: 1, batteryKWh: 58, startSoCPercent: 20...20,
                    targetSoCPercent: 80, maxACPowerKW: 11, acPhases: 3, maxDCPowerKW: 100)
            ],
            behaviour: ChargerBehaviour(autoPlugDelaySeconds: 5, dataTransferVendorIds: ["com.ampvia"])
        )
    }

    static func charger(
        _ configuration: [String: String] = [:], resumingFrom snapshot: ChargePointSnapshot? = nil,
        now: OCPPTimestamp = start
    ) -> ChargePoint {
        ChargePoint(
            profile: profile(configuration), chargePointId: "CP-7", index: 7,
            random: SeededRandomNumberGenerator(seed: 42), resumingFrom: snapshot, now: now)
    }

    /// A harness whose charger is connected and accepted.
    static func booted(_ configuration: [String: String] = [:]) -> ChargePointHarness {
        var harness = ChargePointHarness(charger: charger(configuration), now: start)
        harness.connect()
        return harness
    }
}

extension ChargePointHarness {
    /// The statuses reported for `connectorId`, in order.
    func statuses(_ connectorId: Int) -> [ChargePointStatus] {
        csms.requests(StatusNotificationRequest.self).filter { $0.connectorId == connectorId }.map(\.status)
    }

    /// The actions of the CALLs received, in order.
    var actions: [String] { csms.calls.map(\.action) }

    /// Energy.Active.Import.Register of each MeterValues, in order.
    var energyReadings: [Int] {
        csms.requests(MeterValuesRequest.self).flatMap { request in
            request.meterValue.flatMap(\.sampledValue).filter { $0.measurand == .energyActiveImportRegister }
                .compactMap { Int($0.value) }
        }
    }
}

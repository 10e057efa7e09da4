import Foundation
import OCPP16

/// The configuration values the charge point machine reads, by OCPP 1.6 §9 key, with typed
/// accessors and the GetConfiguration/ChangeConfiguration rules it needs.
///
/// Kept deliberately small and internal: the full `ConfigurationStore` (branch `sim-components`)
/// replaces it behind the same accessors.
struct ChargePointSettings: Sendable, Equatable {
    /// Every key the charger reports, with its current value.
    private(set) var values: [String: String]
    /// Keys changed by ChangeConfiguration since the profile's defaults (persisted).
    private(set) var overrides: [String: String]

    /// Keys a central system may read but not change.
    static let readOnlyKeys: Set<String> = [
        StandardConfigurationKey.numberOfConnectors.rawValue,
        StandardConfigurationKey.supportedFeatureProfiles.rawValue,
        StandardConfigurationKey.getConfigurationMaxKeys.rawValue,
        StandardConfigurationKey.meterValuesSampledDataMaxLength.rawValue,
        StandardConfigurationKey.meterValuesAlignedDataMaxLength.rawValue,
        StandardConfigurationKey.stopTxnSampledDataMaxLength.rawValue,
        StandardConfigurationKey.stopTxnAlignedDataMaxLength.rawValue,
        StandardConfigurationKey.connectorPhaseRotationMaxLength.rawValue,
        StandardConfigurationKey.supportedFeatureProfilesMaxLength.rawValue,
        StandardConfigurationKey.localAuthListMaxLength.rawValue,
        StandardConfigurationKey.sendLocalListMaxLength.rawValue,
        StandardConfigurationKey.reserveConnectorZeroSupported.rawValue,
        StandardConfigurationKey.chargeProfileMaxStackLevel.rawValue,
        StandardConfigurationKey.chargingScheduleAllowedChargingRateUnit.rawValue,
        StandardConfigurationKey.chargingScheduleMaxPeriods.rawValue,
        StandardConfigurationKey.maxChargingProfilesInstalled.rawValue,
        StandardConfigurationKey.connectorSwitch3to1PhaseSupported.rawValue,
    ]

    /// The profile's defaults, the keys the profile implies (connector count, feature profiles)
    /// and `overrides` on top.
    init(profile: ChargerProfile, overrides: [String: String]) {
        var values = profile.configuration
        values[StandardConfigurationKey.numberOfConnectors.rawValue] = String(profile.connectors.count)
        values[StandardConfigurationKey.supportedFeatureProfiles.rawValue] =
            profile.featureProfiles.map(\.rawValue).joined(separator: ",")
        for (key, value) in overrides { values[key] = value }
        self.values = values
        self.overrides = overrides
    }

    // MARK: GetConfiguration / ChangeConfiguration (OCPP 1.6 §5.8, §5.3)

    /// GetConfiguration: every key when `keys` is empty, else the known ones and the unknown names.
    func getConfiguration(keys: [String]) -> GetConfigurationResponse {
        func entry(_ key: String) -> KeyValue? {
            guard let value = values[key] else { return nil }
            return KeyValue(
                key: CiString50(truncating: key),
                readonly: Self.readOnlyKeys.contains(key),
                value: CiString500(truncating: value)
            )
        }
        if keys.isEmpty {
            let all = values.keys.sorted().compactMap(entry)
            return GetConfigurationResponse(configurationKey: all, unknownKey: nil)
        }
        let known = keys.compactMap(entry)
        let unknown = keys.filter { values[$0] == nil }.map { CiString50(truncating: $0) }
        return GetConfigurationResponse(
            configurationKey: known.isEmpty ? nil : known,
            unknownKey: unknown.isEmpty ? nil : unknown
        )
    }

    /// ChangeConfiguration: `NotSupported` for unknown keys, `Rejected` for read-only keys and
    /// bad values, else `Accepted` and the value applies at once.
    mutating func change(key: String, value: String) -> ConfigurationStatus {
        guard values[key] != nil else { return .notSupported }
        if Self.readOnlyKeys.contains(key) { return .rejected }
        if let standard = StandardConfigurationKey(rawValue: key), standard.problem(with: value) != nil {
            return .rejected
        }
        values[key] = value
        overrides[key] = value
        return .accepted
    }

    /// BootNotification.conf's interval becomes the heartbeat interval (§4.2) and the key's value.
    mutating func setHeartbeatInterval(seconds: Int) {
        let key = StandardConfigurationKey.heartbeatInterval.rawValue
        values[key] = String(seconds)
    }

    // MARK: Typed accessors

    private func integer(_ key: StandardConfigurationKey, default fallback: Int) -> Int {
        values[key.rawValue].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? fallback
    }

    private func boolean(_ key: StandardConfigurationKey, default fallback: Bool) -> Bool {
        switch values[key.rawValue]?.lowercased() {
        case "true": true
        case "false": false
        default: fallback
        }
    }

    private func measurands(_ key: StandardConfigurationKey) -> [Measurand] {
        guard let list = values[key.rawValue] else { return [] }
        return list.split(separator: ",").compactMap {
            Measurand(rawValue: $0.trimmingCharacters(in: .whitespaces))
        }
    }

    private func seconds(_ key: StandardConfigurationKey, default fallback: Int) -> Duration {
        .seconds(max(integer(key, default: fallback), 0))
    }

    var heartbeatInterval: Duration { seconds(.heartbeatInterval, default: 300) }
    var meterValueSampleInterval: Duration { seconds(.meterValueSampleInterval, default: 60) }
    var clockAlignedDataInterval: Duration { seconds(.clockAlignedDataInterval, default: 0) }
    var connectionTimeOut: Duration { seconds(.connectionTimeOut, default: 60) }
    var minimumStatusDuration: Duration { seconds(.minimumStatusDuration, default: 0) }
    var transactionMessageAttempts: Int { max(integer(.transactionMessageAttempts, default: 3), 1) }
    var transactionMessageRetryInterval: Duration { seconds(.transactionMessageRetryInterval, default: 60) }
    var meterValuesSampledData: [Measurand] { measurands(.meterValuesSampledData) }
    var meterValuesAlignedData: [Measurand] { measurands(.meterValuesAlignedData) }
    var stopTxnSampledData: [Measurand] { measurands(.stopTxnSampledData) }
    var stopTxnAlignedData: [Measurand] { measurands(.stopTxnAlignedData) }
    var authorizeRemoteTxRequests: Bool { boolean(.authorizeRemoteTxRequests, default: false) }
    var localPreAuthorize: Bool { boolean(.localPreAuthorize, default: false) }
    var localAuthorizeOffline: Bool { boolean(.localAuthorizeOffline, default: true) }
    var allowOfflineTxForUnknownId: Bool { boolean(.allowOfflineTxForUnknownId, default: false) }
    var authorizationCacheEnabled: Bool { boolean(.authorizationCacheEnabled, default: false) }
    var localAuthListEnabled: Bool { boolean(.localAuthListEnabled, default: false) }
    var stopTransactionOnEVSideDisconnect: Bool { boolean(.stopTransactionOnEVSideDisconnect, default: true) }
    var stopTransactionOnInvalidId: Bool { boolean(.stopTransactionOnInvalidId, default: true) }
    var unlockConnectorOnEVSideDisconnect: Bool { boolean(.unlockConnectorOnEVSideDisconnect, default: true) }
    var reserveConnectorZeroSupported: Bool { boolean(.reserveConnectorZeroSupported, default: false) }
}

import Foundation

/// The standard OCPP 1.6 configuration keys (OCPP 1.6 §9, and the security extension's),
/// with the type of value each takes and the feature profile it belongs to. Profiles use it to
/// check their default configuration.
public enum StandardConfigurationKey: String, Sendable, CaseIterable {
    // §9.1 Core
    case allowOfflineTxForUnknownId = "AllowOfflineTxForUnknownId"
    case authorizationCacheEnabled = "AuthorizationCacheEnabled"
    case authorizeRemoteTxRequests = "AuthorizeRemoteTxRequests"
    case blinkRepeat = "BlinkRepeat"
    case clockAlignedDataInterval = "ClockAlignedDataInterval"
    case connectionTimeOut = "ConnectionTimeOut"
    case connectorPhaseRotation = "ConnectorPhaseRotation"
    case connectorPhaseRotationMaxLength = "ConnectorPhaseRotationMaxLength"
    case getConfigurationMaxKeys = "GetConfigurationMaxKeys"
    case heartbeatInterval = "HeartbeatInterval"
    case lightIntensity = "LightIntensity"
    case localAuthorizeOffline = "LocalAuthorizeOffline"
    case localPreAuthorize = "LocalPreAuthorize"
    case maxEnergyOnInvalidId = "MaxEnergyOnInvalidId"
    case meterValuesAlignedData = "MeterValuesAlignedData"
    case meterValuesAlignedDataMaxLength = "MeterValuesAlignedDataMaxLength"
    case meterValuesSampledData = "MeterValuesSampledData"
    case meterValuesSampledDataMaxLength = "MeterValuesSampledDataMaxLength"
    case meterValueSampleInterval = "MeterValueSampleInterval"
    case minimumStatusDuration = "MinimumStatusDuration"
    case numberOfConnectors = "NumberOfConnectors"
    case resetRetries = "ResetRetries"
    case stopTransactionOnEVSideDisconnect = "StopTransactionOnEVSideDisconnect"
    case stopTransactionOnInvalidId = "StopTransactionOnInvalidId"
    case stopTxnAlignedData = "StopTxnAlignedData"
    case stopTxnAlignedDataMaxLength = "StopTxnAlignedDataMaxLength"
    case stopTxnSampledData = "StopTxnSampledData"
    case stopTxnSampledDataMaxLength = "StopTxnSampledDataMaxLength"
    case supportedFeatureProfiles = "SupportedFeatureProfiles"
    case supportedFeatureProfilesMaxLength = "SupportedFeatureProfilesMaxLength"
    case transactionMessageAttempts = "TransactionMessageAttempts"
    case transactionMessageRetryInterval = "TransactionMessageRetryInterval"
    case unlockConnectorOnEVSideDisconnect = "UnlockConnectorOnEVSideDisconnect"
    case webSocketPingInterval = "WebSocketPingInterval"
    // §9.2 Local Auth List Management
    case localAuthListEnabled = "LocalAuthListEnabled"
    case localAuthListMaxLength = "LocalAuthListMaxLength"
    case sendLocalListMaxLength = "SendLocalListMaxLength"
    // §9.3 Reservation
    case reserveConnectorZeroSupported = "ReserveConnectorZeroSupported"
    // §9.4 Smart Charging
    case chargeProfileMaxStackLevel = "ChargeProfileMaxStackLevel"
    case chargingScheduleAllowedChargingRateUnit = "ChargingScheduleAllowedChargingRateUnit"
    case chargingScheduleMaxPeriods = "ChargingScheduleMaxPeriods"
    case connectorSwitch3to1PhaseSupported = "ConnectorSwitch3to1PhaseSupported"
    case maxChargingProfilesInstalled = "MaxChargingProfilesInstalled"
    // Security extension (OCPP 1.6 Security Whitepaper, edition 3)
    case additionalRootCertificateCheck = "AdditionalRootCertificateCheck"
    case authorizationKey = "AuthorizationKey"
    case certificateSignedMaxChainSize = "CertificateSignedMaxChainSize"
    case certificateStoreMaxLength = "CertificateStoreMaxLength"
    case cpoName = "CpoName"
    case securityProfile = "SecurityProfile"

    /// The kind of value a key holds.
    public enum ValueType: Sendable, Equatable {
        /// "true" or "false".
        case boolean
        /// A whole number, 0 or more.
        case integer
        /// A comma-separated list of measurands (OCPP 1.6 §7.31).
        case measurandList
        /// A comma-separated list of the given values.
        case list(of: [String])
        /// Free text.
        case text
    }

    /// The measurands OCPP 1.6 §7.31 defines.
    public static let measurands = [
        "Energy.Active.Export.Register", "Energy.Active.Import.Register", "Energy.Reactive.Export.Register",
        "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
        "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Power.Active.Export",
        "Power.Active.Import", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor",
        "Current.Import", "Current.Export", "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC", "RPM",
    ]

    /// The kind of value this key holds.
    public var valueType: ValueType {
        switch self {
        case .allowOfflineTxForUnknownId, .authorizationCacheEnabled, .authorizeRemoteTxRequests,
            .localAuthorizeOffline, .localPreAuthorize, .stopTransactionOnEVSideDisconnect,
            .stopTransactionOnInvalidId, .unlockConnectorOnEVSideDisconnect, .localAuthListEnabled,
            .reserveConnectorZeroSupported, .connectorSwitch3to1PhaseSupported, .additionalRootCertificateCheck:
            .boolean
        case .blinkRepeat, .clockAlignedDataInterval, .connectionTimeOut, .connectorPhaseRotationMaxLength,
            .getConfigurationMaxKeys, .heartbeatInterval, .lightIntensity, .maxEnergyOnInvalidId,
            .meterValuesAlignedDataMaxLength, .meterValuesSampledDataMaxLength, .meterValueSampleInterval,
            .minimumStatusDuration, .numberOfConnectors, .resetRetries, .stopTxnAlignedDataMaxLength,
            .stopTxnSampledDataMaxLength, .supportedFeatureProfilesMaxLength, .transactionMessageAttempts,
            .transactionMessageRetryInterval, .webSocketPingInterval, .localAuthListMaxLength,
            .sendLocalListMaxLength, .chargeProfileMaxStackLevel, .chargingScheduleMaxPeriods,
            .maxChargingProfilesInstalled, .certificateSignedMaxChainSize, .certificateStoreMaxLength,
            .securityProfile:
            .integer
        case .meterValuesAlignedData, .meterValuesSampledData, .stopTxnAlignedData, .stopTxnSampledData:
            .measurandList
        case .supportedFeatureProfiles:
            .list(of: FeatureProfile.allCases.map(\.rawValue))
        case .chargingScheduleAllowedChargingRateUnit:
            .list(of: ["Current", "Power"])
        case .connectorPhaseRotation, .authorizationKey, .cpoName:
            .text
        }
    }

    /// The feature profile the key belongs to; the security extension's keys count as Core.
    public var featureProfile: FeatureProfile {
        switch self {
        case .localAuthListEnabled, .localAuthListMaxLength, .sendLocalListMaxLength:
            .localAuthListManagement
        case .reserveConnectorZeroSupported:
            .reservation
        case .chargeProfileMaxStackLevel, .chargingScheduleAllowedChargingRateUnit, .chargingScheduleMaxPeriods,
            .connectorSwitch3to1PhaseSupported, .maxChargingProfilesInstalled:
            .smartCharging
        case .allowOfflineTxForUnknownId, .authorizationCacheEnabled, .authorizeRemoteTxRequests, .blinkRepeat,
            .clockAlignedDataInterval, .connectionTimeOut, .connectorPhaseRotation, .connectorPhaseRotationMaxLength,
            .getConfigurationMaxKeys, .heartbeatInterval, .lightIntensity, .localAuthorizeOffline, .localPreAuthorize,
            .maxEnergyOnInvalidId, .meterValuesAlignedData, .meterValuesAlignedDataMaxLength,
            .meterValuesSampledData, .meterValuesSampledDataMaxLength, .meterValueSampleInterval,
            .minimumStatusDuration, .numberOfConnectors, .resetRetries, .stopTransactionOnEVSideDisconnect,
            .stopTransactionOnInvalidId, .stopTxnAlignedData, .stopTxnAlignedDataMaxLength, .stopTxnSampledData,
            .stopTxnSampledDataMaxLength, .supportedFeatureProfiles, .supportedFeatureProfilesMaxLength,
            .transactionMessageAttempts, .transactionMessageRetryInterval, .unlockConnectorOnEVSideDisconnect,
            .webSocketPingInterval, .additionalRootCertificateCheck, .authorizationKey,
            .certificateSignedMaxChainSize, .certificateStoreMaxLength, .cpoName, .securityProfile:
            .core
        }
    }

    /// What is wrong with `value` for this key, if anything.
    public func problem(with value: String) -> String? {
        switch valueType {
        case .boolean:
            return ["true", "false"].contains(value.lowercased()) ? nil : "must be true or false, got \"\(value)\""
        case .integer:
            guard let number = Int(value), number >= 0 else {
                return "must be a whole number of 0 or more, got \"\(value)\""
            }
            return nil
        case .measurandList:
            return Self.listProblem(value, allowed: Self.measurands, what: "an OCPP 1.6 measurand")
        case .list(let allowed):
            return Self.listProblem(value, allowed: allowed, what: "allowed")
        case .text:
            return nil
        }
    }

    private static func listProblem(_ value: String, allowed: [String], what: String) -> String? {
        let items = value.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if value.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        for item in items where !allowed.contains(item) {
            return "\"\(item)\" is not \(what); use a comma-separated list of " + allowed.joined(separator: ", ")
        }
        return nil
    }
}

extension StandardConfigurationKey {
    /// Who may read and write a key (OCPP 1.6 §9 "Accessibility"; the security whitepaper adds write-only).
    public enum Accessibility: Sendable, Equatable {
        /// GetConfiguration reports it; ChangeConfiguration may set it.
        case readWrite
        /// GetConfiguration reports it with `readonly: true`; ChangeConfiguration is Rejected.
        case readOnly
        /// ChangeConfiguration may set it; GetConfiguration never reports it (AuthorizationKey).
        case writeOnly
    }

    /// The key's accessibility as the OCPP 1.6 §9 tables and the security whitepaper give it.
    /// Where the spec leaves the choice to the charger ("R or RW"), the simulator picks RW.
    public var accessibility: Accessibility {
        switch self {
        case .connectorPhaseRotationMaxLength, .getConfigurationMaxKeys, .meterValuesAlignedDataMaxLength,
            .meterValuesSampledDataMaxLength, .numberOfConnectors, .stopTxnAlignedDataMaxLength,
            .stopTxnSampledDataMaxLength, .supportedFeatureProfiles, .supportedFeatureProfilesMaxLength,
            .localAuthListMaxLength, .sendLocalListMaxLength, .reserveConnectorZeroSupported,
            .chargeProfileMaxStackLevel, .chargingScheduleAllowedChargingRateUnit, .chargingScheduleMaxPeriods,
            .connectorSwitch3to1PhaseSupported, .maxChargingProfilesInstalled, .additionalRootCertificateCheck,
            .certificateSignedMaxChainSize, .certificateStoreMaxLength:
            .readOnly
        case .authorizationKey:
            .writeOnly
        case .allowOfflineTxForUnknownId, .authorizationCacheEnabled, .authorizeRemoteTxRequests, .blinkRepeat,
            .clockAlignedDataInterval, .connectionTimeOut, .connectorPhaseRotation, .heartbeatInterval,
            .lightIntensity, .localAuthorizeOffline, .localPreAuthorize, .maxEnergyOnInvalidId,
            .meterValuesAlignedData, .meterValuesSampledData, .meterValueSampleInterval, .minimumStatusDuration,
            .resetRetries, .stopTransactionOnEVSideDisconnect, .stopTransactionOnInvalidId, .stopTxnAlignedData,
            .stopTxnSampledData, .transactionMessageAttempts, .transactionMessageRetryInterval,
            .unlockConnectorOnEVSideDisconnect, .webSocketPingInterval, .localAuthListEnabled, .cpoName,
            .securityProfile:
            .readWrite
        }
    }

    /// The key whose value bounds this comma-separated list's length (OCPP 1.6 §9.1 `...MaxLength`).
    public var maxLengthKey: StandardConfigurationKey? {
        switch self {
        case .connectorPhaseRotation: .connectorPhaseRotationMaxLength
        case .meterValuesAlignedData: .meterValuesAlignedDataMaxLength
        case .meterValuesSampledData: .meterValuesSampledDataMaxLength
        case .stopTxnAlignedData: .stopTxnAlignedDataMaxLength
        case .stopTxnSampledData: .stopTxnSampledDataMaxLength
        case .supportedFeatureProfiles: .supportedFeatureProfilesMaxLength
        case .allowOfflineTxForUnknownId, .authorizationCacheEnabled, .authorizeRemoteTxRequests, .blinkRepeat,
            .clockAlignedDataInterval, .connectionTimeOut, .connectorPhaseRotationMaxLength, .getConfigurationMaxKeys,
            .heartbeatInterval, .lightIntensity, .localAuthorizeOffline, .localPreAuthorize, .maxEnergyOnInvalidId,
            .meterValuesAlignedDataMaxLength, .meterValuesSampledDataMaxLength, .meterValueSampleInterval,
            .minimumStatusDuration, .numberOfConnectors, .resetRetries, .stopTransactionOnEVSideDisconnect,
            .stopTransactionOnInvalidId, .stopTxnAlignedDataMaxLength, .stopTxnSampledDataMaxLength,
            .supportedFeatureProfilesMaxLength, .transactionMessageAttempts, .transactionMessageRetryInterval,
            .unlockConnectorOnEVSideDisconnect, .webSocketPingInterval, .localAuthListEnabled,
            .localAuthListMaxLength, .sendLocalListMaxLength, .reserveConnectorZeroSupported,
            .chargeProfileMaxStackLevel, .chargingScheduleAllowedChargingRateUnit, .chargingScheduleMaxPeriods,
            .connectorSwitch3to1PhaseSupported, .maxChargingProfilesInstalled, .additionalRootCertificateCheck,
            .authorizationKey, .certificateSignedMaxChainSize, .certificateStoreMaxLength, .cpoName,
            .securityProfile:
            nil
        }
    }

    /// The value a charger with `connectors` and `featureProfiles` starts with when its profile does not set
    /// the key; `nil` for optional keys a charger need not have (the key is then absent unless the profile
    /// sets it). Required keys (OCPP 1.6 §9) always have one.
    public func defaultValue(connectors: [ProfileConnector], featureProfiles: [FeatureProfile]) -> String? {
        switch self {
        case .allowOfflineTxForUnknownId: "false"
        case .authorizationCacheEnabled: "true"
        case .authorizeRemoteTxRequests: "false"
        case .clockAlignedDataInterval: "0"
        case .connectionTimeOut: "90"
        case .connectorPhaseRotation: Self.phaseRotation(of: connectors)
        case .getConfigurationMaxKeys: "100"
        case .heartbeatInterval: "300"
        case .localAuthorizeOffline: "true"
        case .localPreAuthorize: "false"
        case .meterValuesAlignedData: "Energy.Active.Import.Register"
        case .meterValuesSampledData: "Energy.Active.Import.Register"
        case .meterValueSampleInterval: "60"
        case .minimumStatusDuration: "0"
        case .numberOfConnectors: String(connectors.count)
        case .resetRetries: "3"
        case .stopTransactionOnEVSideDisconnect: "true"
        case .stopTransactionOnInvalidId: "true"
        case .stopTxnAlignedData: ""
        case .stopTxnSampledData: ""
        case .supportedFeatureProfiles: featureProfiles.map(\.rawValue).joined(separator: ",")
        case .transactionMessageAttempts: "3"
        case .transactionMessageRetryInterval: "60"
        case .unlockConnectorOnEVSideDisconnect: "true"
        case .webSocketPingInterval: "60"
        case .meterValuesAlignedDataMaxLength, .meterValuesSampledDataMaxLength, .stopTxnAlignedDataMaxLength,
            .stopTxnSampledDataMaxLength:
            "10"
        case .localAuthListEnabled: "true"
        case .localAuthListMaxLength: "1000"
        case .sendLocalListMaxLength: "100"
        case .reserveConnectorZeroSupported: "false"
        case .chargeProfileMaxStackLevel: "10"
        case .chargingScheduleAllowedChargingRateUnit: "Current,Power"
        case .chargingScheduleMaxPeriods: "24"
        case .maxChargingProfilesInstalled: "10"
        case .securityProfile: "0"
        // Present but unset until the central system writes it (security whitepaper §2).
        case .authorizationKey: ""
        case .additionalRootCertificateCheck: "false"
        case .certificateStoreMaxLength: "20"
        case .certificateSignedMaxChainSize: "10000"
        case .blinkRepeat, .connectorPhaseRotationMaxLength, .lightIntensity, .maxEnergyOnInvalidId,
            .supportedFeatureProfilesMaxLength, .connectorSwitch3to1PhaseSupported, .cpoName:
            nil
        }
    }

    /// What is wrong with `value` beyond its type: ranges and formats (OCPP 1.6 §9, security whitepaper).
    func rangeProblem(with value: String) -> String? {
        switch self {
        case .securityProfile:
            guard let number = Int(value), (0...3).contains(number) else { return "must be 0, 1, 2 or 3" }
            return nil
        case .lightIntensity:
            guard let number = Int(value), (0...100).contains(number) else { return "must be a percentage" }
            return nil
        case .authorizationKey:
            // Security whitepaper §2: the Basic authentication password has at least 16 characters.
            return value.count >= 16 ? nil : "must be at least 16 characters"
        case .connectorPhaseRotation:
            return Self.phaseRotationProblem(value)
        case .allowOfflineTxForUnknownId, .authorizationCacheEnabled, .authorizeRemoteTxRequests, .blinkRepeat,
            .clockAlignedDataInterval, .connectionTimeOut, .connectorPhaseRotationMaxLength, .getConfigurationMaxKeys,
            .heartbeatInterval, .localAuthorizeOffline, .localPreAuthorize, .maxEnergyOnInvalidId,
            .meterValuesAlignedData, .meterValuesAlignedDataMaxLength, .meterValuesSampledData,
            .meterValuesSampledDataMaxLength, .meterValueSampleInterval, .minimumStatusDuration,
            .numberOfConnectors, .resetRetries, .stopTransactionOnEVSideDisconnect, .stopTransactionOnInvalidId,
            .stopTxnAlignedData, .stopTxnAlignedDataMaxLength, .stopTxnSampledData, .stopTxnSampledDataMaxLength,
            .supportedFeatureProfiles, .supportedFeatureProfilesMaxLength, .transactionMessageAttempts,
            .transactionMessageRetryInterval, .unlockConnectorOnEVSideDisconnect, .webSocketPingInterval,
            .localAuthListEnabled, .localAuthListMaxLength, .sendLocalListMaxLength, .reserveConnectorZeroSupported,
            .chargeProfileMaxStackLevel, .chargingScheduleAllowedChargingRateUnit, .chargingScheduleMaxPeriods,
            .connectorSwitch3to1PhaseSupported, .maxChargingProfilesInstalled, .additionalRootCertificateCheck,
            .certificateSignedMaxChainSize, .certificateStoreMaxLength, .cpoName:
            return nil
        }
    }

    /// The rotations OCPP 1.6 §9.1.9 allows after `<connectorId>.`.
    static let phaseRotations = ["NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR"]

    private static func phaseRotation(of connectors: [ProfileConnector]) -> String {
        connectors.map { connector in
            let rotation = connector.currentType == .ac && (connector.phases ?? 1) == 3 ? "RST" : "NotApplicable"
            return "\(connector.id).\(rotation)"
        }.joined(separator: ",")
    }

    private static func phaseRotationProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let connector = Int(parts[0]), connector >= 0,
                phaseRotations.contains(String(parts[1]))
            else {
                return "\"\(item)\" is not <connectorId>.<rotation> with rotation one of "
                    + phaseRotations.joined(separator: ", ")
            }
        }
        return nil
    }
}

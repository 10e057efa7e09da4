import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// GetConfiguration / ChangeConfiguration against the OCPP 1.6 §9 key table.
@Suite struct ConfigurationStoreTests {
    static func profile(
        features: [FeatureProfile] = [.core, .localAuthListManagement, .reservation, .smartCharging],
        configuration: [String: String] = [:]
    ) -> ChargerProfile {
        ChargerProfile(
            identity: ChargerIdentity(chargePointVendor: "Acme", chargePointModel: "Post", firmwareVersion: "1.0"),
            connectors: [
                ProfileConnector(id: 1, type: .type2, currentType: .ac, maxCurrentA: 32, phases: 3, maxPowerKW: 22),
                ProfileConnector(id: 2, type: .type2, currentType: .ac, maxCurrentA: 32, phases: 1, maxPowerKW: 7.4),
            ],
            featureProfiles: features,
            configuration: configuration,
            evMix: [
                EVMixEntry(
                    name: "car", weight: 1, batteryKWh: 60, startSoCPercent: 10...50, maxACPowerKW: 11, acPhases: 3,
                    maxDCPowerKW: 100)
            ]
        )
    }

    static func store(
        features: [FeatureProfile] = [.core, .localAuthListManagement, .reservation, .smartCharging],
        configuration: [String: String] = ["HeartbeatInterval": "600", "VendorMode": "eco"],
        rebootRequiredKeys: Set<String> = []
    ) -> ConfigurationStore {
        ConfigurationStore(
            profile: profile(features: features, configuration: configuration),
            rebootRequiredKeys: rebootRequiredKeys
        )
    }

    func change(_ store: inout ConfigurationStore, _ key: String, _ value: String) -> ConfigurationStatus {
        store.change(
            ChangeConfigurationRequest(key: CiString50(truncating: key), value: CiString500(truncating: value))
        )
        .response.status
    }

    func get(_ store: ConfigurationStore, _ keys: [String]?) -> GetConfigurationResponse {
        store.get(GetConfigurationRequest(key: keys?.map { CiString50(truncating: $0) }))
    }

    @Test func profileValuesWinOverDefaultsAndHardwareKeysComeFromTheProfile() {
        let store = Self.store(configuration: ["HeartbeatInterval": "600", "NumberOfConnectors": "7"])
        #expect(store.heartbeatInterval == .seconds(600))
        #expect(store.meterValueSampleInterval == .seconds(60))
        #expect(store.numberOfConnectors == 2)
        #expect(store.value(.supportedFeatureProfiles) == "Core,LocalAuthListManagement,Reservation,SmartCharging")
        #expect(store.value(.connectorPhaseRotation) == "1.RST,2.NotApplicable")
        #expect(store.meterValuesSampledData == [.energyActiveImportRegister])
    }

    @Test func keysOfUnsupportedFeatureProfilesAreAbsent() {
        var store = Self.store(features: [.core])
        #expect(store.value(.localAuthListEnabled) == nil)
        #expect(store.value(.reserveConnectorZeroSupported) == nil)
        #expect(store.localAuthListEnabled == false)
        let response = get(store, ["LocalAuthListEnabled", "ChargeProfileMaxStackLevel"])
        #expect(response.configurationKey == nil)
        #expect(response.unknownKey?.map(\.value) == ["LocalAuthListEnabled", "ChargeProfileMaxStackLevel"])
        #expect(change(&store, "ReserveConnectorZeroSupported", "true") == .notSupported)
    }

    @Test func getWithoutKeysReportsEveryReadableKeyWithReadOnlyFlags() throws {
        var store = Self.store()
        #expect(change(&store, "AuthorizationKey", "0123456789abcdef") == .accepted)
        let keys = try #require(get(store, nil).configurationKey)
        let names = keys.map(\.key.value)
        #expect(names.contains("HeartbeatInterval"))
        #expect(names.contains("VendorMode"))
        #expect(!names.contains("AuthorizationKey"))
        #expect(!names.contains("BlinkRepeat"))
        #expect(names.last == "VendorMode")
        #expect(keys.first { $0.key == "NumberOfConnectors" }?.readonly == true)
        #expect(keys.first { $0.key == "HeartbeatInterval" }?.readonly == false)
        #expect(keys.first { $0.key == "HeartbeatInterval" }?.value == "600")
        #expect(get(store, []).configurationKey?.count == keys.count)
    }

    @Test func getWithKeysAnswersKnownOnesAndListsUnknownAndWriteOnlyOnes() {
        var store = Self.store()
        #expect(change(&store, "AuthorizationKey", "0123456789abcdef") == .accepted)
        let response = get(store, ["heartbeatinterval", "Nope", "AuthorizationKey", "VENDORMODE"])
        #expect(response.configurationKey?.map(\.key.value) == ["HeartbeatInterval", "VendorMode"])
        #expect(response.unknownKey?.map(\.value) == ["Nope", "AuthorizationKey"])
        #expect(store.authorizationKey == "0123456789abcdef")
    }

    @Test func getHonoursGetConfigurationMaxKeys() {
        let store = Self.store(configuration: ["GetConfigurationMaxKeys": "2"])
        let response = get(store, ["HeartbeatInterval", "ConnectionTimeOut", "ResetRetries"])
        #expect(response.configurationKey?.map(\.key.value) == ["HeartbeatInterval", "ConnectionTimeOut"])
        #expect(response.unknownKey == nil)
    }

    @Test func changeAcceptsAndReportsWhatToApplyLive() {
        var store = Self.store()
        let (response, live) = store.change(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "120"))
        #expect(response.status == .accepted)
        #expect(live == .heartbeatInterval(.seconds(120)))
        #expect(store.heartbeatInterval == .seconds(120))
        #expect(
            store.change(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "15")).change
                == .meterValueSampleInterval(.seconds(15)))
        #expect(
            store.change(ChangeConfigurationRequest(key: "ClockAlignedDataInterval", value: "900")).change
                == .clockAlignedDataInterval(.seconds(900)))
        #expect(
            store.change(ChangeConfigurationRequest(key: "WebSocketPingInterval", value: "0")).change
                == .webSocketPingInterval(.zero))
        #expect(
            store.change(ChangeConfigurationRequest(key: "LocalAuthListEnabled", value: "False")).change
                == .localAuthListEnabled(false))
        #expect(store.value(.localAuthListEnabled) == "false")
        #expect(
            store.change(ChangeConfigurationRequest(key: "ConnectionTimeOut", value: "30")).change
                == .stored(key: "ConnectionTimeOut"))
        #expect(store.connectionTimeOut == .seconds(30))
        #expect(
            store.change(ChangeConfigurationRequest(key: "VendorMode", value: "boost")).change
                == .stored(key: "VendorMode"))
        #expect(store.value("vendormode") == "boost")
    }

    @Test func changeRejectsReadOnlyKeysAndInvalidValues() {
        var store = Self.store()
        #expect(change(&store, "NumberOfConnectors", "3") == .rejected)
        #expect(change(&store, "LocalAuthListMaxLength", "5") == .rejected)
        #expect(change(&store, "HeartbeatInterval", "soon") == .rejected)
        #expect(change(&store, "HeartbeatInterval", "-5") == .rejected)
        #expect(change(&store, "LocalPreAuthorize", "yes") == .rejected)
        #expect(change(&store, "MeterValuesSampledData", "Energy.Active.Import.Register,Speed") == .rejected)
        #expect(change(&store, "ConnectorPhaseRotation", "1.XYZ") == .rejected)
        #expect(change(&store, "ConnectorPhaseRotation", "1.RST,2.NotApplicable") == .accepted)
        #expect(change(&store, "AuthorizationKey", "short") == .rejected)
        #expect(store.heartbeatInterval == .seconds(600))
    }

    @Test func changeRejectsListsLongerThanTheirMaxLengthKey() {
        var store = Self.store(configuration: ["MeterValuesSampledDataMaxLength": "2"])
        #expect(
            change(&store, "MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import") == .accepted)
        #expect(
            change(&store, "MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,SoC")
                == .rejected)
        #expect(store.meterValuesSampledData == [.energyActiveImportRegister, .powerActiveImport])
    }

    @Test func measurandListsReadInOrderWithoutBlanksDuplicatesOrUnknownNames() {
        let store = Self.store(configuration: [
            "MeterValuesSampledData": " Energy.Active.Import.Register ,\tSoC,,Speed, SoC,\u{00A0}Voltage\u{2009}",
            "MeterValuesAlignedData": " SoC ,\tVoltage,,Speed,SoC",
            "StopTxnSampledData": "",
        ])
        #expect(store.meterValuesSampledData == [.energyActiveImportRegister, .soc, .voltage])
        #expect(store.meterValuesAlignedData == [.soc, .voltage])
        #expect(store.stopTxnSampledData == [])
    }

    @Test func valuesReadOnEveryEventFollowEveryChangeAndLeaveCopiesAlone() {
        // These are decoded once per change (issue 11), not on each read: each read must still
        // see the latest value, and a charger changing a key must not change the others'.
        let shared = Self.store(configuration: ["MeterValueSampleInterval": "60"])
        var store = shared
        #expect(store.meterValueSampleInterval == .seconds(60))
        #expect(change(&store, "MeterValueSampleInterval", "5") == .accepted)
        #expect(change(&store, "HeartbeatInterval", "120") == .accepted)
        #expect(change(&store, "ClockAlignedDataInterval", "900") == .accepted)
        #expect(change(&store, "ConnectionTimeOut", "45") == .accepted)
        #expect(change(&store, "MinimumStatusDuration", "3") == .accepted)
        #expect(change(&store, "TransactionMessageRetryInterval", "7") == .accepted)
        #expect(change(&store, "TransactionMessageAttempts", "9") == .accepted)
        #expect(change(&store, "MeterValuesSampledData", "SoC, Voltage") == .accepted)
        #expect(change(&store, "MeterValuesAlignedData", "Voltage") == .accepted)
        #expect(change(&store, "StopTxnSampledData", "SoC") == .accepted)
        #expect(change(&store, "StopTxnAlignedData", "Energy.Active.Import.Register") == .accepted)
        #expect(store.meterValueSampleInterval == .seconds(5))
        #expect(store.heartbeatInterval == .seconds(120))
        #expect(store.clockAlignedDataInterval == .seconds(900))
        #expect(store.connectionTimeOut == .seconds(45))
        #expect(store.minimumStatusDuration == .seconds(3))
        #expect(store.transactionMessageRetryInterval == .seconds(7))
        #expect(store.transactionMessageAttempts == 9)
        #expect(store.meterValuesSampledData == [.soc, .voltage])
        #expect(store.measurands(.meterValuesSampledData) == [.soc, .voltage])
        #expect(store.meterValuesAlignedData == [.voltage])
        #expect(store.stopTxnSampledData == [.soc])
        #expect(store.stopTxnAlignedData == [.energyActiveImportRegister])
        #expect(shared.meterValueSampleInterval == .seconds(60))
        #expect(shared.transactionMessageAttempts == 3)
        #expect(shared.meterValuesSampledData == [.energyActiveImportRegister])
        #expect(store != shared)
        #expect(change(&store, "MeterValueSampleInterval", "60") == .accepted)
        #expect(store.meterValueSampleInterval == .seconds(60))
    }

    @Test func unknownKeysAreNotSupported() {
        var store = Self.store()
        #expect(change(&store, "NoSuchKey", "1") == .notSupported)
        #expect(change(&store, "BlinkRepeat", "1") == .notSupported)
    }

    @Test func rebootRequiredKeysStoreTheValueAndSaySo() {
        var store = Self.store(rebootRequiredKeys: ["WebSocketPingInterval", "VendorMode"])
        let (response, live) = store.change(ChangeConfigurationRequest(key: "WebSocketPingInterval", value: "10"))
        #expect(response.status == .rebootRequired)
        #expect(live == nil)
        #expect(store.webSocketPingInterval == .seconds(10))
        #expect(change(&store, "VendorMode", "x") == .rebootRequired)
    }

    @Test func securityProfileOnlyGoesUpAndNeedsAnAuthorizationKeyForBasicAuth() {
        var store = Self.store()
        #expect(store.securityProfile == 0)
        #expect(change(&store, "SecurityProfile", "1") == .rejected)
        #expect(change(&store, "SecurityProfile", "4") == .rejected)
        #expect(
            store.change(ChangeConfigurationRequest(key: "AuthorizationKey", value: "0123456789abcdef")).change
                == .authorizationKey)
        #expect(
            store.change(ChangeConfigurationRequest(key: "SecurityProfile", value: "2")).change
                == .securityProfile(2))
        #expect(change(&store, "SecurityProfile", "1") == .rejected)
        #expect(store.securityProfile == 2)
    }

    @Test func overridesRestoreAPersistedConfiguration() {
        var store = Self.store()
        #expect(change(&store, "MeterValueSampleInterval", "5") == .accepted)
        let restored = ConfigurationStore(
            profile: Self.profile(configuration: ["HeartbeatInterval": "600"]),
            overrides: store.values)
        #expect(restored.meterValueSampleInterval == .seconds(5))
        #expect(restored.heartbeatInterval == .seconds(600))
    }

    @Test func typedAccessorsAndAuthorizationPolicyReadTheKeys() {
        let store = Self.store(configuration: [
            "LocalPreAuthorize": "TRUE", "AllowOfflineTxForUnknownId": "true", "SendLocalListMaxLength": "7",
            "StopTxnSampledData": "Energy.Active.Import.Register, SoC", "ReserveConnectorZeroSupported": "true",
        ])
        #expect(store.localPreAuthorize)
        #expect(store.stopTxnSampledData == [.energyActiveImportRegister, .soc])
        #expect(store.stopTxnAlignedData == [])
        #expect(store.reserveConnectorZeroSupported)
        #expect(store.transactionMessageAttempts == 3)
        let policy = store.authorizationPolicy
        #expect(policy.localPreAuthorize && policy.allowOfflineTxForUnknownId && policy.localAuthorizeOffline)
        #expect(policy.sendLocalListMaxLength == 7)
        #expect(policy.localAuthListMaxLength == 1000)
        #expect(policy.usesLocalList)
        #expect(!Self.store(features: [.core]).authorizationPolicy.usesLocalList)
    }

    @Test(arguments: ProfileLoaderTests.shippedProfiles)
    func shippedProfilesGiveSchemaValidAnswers(file: String) throws {
        let url = ProfileLoaderTests.profilesFolder.appendingPathComponent(file)
        let profile = try ProfileLoader().load(contentsOf: url)
        var store = ConfigurationStore(profile: profile)
        let all = store.get(GetConfigurationRequest())
        for (key, value) in profile.configuration {
            #expect(store.value(key) == value.lowercased() || store.value(key) == value, "\(file): \(key)")
        }
        #expect(store.numberOfConnectors == profile.connectors.count)
        let listed = store.get(GetConfigurationRequest(key: ["HeartbeatInterval", "Unknown"]))
        let changed = store.change(ChangeConfigurationRequest(key: "MeterValueSampleInterval", value: "30")).response
        #expect(changed.status == .accepted)
        let validate = { (payload: any Encodable, schema: String) in
            let data = try JSONEncoder().encode(payload)
            let violations = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(schema)).validate(json: data)
            #expect(violations.isEmpty, "\(file) \(schema): \(violations)")
        }
        try validate(all, "GetConfigurationResponse")
        try validate(listed, "GetConfigurationResponse")
        try validate(changed, "ChangeConfigurationResponse")
    }
}

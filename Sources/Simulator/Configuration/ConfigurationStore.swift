import Foundation
import OCPP16

/// A charger's configuration keys (OCPP 1.6 §9) and the GetConfiguration / ChangeConfiguration
/// operations on them (§5.8, §5.3).
///
/// Holds the standard keys of the feature profiles the charger supports (plus the security
/// whitepaper's keys), each with its value, accessibility and reboot flag, and the profile's
/// vendor keys as read-write text. Keys match case-insensitively (they are `CiString50`) and are
/// reported with their canonical spelling. Sans-I/O: the charger feeds requests in and applies
/// the returned ``ConfigurationChange``.
public struct ConfigurationStore: Sendable, Equatable {
    /// One key as GetConfiguration reports it.
    public struct Entry: Sendable, Equatable {
        /// The canonical key name.
        public var key: String
        /// The current value.
        public var value: String
        /// Who may read and write it.
        public var accessibility: StandardConfigurationKey.Accessibility
        /// The standard key, `nil` for a vendor key.
        public var standardKey: StandardConfigurationKey?
    }

    /// The feature profiles the charger supports; keys of the others are unknown.
    public let featureProfiles: [FeatureProfile]
    // Keyed by the lowercased key name: the keys with the profile's values, shared (copy on
    // write) by every charger of a profile (issue 11: memory per idle charger).
    private var entries: [String: Entry]
    // The values set since (ChangeConfiguration, a restored snapshot), by lowercased key name:
    // only these are the charger's own.
    private var changed: [String: String] = [:]
    private var order: [String]
    private let rebootRequiredKeys: Set<String>
    /// The keys read on every event, decoded when a value changes, not on each read (issue 11:
    /// fleet CPU per call).
    private var decoded = Decoded.empty

    /// The configuration of a charger built from `profile`: every standard key of its feature profiles
    /// with the profile's value or the default, and its vendor keys.
    ///
    /// - Parameters:
    ///   - overrides: values that win over the profile's, e.g. the configuration a restarted charger
    ///     persisted (``values``). Keys the charger does not have are ignored.
    ///   - rebootRequiredKeys: keys whose change takes effect only after a reboot: ChangeConfiguration
    ///     stores the value and answers RebootRequired. OCPP 1.6 names no such standard key, so the
    ///     default is none.
    public init(profile: ChargerProfile, overrides: [String: String] = [:], rebootRequiredKeys: Set<String> = []) {
        featureProfiles =
            profile.featureProfiles.contains(.core) ? profile.featureProfiles : [.core] + profile.featureProfiles
        self.rebootRequiredKeys = Set(rebootRequiredKeys.map { $0.lowercased() })
        entries = [:]
        order = []
        let profileValues = Dictionary(
            profile.configuration.map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        for key in StandardConfigurationKey.allCases where featureProfiles.contains(key.featureProfile) {
            let name = key.rawValue.lowercased()
            var value = profileValues[name]
            // NumberOfConnectors and SupportedFeatureProfiles describe the hardware: never a stale profile value.
            if key == .numberOfConnectors || key == .supportedFeatureProfiles || value == nil {
                value = key.defaultValue(connectors: profile.connectors, featureProfiles: featureProfiles)
            }
            guard let value else { continue }
            insert(
                Entry(
                    key: key.rawValue, value: key.normalized(value), accessibility: key.accessibility, standardKey: key)
            )
        }
        let standardNames = Set(StandardConfigurationKey.allCases.map { $0.rawValue.lowercased() })
        for (key, value) in profile.configuration.sorted(by: { $0.key < $1.key })
        where !standardNames.contains(key.lowercased()) && entries[key.lowercased()] == nil {
            insert(Entry(key: key, value: value, accessibility: .readWrite, standardKey: nil))
        }
        apply(overrides: overrides)
        decoded = Decoded(decoding: self)
    }

    /// Sets the values of `overrides` (e.g. a restarted charger's persisted ``values``) on the keys
    /// the charger has; the others, and the hardware keys (NumberOfConnectors,
    /// SupportedFeatureProfiles), are ignored. Writes (and so copies shared storage) only for a
    /// value that differs.
    mutating func apply(overrides: [String: String]) {
        for (key, value) in overrides {
            let name = key.lowercased()
            guard let entry = self.entry(named: name) else { continue }
            if entry.standardKey == .numberOfConnectors || entry.standardKey == .supportedFeatureProfiles { continue }
            set(entry.standardKey.map { $0.normalized(value) } ?? value, named: name)
        }
    }

    /// The entry of a lowercased key name, with its current value.
    private func entry(named name: String) -> Entry? {
        guard var entry = entries[name] else { return nil }
        if let value = changed[name] { entry.value = value }
        return entry
    }

    /// Sets the value of a key the charger has (lowercased name), in ``changed`` unless it is
    /// the profile's value again.
    private mutating func set(_ value: String, named name: String) {
        if entries[name]?.value == value {
            changed[name] = nil
        } else {
            changed[name] = value
        }
        decoded = Decoded(decoding: self)
    }

    private mutating func insert(_ entry: Entry) {
        let name = entry.key.lowercased()
        if entries[name] == nil { order.append(name) }
        entries[name] = entry
    }

    /// Every key and value, for persisting a charger's configuration (pass it back as `overrides`).
    public var values: [String: String] {
        Dictionary(
            entries.map { name, entry in (entry.key, changed[name] ?? entry.value) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Every entry in report order: standard keys in the §9 order, then vendor keys.
    public var allEntries: [Entry] { order.compactMap { entry(named: $0) } }

    /// The entry for `key` (any case), `nil` when the charger does not have it.
    public func entry(_ key: String) -> Entry? { entry(named: key.lowercased()) }

    /// The value of `key` (any case), `nil` when the charger does not have it.
    public func value(_ key: String) -> String? { entry(named: key.lowercased())?.value }

    /// The value of a standard key, `nil` when the charger does not have it.
    public func value(_ key: StandardConfigurationKey) -> String? {
        entry(named: Self.standardNames[key] ?? key.rawValue.lowercased())?.value
    }

    /// The lowercased name of each standard key: read on every event, lowercased once.
    private static let standardNames = Dictionary(
        uniqueKeysWithValues: StandardConfigurationKey.allCases.map { ($0, $0.rawValue.lowercased()) })

    // MARK: - GetConfiguration (OCPP 1.6 §5.8)

    /// Answers GetConfiguration.req: every readable key when the request lists none; otherwise each
    /// listed key the charger has and can report, the rest in `unknownKey`. A write-only key
    /// (AuthorizationKey) is never reported and counts as unknown when asked for. When the request
    /// lists more keys than `GetConfigurationMaxKeys`, only the first that many are answered.
    public func get(_ request: GetConfigurationRequest) -> GetConfigurationResponse {
        var known: [KeyValue] = []
        var unknown: [CiString50] = []
        if let keys = request.key, !keys.isEmpty {
            var seen: Set<String> = []
            for requested in keys.prefix(max(getConfigurationMaxKeys, 1))
            where seen.insert(requested.value.lowercased()).inserted {
                if let entry = self.entry(named: requested.value.lowercased()), entry.accessibility != .writeOnly {
                    known.append(Self.keyValue(entry))
                } else {
                    unknown.append(requested)
                }
            }
        } else {
            known = allEntries.filter { $0.accessibility != .writeOnly }.map(Self.keyValue)
        }
        return GetConfigurationResponse(
            configurationKey: known.isEmpty ? nil : known,
            unknownKey: unknown.isEmpty ? nil : unknown
        )
    }

    private static func keyValue(_ entry: Entry) -> KeyValue {
        KeyValue(
            key: CiString50(truncating: entry.key),
            readonly: entry.accessibility == .readOnly,
            value: CiString500(truncating: entry.value)
        )
    }

    // MARK: - ChangeConfiguration (OCPP 1.6 §5.3)

    /// Answers ChangeConfiguration.req and, when the value was stored, what to apply now.
    ///
    /// NotSupported for a key the charger does not have (including keys of feature profiles it does not
    /// support); Rejected for a read-only key, a value of the wrong type or range, a list longer than its
    /// `...MaxLength` key allows, a lower `SecurityProfile`, or `SecurityProfile` 1 or 2 without an
    /// `AuthorizationKey`; RebootRequired (value stored, no change now) for the keys named at init;
    /// otherwise Accepted with the ``ConfigurationChange`` to apply.
    public mutating func change(
        _ request: ChangeConfigurationRequest
    ) -> (response: ChangeConfigurationResponse, change: ConfigurationChange?) {
        let name = request.key.value.lowercased()
        let value = request.value.value
        guard let entry = self.entry(named: name) else {
            return (ChangeConfigurationResponse(status: .notSupported), nil)
        }
        if entry.accessibility == .readOnly {
            return (ChangeConfigurationResponse(status: .rejected), nil)
        }
        guard let key = entry.standardKey else {
            set(value, named: name)
            if rebootRequiredKeys.contains(name) { return (ChangeConfigurationResponse(status: .rebootRequired), nil) }
            return (ChangeConfigurationResponse(status: .accepted), .stored(key: entry.key))
        }
        if problem(with: value, for: key) != nil {
            return (ChangeConfigurationResponse(status: .rejected), nil)
        }
        set(key.normalized(value), named: name)
        if rebootRequiredKeys.contains(name) {
            return (ChangeConfigurationResponse(status: .rebootRequired), nil)
        }
        return (ChangeConfigurationResponse(status: .accepted), liveChange(key))
    }

    /// What is wrong with `value` for `key` on this charger, if anything.
    public func problem(with value: String, for key: StandardConfigurationKey) -> String? {
        if let problem = key.problem(with: value) ?? key.rangeProblem(with: value) { return problem }
        if let lengthKey = key.maxLengthKey, let limit = integer(lengthKey) {
            let count = value.split(separator: ",").count
            if count > limit { return "lists \(count) items; \(lengthKey.rawValue) allows \(limit)" }
        }
        if key == .securityProfile, let requested = Int(value) {
            // Security whitepaper §2: a charge point never moves to a lower security profile.
            if requested < securityProfile { return "cannot lower the security profile from \(securityProfile)" }
            if (1...2).contains(requested), authorizationKey == nil {
                return "security profile \(requested) needs an AuthorizationKey first"
            }
        }
        return nil
    }

    /// Puts `SecurityProfile` back to `profile` after a raised one failed to connect (security
    /// extension A05): the one lowering ChangeConfiguration cannot make.
    mutating func fallBack(securityProfile profile: Int) {
        let name = StandardConfigurationKey.securityProfile.rawValue.lowercased()
        guard entries[name] != nil else { return }
        set(String(profile), named: name)
    }

    private func liveChange(_ key: StandardConfigurationKey) -> ConfigurationChange {
        switch key {
        case .heartbeatInterval: .heartbeatInterval(heartbeatInterval)
        case .meterValueSampleInterval: .meterValueSampleInterval(meterValueSampleInterval)
        case .clockAlignedDataInterval: .clockAlignedDataInterval(clockAlignedDataInterval)
        case .webSocketPingInterval: .webSocketPingInterval(webSocketPingInterval)
        case .securityProfile: .securityProfile(securityProfile)
        case .authorizationKey: .authorizationKey
        case .authorizationCacheEnabled: .authorizationCacheEnabled(authorizationCacheEnabled)
        case .localAuthListEnabled: .localAuthListEnabled(localAuthListEnabled)
        case .allowOfflineTxForUnknownId, .authorizeRemoteTxRequests, .blinkRepeat, .connectionTimeOut,
            .connectorPhaseRotation, .connectorPhaseRotationMaxLength, .getConfigurationMaxKeys, .lightIntensity,
            .localAuthorizeOffline, .localPreAuthorize, .maxEnergyOnInvalidId, .meterValuesAlignedData,
            .meterValuesAlignedDataMaxLength, .meterValuesSampledData, .meterValuesSampledDataMaxLength,
            .minimumStatusDuration, .numberOfConnectors, .resetRetries, .stopTransactionOnEVSideDisconnect,
            .stopTransactionOnInvalidId, .stopTxnAlignedData, .stopTxnAlignedDataMaxLength, .stopTxnSampledData,
            .stopTxnSampledDataMaxLength, .supportedFeatureProfiles, .supportedFeatureProfilesMaxLength,
            .transactionMessageAttempts, .transactionMessageRetryInterval, .unlockConnectorOnEVSideDisconnect,
            .localAuthListMaxLength, .sendLocalListMaxLength, .reserveConnectorZeroSupported,
            .chargeProfileMaxStackLevel, .chargingScheduleAllowedChargingRateUnit, .chargingScheduleMaxPeriods,
            .connectorSwitch3to1PhaseSupported, .maxChargingProfilesInstalled, .additionalRootCertificateCheck,
            .certificateSignedMaxChainSize, .certificateStoreMaxLength, .cpoName:
            .stored(key: key.rawValue)
        }
    }

    // MARK: - Typed accessors

    /// The integer value of `key`, `nil` when absent or not a number.
    public func integer(_ key: StandardConfigurationKey) -> Int? { value(key).flatMap { Int($0) } }

    /// The boolean value of `key`, `nil` when absent or not a boolean.
    public func boolean(_ key: StandardConfigurationKey) -> Bool? {
        switch value(key)?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// The measurands a measurand-list key names, in order, without duplicates or unknown names.
    public func measurands(_ key: StandardConfigurationKey) -> [Measurand] {
        if key == .meterValuesSampledData { return decoded.meterValuesSampledData }
        if key == .meterValuesAlignedData { return decoded.meterValuesAlignedData }
        if key == .stopTxnSampledData { return decoded.stopTxnSampledData }
        if key == .stopTxnAlignedData { return decoded.stopTxnAlignedData }
        return parsedMeasurands(key)
    }

    /// ``measurands(_:)`` read from the key's text.
    func parsedMeasurands(_ key: StandardConfigurationKey) -> [Measurand] {
        // Read on each change: ASCII lists (all of them in practice) are matched byte by byte
        // against the measurand names, with no String or array built; other text goes the
        // general way (same blanks as `.whitespaces`: tab and the space separators).
        guard let list = value(key) else { return [] }
        if let ascii = list.utf8.withContiguousStorageIfAvailable(Self.asciiMeasurands), let ascii {
            return ascii
        }
        var result: [Measurand] = []
        for item in list.unicodeScalars.split(separator: ",") {
            let isBlank = { (scalar: Unicode.Scalar) in
                scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
            }
            guard let first = item.firstIndex(where: { !isBlank($0) }),
                let last = item.lastIndex(where: { !isBlank($0) }),
                let measurand = Measurand(rawValue: String(item[first...last])), !result.contains(measurand)
            else { continue }
            result.append(measurand)
        }
        return result
    }

    /// Each measurand's name, UTF-8.
    private static let measurandNames = Measurand.allCases.map { (name: Array($0.rawValue.utf8), measurand: $0) }

    /// The measurands of an ASCII list; nil when `bytes` are not all ASCII.
    private static func asciiMeasurands(_ bytes: UnsafeBufferPointer<UInt8>) -> [Measurand]? {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var result: [Measurand] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") {
                guard bytes[end] < 0x80 else { return nil }
                end += 1
            }
            var low = start
            var high = end
            while low < high, isBlank(bytes[low]) { low += 1 }
            while high > low, isBlank(bytes[high - 1]) { high -= 1 }
            if low < high {
                let item = UnsafeBufferPointer(rebasing: bytes[low..<high])
                let match = measurandNames.first { $0.name.count == item.count && $0.name.elementsEqual(item) }
                if let measurand = match?.measurand, !result.contains(measurand) { result.append(measurand) }
            }
            start = end + 1
        }
        return result
    }

    private func seconds(_ key: StandardConfigurationKey) -> Duration { .seconds(integer(key) ?? 0) }

    /// `HeartbeatInterval`.
    public var heartbeatInterval: Duration { decoded.heartbeatInterval }
    /// `MeterValueSampleInterval`; zero means no periodic samples.
    public var meterValueSampleInterval: Duration { decoded.meterValueSampleInterval }
    /// `ClockAlignedDataInterval`; zero means no clock-aligned samples.
    public var clockAlignedDataInterval: Duration { decoded.clockAlignedDataInterval }
    /// `ConnectionTimeOut`.
    public var connectionTimeOut: Duration { decoded.connectionTimeOut }
    /// `MinimumStatusDuration`.
    public var minimumStatusDuration: Duration { decoded.minimumStatusDuration }
    /// `TransactionMessageRetryInterval`.
    public var transactionMessageRetryInterval: Duration { decoded.transactionMessageRetryInterval }
    /// `WebSocketPingInterval`; zero means no pings.
    public var webSocketPingInterval: Duration { seconds(.webSocketPingInterval) }
    /// `TransactionMessageAttempts`.
    public var transactionMessageAttempts: Int { decoded.transactionMessageAttempts }
    /// `ResetRetries`.
    public var resetRetries: Int { integer(.resetRetries) ?? 0 }
    /// `GetConfigurationMaxKeys`.
    public var getConfigurationMaxKeys: Int { integer(.getConfigurationMaxKeys) ?? Int.max }
    /// `NumberOfConnectors`.
    public var numberOfConnectors: Int { integer(.numberOfConnectors) ?? 0 }
    /// `SecurityProfile` (0 when the key is absent).
    public var securityProfile: Int { integer(.securityProfile) ?? 0 }
    /// `AuthorizationKey`, the Basic authentication password for security profiles 1 and 2.
    /// `nil` while unset.
    public var authorizationKey: String? { value(.authorizationKey).flatMap { $0.isEmpty ? nil : $0 } }
    /// `MeterValuesSampledData`.
    public var meterValuesSampledData: [Measurand] { decoded.meterValuesSampledData }
    /// `MeterValuesAlignedData`.
    public var meterValuesAlignedData: [Measurand] { decoded.meterValuesAlignedData }
    /// `StopTxnSampledData`.
    public var stopTxnSampledData: [Measurand] { decoded.stopTxnSampledData }
    /// `StopTxnAlignedData`.
    public var stopTxnAlignedData: [Measurand] { decoded.stopTxnAlignedData }
    /// `AuthorizeRemoteTxRequests`.
    public var authorizeRemoteTxRequests: Bool { boolean(.authorizeRemoteTxRequests) ?? false }
    /// `LocalPreAuthorize`.
    public var localPreAuthorize: Bool { boolean(.localPreAuthorize) ?? false }
    /// `LocalAuthorizeOffline`.
    public var localAuthorizeOffline: Bool { boolean(.localAuthorizeOffline) ?? false }
    /// `AllowOfflineTxForUnknownId`.
    public var allowOfflineTxForUnknownId: Bool { boolean(.allowOfflineTxForUnknownId) ?? false }
    /// `AuthorizationCacheEnabled`.
    public var authorizationCacheEnabled: Bool { boolean(.authorizationCacheEnabled) ?? false }
    /// `LocalAuthListEnabled` (false when the charger lacks LocalAuthListManagement).
    public var localAuthListEnabled: Bool { boolean(.localAuthListEnabled) ?? false }
    /// `StopTransactionOnInvalidId`.
    public var stopTransactionOnInvalidId: Bool { boolean(.stopTransactionOnInvalidId) ?? true }
    /// `StopTransactionOnEVSideDisconnect`.
    public var stopTransactionOnEVSideDisconnect: Bool { boolean(.stopTransactionOnEVSideDisconnect) ?? true }
    /// `UnlockConnectorOnEVSideDisconnect`.
    public var unlockConnectorOnEVSideDisconnect: Bool { boolean(.unlockConnectorOnEVSideDisconnect) ?? true }
    /// `ReserveConnectorZeroSupported` (false when the charger lacks the Reservation profile).
    public var reserveConnectorZeroSupported: Bool { boolean(.reserveConnectorZeroSupported) ?? false }
    /// `MaxEnergyOnInvalidId` in Wh, `nil` when the charger has no such limit.
    public var maxEnergyOnInvalidId: Int? { integer(.maxEnergyOnInvalidId) }
    /// `CpoName`, for the certificate checks of security profile 3.
    public var cpoName: String? { value(.cpoName) }

    /// The keys ``AuthorizationStore`` needs, read now.
    public var authorizationPolicy: AuthorizationPolicy {
        AuthorizationPolicy(
            localAuthListSupported: featureProfiles.contains(.localAuthListManagement),
            localAuthListEnabled: localAuthListEnabled,
            localAuthListMaxLength: integer(.localAuthListMaxLength) ?? 0,
            sendLocalListMaxLength: integer(.sendLocalListMaxLength) ?? 0,
            authorizationCacheEnabled: authorizationCacheEnabled,
            localPreAuthorize: localPreAuthorize,
            localAuthorizeOffline: localAuthorizeOffline,
            allowOfflineTxForUnknownId: allowOfflineTxForUnknownId
        )
    }
}

extension StandardConfigurationKey {
    /// `value` as the store keeps it: booleans in lower case, list items without spaces.
    func normalized(_ value: String) -> String {
        switch valueType {
        case .boolean:
            return value.lowercased()
        case .measurandList, .list:
            return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: ",")
        case .integer, .text:
            return value
        }
    }
}

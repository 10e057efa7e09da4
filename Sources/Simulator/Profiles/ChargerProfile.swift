import Foundation

/// A charger model, read from `profiles/*.yaml`: what it says in BootNotification, its
/// connectors, the OCPP feature profiles and default configuration it ships with, the EVs that
/// visit it and how it behaves. The schema is documented in `profiles/README.md`.
public struct ChargerProfile: Sendable, Equatable, Codable {
    /// BootNotification fields.
    public var identity: ChargerIdentity
    /// The connectors, ids 1...N in order.
    public var connectors: [ProfileConnector]
    /// Supported OCPP 1.6 feature profiles; always includes Core.
    public var featureProfiles: [FeatureProfile]
    /// Default configuration: OCPP key → value, as GetConfiguration reports it.
    public var configuration: [String: String]
    /// The EVs that plug in, with relative weights.
    public var evMix: [EVMixEntry]
    /// Simulation behaviour (boot answers, auto-plug delay, fault rate, ...).
    public var behaviour: ChargerBehaviour

    public init(
        identity: ChargerIdentity,
        connectors: [ProfileConnector],
        featureProfiles: [FeatureProfile],
        configuration: [String: String],
        evMix: [EVMixEntry],
        behaviour: ChargerBehaviour = ChargerBehaviour()
    ) {
        self.identity = identity
        self.connectors = connectors
        self.featureProfiles = featureProfiles
        self.configuration = configuration
        self.evMix = evMix
        self.behaviour = behaviour
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case identity, connectors, featureProfiles, configuration, evMix, behaviour
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let identity: ChargerIdentity? = try fields.required(.identity)
        let connectors: [ProfileConnector]? = try fields.list(.connectors, of: "a mapping", required: true)
        let features: [FeatureProfile]? = try fields.list(
            .featureProfiles,
            of: FeatureProfile.expectation,
            required: true
        )
        let configuration = try fields.stringMap(.configuration)
        let evMix: [EVMixEntry]? = try fields.list(.evMix, of: "a mapping", required: true)
        let behaviour: ChargerBehaviour? = try fields.optional(.behaviour)
        guard let identity, let connectors, let features, let evMix, !fields.failed else {
            throw ProfileDecodingFailed()
        }
        self.init(
            identity: identity,
            connectors: connectors,
            featureProfiles: features,
            configuration: configuration ?? [:],
            evMix: evMix,
            behaviour: behaviour ?? ChargerBehaviour()
        )
    }

    /// Each connector's rating by connector id, for `MeterModel`.
    public var connectorRatings: [Int: ConnectorRating] {
        Dictionary(connectors.map { ($0.id, $0.rating) }, uniquingKeysWith: { first, _ in first })
    }

    /// The most power one connector can deliver, in kW.
    public var maxPowerKW: Double {
        connectors.map(\.maxPowerKW).max() ?? 0
    }

    /// Picks the EV for one plug-in: an `evMix` entry by weight, and a start state of charge
    /// uniformly from its range. `nil` only for an empty mix.
    public func randomEV(using generator: inout some RandomNumberGenerator) -> EVModel? {
        Self.pick(from: evMix, using: &generator)
    }

    /// An entry of `mix` by weight, with a start state of charge drawn from its range; `nil`
    /// only for an empty mix (or one with no positive weight).
    static func pick(from mix: [EVMixEntry], using generator: inout some RandomNumberGenerator) -> EVModel? {
        let total = mix.reduce(0) { $0 + max($1.weight, 0) }
        guard total > 0 else { return nil }
        var draw = Double.random(in: 0..<total, using: &generator)
        for entry in mix where entry.weight > 0 {
            if draw < entry.weight || entry == mix.last {
                return entry.model(startSoC: Double.random(in: entry.startSoCPercent, using: &generator))
            }
            draw -= entry.weight
        }
        return mix.last.map { $0.model(startSoC: $0.startSoCPercent.lowerBound) }
    }

    /// Every problem beyond the types: OCPP length limits, ranges, duplicate connector ids,
    /// configuration values and keys that need a feature profile the charger does not list.
    public func validate() -> [ProfileProblem] {
        var problems = identity.validate(at: .root.appending(CodingKeys.identity.rawValue))
        problems += validateConnectors()
        problems += validateFeatureProfiles()
        problems += validateConfiguration()
        let mixPath = ProfilePath.root.appending(CodingKeys.evMix.rawValue)
        if evMix.isEmpty {
            problems.append(ProfileProblem(path: mixPath, message: "must list at least one EV"))
        }
        for (index, entry) in evMix.enumerated() {
            problems += entry.validate(at: mixPath.appending(index: index))
        }
        if !connectors.isEmpty, connectors.allSatisfy({ $0.currentType == .dc }), !evMix.isEmpty,
            evMix.allSatisfy({ $0.maxDCPowerKW <= 0 })
        {
            problems.append(
                ProfileProblem(path: mixPath, message: "no EV in the mix can charge on DC (all maxDCPowerKW are 0)")
            )
        }
        problems += behaviour.validate(at: .root.appending(CodingKeys.behaviour.rawValue))
        return problems
    }

    private func validateConnectors() -> [ProfileProblem] {
        let path = ProfilePath.root.appending(CodingKeys.connectors.rawValue)
        guard !connectors.isEmpty else {
            return [ProfileProblem(path: path, message: "must list at least one connector")]
        }
        var problems: [ProfileProblem] = []
        var firstUse: [Int: Int] = [:]
        for (index, connector) in connectors.enumerated() {
            let connectorPath = path.appending(index: index)
            problems += connector.validate(at: connectorPath)
            let idPath = connectorPath.appending(ProfileConnector.CodingKeys.id.rawValue)
            if let earlier = firstUse[connector.id] {
                let message = "duplicate connector id \(connector.id) (connectors[\(earlier)] has it already)"
                problems.append(ProfileProblem(path: idPath, message: message))
            } else {
                firstUse[connector.id] = index
                if connector.id >= 1, connector.id != index + 1 {
                    let message = "must be \(index + 1): connector ids run 1, 2, ... in order (OCPP 1.6 §3.6)"
                    problems.append(ProfileProblem(path: idPath, message: message))
                }
            }
        }
        return problems
    }

    private func validateFeatureProfiles() -> [ProfileProblem] {
        let path = ProfilePath.root.appending(CodingKeys.featureProfiles.rawValue)
        var problems: [ProfileProblem] = []
        if !featureProfiles.contains(.core) {
            problems.append(ProfileProblem(path: path, message: "must include Core"))
        }
        var seen: Set<FeatureProfile> = []
        for (index, feature) in featureProfiles.enumerated() where !seen.insert(feature).inserted {
            problems.append(
                ProfileProblem(path: path.appending(index: index), message: "\(feature.rawValue) is listed twice"))
        }
        return problems
    }

    private func validateConfiguration() -> [ProfileProblem] {
        let path = ProfilePath.root.appending(CodingKeys.configuration.rawValue)
        var problems: [ProfileProblem] = []
        let byLowercase = Dictionary(
            StandardConfigurationKey.allCases.map { ($0.rawValue.lowercased(), $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for (name, value) in configuration.sorted(by: { $0.key < $1.key }) {
            let keyPath = path.appending(name)
            guard let key = StandardConfigurationKey(rawValue: name) else {
                // Anything else is a vendor key, except a standard key in the wrong case.
                if let standard = byLowercase[name.lowercased()] {
                    problems.append(
                        ProfileProblem(path: keyPath, message: "unknown key; did you mean \(standard.rawValue)?"))
                }
                continue
            }
            if let problem = key.problem(with: value) {
                problems.append(ProfileProblem(path: keyPath, message: problem))
                continue
            }
            if !featureProfiles.contains(key.featureProfile) {
                let message =
                    "belongs to the \(key.featureProfile.rawValue) feature profile; "
                    + "add it to featureProfiles or remove this key"
                problems.append(ProfileProblem(path: keyPath, message: message))
            }
            if key == .numberOfConnectors, Int(value) != connectors.count {
                let message =
                    "is \(value) but the profile has \(connectors.count) connectors; "
                    + "set it to \(connectors.count) or leave it out"
                problems.append(ProfileProblem(path: keyPath, message: message))
            }
            if key == .supportedFeatureProfiles {
                let listed = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                if listed != Set(featureProfiles.map(\.rawValue)) {
                    let expected = featureProfiles.map(\.rawValue).joined(separator: ",")
                    let message = "must match featureProfiles (\(expected)) or be left out"
                    problems.append(ProfileProblem(path: keyPath, message: message))
                }
            }
        }
        return problems
    }
}

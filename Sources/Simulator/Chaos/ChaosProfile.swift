import OCPP16

/// Random chaos for a whole fleet, read from a chaos file (`chargesim fleet --chaos FILE.yaml`,
/// `profiles/chaos/*.yaml`): per charger, faults arrive as a Poisson process with the given
/// rates (per charger per hour), answers to the central system misbehave with the given
/// shares, each charger's clock is off by a drawn offset and drift, and fleet-wide blackouts
/// and surges happen at given times. All draws are seeded (`--seed`).
/// Durations are in seconds; the schema is documented in `profiles/chaos/README.md`.
public struct ChaosProfile: Sendable, Equatable, Codable {
    /// A fleet-wide blackout (``Fleet/blackout(for:reconnectJitter:)``) at `atSeconds` after the start.
    public struct Blackout: Sendable, Equatable, Codable {
        public var atSeconds: Double
        public var durationSeconds: Double
        public var jitterSeconds: Double

        public init(atSeconds: Double, durationSeconds: Double, jitterSeconds: Double) {
            self.atSeconds = atSeconds
            self.durationSeconds = durationSeconds
            self.jitterSeconds = jitterSeconds
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case atSeconds, durationSeconds, jitterSeconds }

        public init(from decoder: any Decoder) throws {
            var fields = try ProfileFields(decoder, CodingKeys.self)
            let at: Double? = try fields.required(.atSeconds)
            let duration: Double? = try fields.required(.durationSeconds)
            let jitter: Double? = try fields.optional(.jitterSeconds)
            guard let at, let duration, !fields.failed else { throw ProfileDecodingFailed() }
            self.init(atSeconds: at, durationSeconds: duration, jitterSeconds: jitter ?? 0)
        }
    }

    /// A surge (``Fleet/surge(_:)``): `chargers` chargers start a session at `atSeconds`.
    public struct Surge: Sendable, Equatable, Codable {
        public var atSeconds: Double
        public var chargers: Int

        public init(atSeconds: Double, chargers: Int) {
            self.atSeconds = atSeconds
            self.chargers = chargers
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case atSeconds, chargers }

        public init(from decoder: any Decoder) throws {
            var fields = try ProfileFields(decoder, CodingKeys.self)
            let at: Double? = try fields.required(.atSeconds)
            let chargers: Int? = try fields.required(.chargers)
            guard let at, let chargers, !fields.failed else { throw ProfileDecodingFailed() }
            self.init(atSeconds: at, chargers: chargers)
        }
    }

    public var connectorFaultsPerHour: Double = 0
    public var connectorFaultSeconds: TrafficDistribution = .fixed(60)
    /// OCPP 1.6 ChargePointErrorCode values the connector faults draw from.
    public var connectorFaultCodes: [ChargePointErrorCode] = [.internalError]
    public var evSuspensionsPerHour: Double = 0
    public var evSuspensionSeconds: TrafficDistribution = .fixed(60)
    public var connectionDropsPerHour: Double = 0
    /// The delay before reconnecting after a drop or a half-open socket.
    public var reconnectDelaySeconds: TrafficDistribution = .fixed(1)
    public var halfOpenPerHour: Double = 0
    public var halfOpenSeconds: TrafficDistribution = .fixed(30)
    public var rebootsPerHour: Double = 0
    public var malformedFramesPerHour: Double = 0
    /// Shares (0...1) of the answers to the central system's CALLs that are slow, missing,
    /// CALLERRORs or malformed.
    public var slowAnswerShare: Double = 0
    public var slowAnswerSeconds: TrafficDistribution = .fixed(5)
    public var missingAnswerShare: Double = 0
    public var callErrorAnswerShare: Double = 0
    public var malformedAnswerShare: Double = 0
    /// Each charger's clock offset from the wall clock, drawn once per charger; nil: none.
    public var clockOffsetSeconds: TrafficDistribution?
    /// Each charger's clock drift in parts per million, drawn once per charger; nil: none.
    public var clockDriftPPM: TrafficDistribution?
    public var blackouts: [Blackout] = []
    public var surges: [Surge] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case connectorFaultsPerHour, connectorFaultSeconds, connectorFaultCodes, evSuspensionsPerHour
        case evSuspensionSeconds, connectionDropsPerHour, reconnectDelaySeconds, halfOpenPerHour, halfOpenSeconds
        case rebootsPerHour, malformedFramesPerHour, slowAnswerShare, slowAnswerSeconds, missingAnswerShare
        case callErrorAnswerShare, malformedAnswerShare, clockOffsetSeconds, clockDriftPPM, blackouts, surges
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        var profile = ChaosProfile()
        func number(_ key: CodingKeys, _ path: WritableKeyPath<ChaosProfile, Double>) throws {
            if let value: Double = try fields.optional(key) { profile[keyPath: path] = value }
        }
        func distribution(_ key: CodingKeys, _ path: WritableKeyPath<ChaosProfile, TrafficDistribution>) throws {
            if let value: TrafficDistribution = try fields.optional(key) { profile[keyPath: path] = value }
        }
        try number(.connectorFaultsPerHour, \.connectorFaultsPerHour)
        try distribution(.connectorFaultSeconds, \.connectorFaultSeconds)
        try number(.evSuspensionsPerHour, \.evSuspensionsPerHour)
        try distribution(.evSuspensionSeconds, \.evSuspensionSeconds)
        try number(.connectionDropsPerHour, \.connectionDropsPerHour)
        try distribution(.reconnectDelaySeconds, \.reconnectDelaySeconds)
        try number(.halfOpenPerHour, \.halfOpenPerHour)
        try distribution(.halfOpenSeconds, \.halfOpenSeconds)
        try number(.rebootsPerHour, \.rebootsPerHour)
        try number(.malformedFramesPerHour, \.malformedFramesPerHour)
        try number(.slowAnswerShare, \.slowAnswerShare)
        try distribution(.slowAnswerSeconds, \.slowAnswerSeconds)
        try number(.missingAnswerShare, \.missingAnswerShare)
        try number(.callErrorAnswerShare, \.callErrorAnswerShare)
        try number(.malformedAnswerShare, \.malformedAnswerShare)
        profile.clockOffsetSeconds = try fields.optional(.clockOffsetSeconds)
        profile.clockDriftPPM = try fields.optional(.clockDriftPPM)
        let codes: [String]? = try fields.list(.connectorFaultCodes, of: String.expectation, required: false)
        if let codes {
            var parsed: [ChargePointErrorCode] = []
            for code in codes {
                guard let value = ChargePointErrorCode(rawValue: code), value != .noError else {
                    try fields.record(
                        fields.path(of: .connectorFaultCodes),
                        "\"\(code)\" is not an OCPP 1.6 ChargePointErrorCode; use one of "
                            + ChargerBehaviour.faultErrorCodeChoices.joined(separator: ", "))
                    continue
                }
                parsed.append(value)
            }
            profile.connectorFaultCodes = parsed
        }
        let blackouts: [Blackout]? = try fields.list(.blackouts, of: "a mapping", required: false)
        let surges: [Surge]? = try fields.list(.surges, of: "a mapping", required: false)
        profile.blackouts = blackouts ?? []
        profile.surges = surges ?? []
        guard !fields.failed else { throw ProfileDecodingFailed() }
        self = profile
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connectorFaultsPerHour, forKey: .connectorFaultsPerHour)
        try container.encode(connectorFaultSeconds, forKey: .connectorFaultSeconds)
        try container.encode(connectorFaultCodes.map(\.rawValue), forKey: .connectorFaultCodes)
        try container.encode(evSuspensionsPerHour, forKey: .evSuspensionsPerHour)
        try container.encode(evSuspensionSeconds, forKey: .evSuspensionSeconds)
        try container.encode(connectionDropsPerHour, forKey: .connectionDropsPerHour)
        try container.encode(reconnectDelaySeconds, forKey: .reconnectDelaySeconds)
        try container.encode(halfOpenPerHour, forKey: .halfOpenPerHour)
        try container.encode(halfOpenSeconds, forKey: .halfOpenSeconds)
        try container.encode(rebootsPerHour, forKey: .rebootsPerHour)
        try container.encode(malformedFramesPerHour, forKey: .malformedFramesPerHour)
        try container.encode(slowAnswerShare, forKey: .slowAnswerShare)
        try container.encode(slowAnswerSeconds, forKey: .slowAnswerSeconds)
        try container.encode(missingAnswerShare, forKey: .missingAnswerShare)
        try container.encode(callErrorAnswerShare, forKey: .callErrorAnswerShare)
        try container.encode(malformedAnswerShare, forKey: .malformedAnswerShare)
        try container.encodeIfPresent(clockOffsetSeconds, forKey: .clockOffsetSeconds)
        try container.encodeIfPresent(clockDriftPPM, forKey: .clockDriftPPM)
        try container.encode(blackouts, forKey: .blackouts)
        try container.encode(surges, forKey: .surges)
    }

    /// The per-hour rates of the random faults, by kind.
    var rates: [(kind: RandomKind, perHour: Double)] {
        [
            (.connectorFault, connectorFaultsPerHour), (.evSuspension, evSuspensionsPerHour),
            (.connectionDrop, connectionDropsPerHour), (.halfOpen, halfOpenPerHour), (.reboot, rebootsPerHour),
            (.malformedFrame, malformedFramesPerHour),
        ]
    }

    /// The kinds of random fault.
    enum RandomKind: Sendable, Equatable {
        case connectorFault, evSuspension, connectionDrop, halfOpen, reboot, malformedFrame
    }

    /// Every problem beyond the types.
    public func validate() -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func path(_ key: CodingKeys) -> ProfilePath { ProfilePath.root.appending(key.rawValue) }
        func text(_ value: Double) -> String { ProfileConnector.format(value) }
        let perHour: [(CodingKeys, Double)] = [
            (.connectorFaultsPerHour, connectorFaultsPerHour), (.evSuspensionsPerHour, evSuspensionsPerHour),
            (.connectionDropsPerHour, connectionDropsPerHour), (.halfOpenPerHour, halfOpenPerHour),
            (.rebootsPerHour, rebootsPerHour), (.malformedFramesPerHour, malformedFramesPerHour),
        ]
        for (key, value) in perHour where !(value.isFinite && (0...3600).contains(value)) {
            problems.append(ProfileProblem(path: path(key), message: "must be 0 to 3600 per hour, got \(text(value))"))
        }
        let shares: [(CodingKeys, Double)] = [
            (.slowAnswerShare, slowAnswerShare), (.missingAnswerShare, missingAnswerShare),
            (.callErrorAnswerShare, callErrorAnswerShare), (.malformedAnswerShare, malformedAnswerShare),
        ]
        for (key, value) in shares where !(0...1).contains(value) {
            problems.append(ProfileProblem(path: path(key), message: "must be 0 to 1 (a share), got \(text(value))"))
        }
        if shares.map(\.1).reduce(0, +) > 1 {
            problems.append(
                ProfileProblem(path: path(.slowAnswerShare), message: "the four answer shares must add up to at most 1")
            )
        }
        if connectorFaultsPerHour > 0, connectorFaultCodes.isEmpty {
            problems.append(
                ProfileProblem(
                    path: path(.connectorFaultCodes), message: "must list an error code when connectorFaultsPerHour > 0"
                ))
        }
        let distributions: [(CodingKeys, TrafficDistribution?)] = [
            (.connectorFaultSeconds, connectorFaultSeconds), (.evSuspensionSeconds, evSuspensionSeconds),
            (.reconnectDelaySeconds, reconnectDelaySeconds), (.halfOpenSeconds, halfOpenSeconds),
            (.slowAnswerSeconds, slowAnswerSeconds), (.clockOffsetSeconds, nil), (.clockDriftPPM, nil),
        ]
        for (key, distribution) in distributions {
            problems += distribution?.validate(at: path(key)) ?? []
        }
        for (index, blackout) in blackouts.enumerated() {
            let at = path(.blackouts).appending(index: index)
            if !(blackout.atSeconds >= 0) {
                problems.append(ProfileProblem(path: at.appending("atSeconds"), message: "must be 0 or more"))
            }
            if !(blackout.durationSeconds >= 0 && blackout.durationSeconds <= 86_400) {
                problems.append(ProfileProblem(path: at.appending("durationSeconds"), message: "must be 0 to 86400"))
            }
            if !(blackout.jitterSeconds >= 0 && blackout.jitterSeconds <= 86_400) {
                problems.append(ProfileProblem(path: at.appending("jitterSeconds"), message: "must be 0 to 86400"))
            }
        }
        for (index, surge) in surges.enumerated() {
            let at = path(.surges).appending(index: index)
            if !(surge.atSeconds >= 0) {
                problems.append(ProfileProblem(path: at.appending("atSeconds"), message: "must be 0 or more"))
            }
            if surge.chargers < 1 {
                problems.append(ProfileProblem(path: at.appending("chargers"), message: "must be at least 1"))
            }
        }
        return problems
    }
}

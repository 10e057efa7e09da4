import Foundation

/// How drivers use a charger over a day, read from a traffic file (`--traffic FILE.yaml`,
/// `profiles/traffic/*.yaml`): per connector, arrivals are a Poisson process whose rate
/// depends on the hour of day; each driver stays for a drawn dwell time (or leaves a drawn
/// idle time after the EV is full, whichever comes first), drives an EV drawn from the mix,
/// and starts either with an RFID card or remotely (an app: the central system sends
/// RemoteStartTransaction). The schema is documented in `profiles/traffic/README.md`.
public struct TrafficProfile: Sendable, Equatable, Codable {
    /// Arrivals per connector per hour, for each hour of the day from 00:00 (24 values), or
    /// one value for every hour.
    public var arrivalsPerHour: [Double]
    /// The simulated time of day when the run starts, in seconds after midnight; nil: the
    /// wall clock's time of day (UTC) at the start.
    public var startTimeOfDay: Int?
    /// How long a driver stays, in minutes (simulated time).
    public var dwellMinutes: TrafficDistribution
    /// How long a full EV stays plugged before its driver comes back, in minutes; nil: until
    /// the dwell time ends.
    public var idleAfterFullMinutes: TrafficDistribution?
    /// The share of drivers (0...1) who start remotely; the others present an RFID card.
    public var remoteStartShare: Double
    /// A driver whose session has not started after this many minutes (no RemoteStartTransaction
    /// came, the card was refused) unplugs and leaves.
    public var startTimeoutMinutes: Double
    /// The RFID cards drivers present, drawn uniformly; empty: `DRV` and 5 random digits.
    public var idTags: [String]
    /// The EVs that arrive; nil: the charger profile's `evMix`.
    public var evMix: [EVMixEntry]?

    public init(
        arrivalsPerHour: [Double], startTimeOfDay: Int? = nil, dwellMinutes: TrafficDistribution,
        idleAfterFullMinutes: TrafficDistribution? = nil, remoteStartShare: Double = 0, startTimeoutMinutes: Double = 5,
        idTags: [String] = [], evMix: [EVMixEntry]? = nil
    ) {
        self.arrivalsPerHour = arrivalsPerHour
        self.startTimeOfDay = startTimeOfDay
        self.dwellMinutes = dwellMinutes
        self.idleAfterFullMinutes = idleAfterFullMinutes
        self.remoteStartShare = remoteStartShare
        self.startTimeoutMinutes = startTimeoutMinutes
        self.idTags = idTags
        self.evMix = evMix
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case arrivalsPerHour, startTime, dwellMinutes, idleAfterFullMinutes, remoteStartShare, startTimeoutMinutes
        case idTags, evMix
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let rates: [Double]? = try fields.list(.arrivalsPerHour, of: Double.expectation, required: true)
        let startTime: String? = try fields.optional(.startTime)
        let dwell: TrafficDistribution? = try fields.required(.dwellMinutes)
        let idle: TrafficDistribution? = try fields.optional(.idleAfterFullMinutes)
        let remoteShare: Double? = try fields.optional(.remoteStartShare)
        let startTimeout: Double? = try fields.optional(.startTimeoutMinutes)
        let idTags: [String]? = try fields.list(.idTags, of: String.expectation, required: false)
        let evMix: [EVMixEntry]? = try fields.list(.evMix, of: "a mapping", required: false)
        var startTimeOfDay: Int?
        if let startTime {
            startTimeOfDay = Self.secondsAfterMidnight(startTime)
            if startTimeOfDay == nil {
                try fields.record(fields.path(of: .startTime), "must be a time of day HH:MM, got \"\(startTime)\"")
            }
        }
        guard let rates, let dwell, !fields.failed else { throw ProfileDecodingFailed() }
        self.init(
            arrivalsPerHour: rates, startTimeOfDay: startTimeOfDay, dwellMinutes: dwell, idleAfterFullMinutes: idle,
            remoteStartShare: remoteShare ?? 0, startTimeoutMinutes: startTimeout ?? 5, idTags: idTags ?? [],
            evMix: evMix)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(arrivalsPerHour, forKey: .arrivalsPerHour)
        if let startTimeOfDay {
            let text = String(format: "%02d:%02d", startTimeOfDay / 3600, startTimeOfDay / 60 % 60)
            try container.encode(text, forKey: .startTime)
        }
        try container.encode(dwellMinutes, forKey: .dwellMinutes)
        try container.encodeIfPresent(idleAfterFullMinutes, forKey: .idleAfterFullMinutes)
        try container.encode(remoteStartShare, forKey: .remoteStartShare)
        try container.encode(startTimeoutMinutes, forKey: .startTimeoutMinutes)
        try container.encode(idTags, forKey: .idTags)
        try container.encodeIfPresent(evMix, forKey: .evMix)
    }

    /// `HH:MM` as seconds after midnight.
    static func secondsAfterMidnight(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// The arrival rate per connector at `hour` (0...23).
    public func rate(atHour hour: Int) -> Double {
        guard !arrivalsPerHour.isEmpty else { return 0 }
        return arrivalsPerHour.count == 1 ? arrivalsPerHour[0] : arrivalsPerHour[((hour % 24) + 24) % 24]
    }

    /// Every problem beyond the types.
    public func validate() -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func path(_ key: CodingKeys) -> ProfilePath { ProfilePath.root.appending(key.rawValue) }
        if arrivalsPerHour.count != 1 && arrivalsPerHour.count != 24 {
            problems.append(
                ProfileProblem(
                    path: path(.arrivalsPerHour),
                    message: "must list 24 rates (one per hour from 00:00) or one for every hour, got "
                        + "\(arrivalsPerHour.count)"))
        }
        for (index, rate) in arrivalsPerHour.enumerated() where !(rate.isFinite && rate >= 0 && rate <= 3600) {
            problems.append(
                ProfileProblem(
                    path: path(.arrivalsPerHour).appending(index: index),
                    message: "must be 0 to 3600 arrivals per hour, got \(ProfileConnector.format(rate))"))
        }
        problems += dwellMinutes.validate(at: path(.dwellMinutes))
        problems += idleAfterFullMinutes?.validate(at: path(.idleAfterFullMinutes)) ?? []
        if !(0...1).contains(remoteStartShare) {
            problems.append(
                ProfileProblem(
                    path: path(.remoteStartShare),
                    message: "must be 0 to 1 (a share), got \(ProfileConnector.format(remoteStartShare))"))
        }
        if !(startTimeoutMinutes > 0 && startTimeoutMinutes <= 1440) {
            problems.append(
                ProfileProblem(
                    path: path(.startTimeoutMinutes),
                    message: "must be more than 0 and at most 1440, got \(ProfileConnector.format(startTimeoutMinutes))"
                ))
        }
        for (index, tag) in idTags.enumerated() where tag.isEmpty || tag.utf8.count > 20 {
            problems.append(
                ProfileProblem(
                    path: path(.idTags).appending(index: index),
                    message: "must be 1 to 20 characters (OCPP 1.6 IdToken), got \(tag.utf8.count)"))
        }
        if let evMix {
            if evMix.isEmpty {
                problems.append(
                    ProfileProblem(path: path(.evMix), message: "must list at least one EV, or leave it out"))
            }
            for (index, entry) in evMix.enumerated() {
                problems += entry.validate(at: path(.evMix).appending(index: index))
            }
        }
        return problems
    }
}

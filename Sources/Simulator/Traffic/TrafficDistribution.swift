import Foundation

/// A distribution of a positive quantity (a dwell time, an idle time), as a traffic file
/// writes it: `{ distribution: lognormal, mean: 90, stddev: 60, min: 10, max: 600 }`. Draws
/// are clamped to `min...max` when given.
public struct TrafficDistribution: Sendable, Equatable, Codable {
    /// The shape.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable, ProfileValue {
        /// Always `mean`.
        case fixed
        /// Uniform between `min` and `max`.
        case uniform
        /// Exponential with mean `mean`.
        case exponential
        /// Normal with `mean` and `stddev`.
        case normal
        /// Log-normal with the given `mean` and `stddev` of the value itself (not of its log).
        case lognormal
    }

    public var kind: Kind
    public var mean: Double
    public var stddev: Double
    public var min: Double?
    public var max: Double?

    public init(kind: Kind, mean: Double, stddev: Double = 0, min: Double? = nil, max: Double? = nil) {
        self.kind = kind
        self.mean = mean
        self.stddev = stddev
        self.min = min
        self.max = max
    }

    /// A constant.
    public static func fixed(_ value: Double) -> TrafficDistribution { .init(kind: .fixed, mean: value) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case distribution, mean, stddev, min, max
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let kind: Kind? = try fields.optional(.distribution)
        let mean: Double? = try fields.optional(.mean)
        let stddev: Double? = try fields.optional(.stddev)
        let low: Double? = try fields.optional(.min)
        let high: Double? = try fields.optional(.max)
        guard !fields.failed else { throw ProfileDecodingFailed() }
        let resolved = kind ?? (stddev == nil ? .fixed : .lognormal)
        self.init(
            kind: resolved, mean: mean ?? ((low ?? 0) + (high ?? low ?? 0)) / 2, stddev: stddev ?? 0, min: low,
            max: high)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .distribution)
        try container.encode(mean, forKey: .mean)
        try container.encode(stddev, forKey: .stddev)
        try container.encodeIfPresent(min, forKey: .min)
        try container.encodeIfPresent(max, forKey: .max)
    }

    /// One draw, clamped to `min...max` and to 0 from below.
    public func draw(using random: inout some RandomNumberGenerator) -> Double {
        Swift.max(drawSigned(using: &random), 0)
    }

    /// One draw, clamped to `min...max` only (a clock offset may be negative).
    public func drawSigned(using random: inout some RandomNumberGenerator) -> Double {
        let value: Double
        switch kind {
        case .fixed:
            value = mean
        case .uniform:
            let low = min ?? 0
            let high = Swift.max(max ?? mean * 2, low)
            value = low == high ? low : Double.random(in: low...high, using: &random)
        case .exponential:
            value = -log(1 - Double.random(in: 0..<1, using: &random)) * mean
        case .normal:
            value = mean + stddev * Self.standardNormal(using: &random)
        case .lognormal:
            // The log's parameters that give this mean and standard deviation.
            let variance = log(1 + (stddev * stddev) / (mean * mean))
            let mu = log(mean) - variance / 2
            value = exp(mu + variance.squareRoot() * Self.standardNormal(using: &random))
        }
        var clamped = value
        if let min { clamped = Swift.max(clamped, min) }
        if let max { clamped = Swift.min(clamped, max) }
        return clamped
    }

    /// Box-Muller.
    private static func standardNormal(using random: inout some RandomNumberGenerator) -> Double {
        let u1 = Swift.max(Double.random(in: 0..<1, using: &random), .leastNonzeroMagnitude)
        let u2 = Double.random(in: 0..<1, using: &random)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Every problem; `path` is where it sits in the file.
    func validate(at path: ProfilePath) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func add(_ key: CodingKeys, _ message: String) {
            problems.append(ProfileProblem(path: path.appending(key.rawValue), message: message))
        }
        func text(_ value: Double) -> String { ProfileConnector.format(value) }
        if !mean.isFinite { add(.mean, "must be a number, got \(text(mean))") }
        if !(stddev.isFinite && stddev >= 0) { add(.stddev, "must be 0 or more, got \(text(stddev))") }
        if kind == .lognormal, !(mean > 0) { add(.mean, "a lognormal needs a mean above 0") }
        if kind == .uniform, min == nil || max == nil { add(.distribution, "uniform needs both min and max") }
        if let min, let max, min > max { add(.min, "must not exceed max (\(text(max)))") }
        return problems
    }
}

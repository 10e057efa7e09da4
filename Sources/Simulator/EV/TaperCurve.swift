/// How much of its maximum DC power an EV accepts at a given state of charge: straight lines
/// between breakpoints, e.g. flat to 55 %, then falling to 12 % of the maximum at 100 %.
public struct TaperCurve: Sendable, Equatable {
    /// One breakpoint: at `socPercent` the EV accepts `powerPercent` of its maximum.
    public struct Point: Sendable, Equatable, Codable {
        /// State of charge, 0...100 %.
        public var socPercent: Double
        /// Share of the EV's maximum power accepted at that state of charge, 0...100 %.
        public var powerPercent: Double

        public init(socPercent: Double, powerPercent: Double) {
            self.socPercent = socPercent
            self.powerPercent = powerPercent
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case socPercent, powerPercent
        }

        public init(from decoder: any Decoder) throws {
            var fields = try ProfileFields(decoder, CodingKeys.self)
            let soc: Double? = try fields.required(.socPercent)
            let power: Double? = try fields.required(.powerPercent)
            guard let soc, let power, !fields.failed else { throw ProfileDecodingFailed() }
            self.init(socPercent: soc, powerPercent: power)
        }
    }

    /// The breakpoints, by rising state of charge; the first is at 0 % and the last at 100 %
    /// (`ChargerProfile.validate()` checks this for curves read from a profile).
    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }

    /// A typical 400 V-platform curve: full power to 55 %, 45 % at 80 %, 12 % at 100 %.
    public static let typical = TaperCurve(points: [
        Point(socPercent: 0, powerPercent: 100),
        Point(socPercent: 55, powerPercent: 100),
        Point(socPercent: 80, powerPercent: 45),
        Point(socPercent: 100, powerPercent: 12),
    ])

    /// No taper: full power at every state of charge.
    public static let flat = TaperCurve(points: [
        Point(socPercent: 0, powerPercent: 100),
        Point(socPercent: 100, powerPercent: 100),
    ])

    /// The accepted share (0...1) at `socPercent`, interpolated; outside the points it is the
    /// nearest end's value.
    public func fraction(atSoC socPercent: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 1 }
        if socPercent <= first.socPercent { return first.powerPercent / 100 }
        if socPercent >= last.socPercent { return last.powerPercent / 100 }
        for (lower, upper) in zip(points, points.dropFirst()) where socPercent <= upper.socPercent {
            let span = upper.socPercent - lower.socPercent
            guard span > 0 else { return upper.powerPercent / 100 }
            let t = (socPercent - lower.socPercent) / span
            return (lower.powerPercent + (upper.powerPercent - lower.powerPercent) * t) / 100
        }
        return last.powerPercent / 100
    }

    /// The state-of-charge breakpoints strictly above `socPercent`, in order.
    func breakpoints(above socPercent: Double) -> [Double] {
        points.map(\.socPercent).filter { $0 > socPercent }
    }
}

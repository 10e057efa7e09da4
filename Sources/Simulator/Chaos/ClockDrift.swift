import OCPP16

/// A charger clock that is off: `offset` ahead of the wall clock (negative: behind) at
/// `origin`, and running `ppm` parts per million fast (negative: slow) from then on. The
/// charger's timestamps and timers follow it (chaos `clockOffsetSeconds`, `clockDriftPPM`).
public struct ClockDrift: Sendable, Equatable {
    public var offset: Duration
    public var ppm: Double
    public var origin: OCPPTimestamp

    public init(offset: Duration, ppm: Double, origin: OCPPTimestamp) {
        self.offset = offset
        self.ppm = ppm
        self.origin = origin
    }

    /// The charger's reading when the wall clock reads `wall`.
    public func reading(at wall: OCPPTimestamp) -> OCPPTimestamp {
        let elapsed = Double(wall.millisecondsSince1970 - origin.millisecondsSince1970)
        let offsetMilliseconds = TrafficGenerator.seconds(offset) * 1000
        let skew = (offsetMilliseconds + elapsed * ppm / 1_000_000).rounded()
        return OCPPTimestamp(millisecondsSince1970: wall.millisecondsSince1970 + Int64(max(min(skew, 1e12), -1e12)))
    }
}

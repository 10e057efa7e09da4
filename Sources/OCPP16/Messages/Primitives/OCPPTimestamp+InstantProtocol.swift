/// A wall-clock instant with millisecond resolution is also the simulator's notion of "now":
/// every sans-I/O machine above this module takes `now: OCPPTimestamp`, so the same value
/// drives timers, expiry checks and the timestamps that go on the wire (and a test or a
/// `--time-scale` run can substitute any clock).
extension OCPPTimestamp: InstantProtocol {
    public typealias Duration = Swift.Duration

    /// Moves by `duration`, truncated to whole milliseconds.
    public func advanced(by duration: Swift.Duration) -> OCPPTimestamp {
        OCPPTimestamp(millisecondsSince1970: millisecondsSince1970 + duration.wholeMilliseconds)
    }

    /// `lhs` moved by `rhs`.
    public static func + (lhs: OCPPTimestamp, rhs: Swift.Duration) -> OCPPTimestamp {
        lhs.advanced(by: rhs)
    }

    /// `lhs` moved back by `rhs`.
    public static func - (lhs: OCPPTimestamp, rhs: Swift.Duration) -> OCPPTimestamp {
        lhs.advanced(by: .zero - rhs)
    }

    /// The duration from `self` to `other`.
    public func duration(to other: OCPPTimestamp) -> Swift.Duration {
        .milliseconds(other.millisecondsSince1970 - millisecondsSince1970)
    }
}

extension Swift.Duration {
    /// The duration in whole milliseconds, rounded toward zero.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

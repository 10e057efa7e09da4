import NIOCore

/// A clock that moves only when a test says so; cores take its `now` as their injected time.
public struct ManualClock: Sendable {
    /// The current instant.
    public private(set) var now: NIODeadline

    public init(start: NIODeadline = .uptimeNanoseconds(1_000_000_000)) {
        now = start
    }

    /// Moves time forward by `amount` and returns the new instant.
    @discardableResult
    public mutating func advance(by amount: TimeAmount) -> NIODeadline {
        now = now + amount
        return now
    }
}

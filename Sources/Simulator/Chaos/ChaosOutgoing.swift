/// What ``ChaosInjector/outgoing(_:now:)`` does with a frame the charger writes.
public enum ChaosOutgoing: Sendable, Equatable {
    /// Write it (possibly changed) now.
    case write([UInt8])
    /// Nothing now: it is held (a slow answer, a stalled socket) or dropped (a missing answer).
    case withheld
}

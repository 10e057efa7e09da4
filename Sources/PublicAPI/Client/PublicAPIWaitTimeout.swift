/// A wait for a state in the back end ended at its deadline: says what was awaited and what
/// was seen last, so a failing test reads like a diagnosis.
public struct PublicAPIWaitTimeout: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was awaited, e.g. `EVSE 1 of charge point 3 to be charging`.
    public var awaited: String
    /// The last observation, e.g. `hardwareStatus preparing` or `no session yet`.
    public var lastSeen: String
    /// The deadline that passed.
    public var timeout: Duration

    /// A timeout report.
    public init(awaited: String, lastSeen: String, timeout: Duration) {
        self.awaited = awaited
        self.lastSeen = lastSeen
        self.timeout = timeout
    }

    public var description: String {
        "timed out after \(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18) s "
            + "waiting for \(awaited); last seen: \(lastSeen)"
    }
}

/// How many chargers of a fleet are in each state, summed over the event loops.
public struct FleetCounts: Sendable, Equatable, CustomStringConvertible {
    /// All chargers.
    public var total: Int
    /// With an open WebSocket connection.
    public var connected: Int
    /// Accepted by the central system since their last boot (OCPP 1.6 §4.2).
    public var booted: Int
    /// With at least one connector Charging.
    public var charging: Int
    /// With at least one connector (or the charge point) Faulted.
    public var faulted: Int

    public init(total: Int = 0, connected: Int = 0, booted: Int = 0, charging: Int = 0, faulted: Int = 0) {
        self.total = total
        self.connected = connected
        self.booted = booted
        self.charging = charging
        self.faulted = faulted
    }

    /// `connected 120/500 booted 118 charging 0 faulted 0`.
    public var description: String {
        "connected \(connected)/\(total) booted \(booted) charging \(charging) faulted \(faulted)"
    }

    static func + (lhs: FleetCounts, rhs: FleetCounts) -> FleetCounts {
        FleetCounts(
            total: lhs.total + rhs.total, connected: lhs.connected + rhs.connected, booted: lhs.booted + rhs.booted,
            charging: lhs.charging + rhs.charging, faulted: lhs.faulted + rhs.faulted)
    }
}

import OCPP16

/// What the chargers of a fleet sent and how fast the central system answered, summed over the
/// event loops: counters and round-trip histograms (CALL written → CALLRESULT or CALLERROR
/// read; OCPP-J allows one CALL in flight per charger, so each answer closes the one open call).
public struct FleetTraffic: Sendable, Equatable {
    /// CALLs the chargers wrote.
    public var callsSent: UInt64 = 0
    /// Of them, MeterValues.
    public var meterValuesSent: UInt64 = 0
    /// Round trips of every CALL.
    public var roundTrip = RoundTripHistogram()
    /// Round trips of MeterValues only.
    public var meterValuesRoundTrip = RoundTripHistogram()
    /// WebSocket connections that opened (first connects and reconnects).
    public var connectionsOpened: UInt64 = 0
    /// Open connections that closed without the charger asking: dropped by the central system or
    /// the network, or a missing pong (a steady state should keep this at zero).
    public var connectionsLost: UInt64 = 0
    /// Charger timers that fired (MeterValues, heartbeats, pings, reconnects: the load the
    /// ``TimerSlack`` judges).
    public var timersFired: UInt64 = 0
    /// Runs of the loops' timer queues, those that found only stale entries included (far fewer
    /// than the timers when coalesced).
    public var timerWakeUps: UInt64 = 0
    /// Event loops using their busy timer slack now.
    public var loopsCoalescing = 0
    /// Times a loop switched between its quiet and its busy timer slack.
    public var timerSlackSwitches: UInt64 = 0

    public init() {}

    static func + (lhs: FleetTraffic, rhs: FleetTraffic) -> FleetTraffic {
        var sum = lhs
        sum.callsSent += rhs.callsSent
        sum.meterValuesSent += rhs.meterValuesSent
        sum.roundTrip = lhs.roundTrip + rhs.roundTrip
        sum.meterValuesRoundTrip = lhs.meterValuesRoundTrip + rhs.meterValuesRoundTrip
        sum.connectionsOpened += rhs.connectionsOpened
        sum.connectionsLost += rhs.connectionsLost
        sum.timersFired += rhs.timersFired
        sum.timerWakeUps += rhs.timerWakeUps
        sum.loopsCoalescing += rhs.loopsCoalescing
        sum.timerSlackSwitches += rhs.timerSlackSwitches
        return sum
    }
}

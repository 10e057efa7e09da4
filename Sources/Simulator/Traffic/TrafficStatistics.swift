/// What a ``TrafficGenerator`` has done so far.
public struct TrafficStatistics: Sendable, Equatable {
    /// Drivers who plugged in.
    public var arrivals = 0
    /// Drivers who found their connector busy (or out of order) and drove on.
    public var missed = 0
    /// Arrivals that started with an RFID card.
    public var rfidStarts = 0
    /// Arrivals that waited for a remote start.
    public var remoteStarts = 0
    /// Drivers who left (their EV unplugged).
    public var departures = 0
    /// Drivers who left because their session never started (see `startTimeoutMinutes`).
    public var gaveUp = 0

    public init() {}
}

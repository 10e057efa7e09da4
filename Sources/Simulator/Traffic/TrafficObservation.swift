import OCPP16

/// What ``TrafficGenerator`` needs to know of one connector (``ChargePoint/trafficObservations``).
public struct TrafficObservation: Sendable, Equatable {
    /// Free for a new driver: usable, nothing plugged, no session.
    public var isFree: Bool
    /// An EV is plugged in.
    public var isPlugged: Bool
    /// A transaction runs.
    public var hasTransaction: Bool
    /// Since when the EV has been full (it takes no more energy), if it is.
    public var evFullSince: OCPPTimestamp?

    public init(isFree: Bool, isPlugged: Bool, hasTransaction: Bool, evFullSince: OCPPTimestamp? = nil) {
        self.isFree = isFree
        self.isPlugged = isPlugged
        self.hasTransaction = hasTransaction
        self.evFullSince = evFullSince
    }
}

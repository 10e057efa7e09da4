import OCPP16

/// Watches chargers: the control API's event stream, trace files and metrics. A
/// ``ChargerRuntime`` without one (the default) pays one nil check per frame.
///
/// Every call comes on the charger's event loop, in order; keep it short (no blocking I/O
/// beyond an append to a trace file).
public protocol ChargerObserver: AnyObject, Sendable {
    /// Something happened on `charger` at `at`.
    func charger(_ charger: ChargerRuntime, did event: ChargerEvent, at: OCPPTimestamp)
}

/// What a ``ChargerRuntime`` tells its ``ChargerObserver``.
public enum ChargerEvent: Sendable, Equatable {
    /// One OCPP-J frame went out or came in.
    case frame(OCPPMessageLog.Direction, text: String)
    /// The connection changed state.
    case link(ChargerLinkState)
    /// A connector's status (or its error code) changed; all connectors as they are now.
    case connectors([ConnectorOverview])
}

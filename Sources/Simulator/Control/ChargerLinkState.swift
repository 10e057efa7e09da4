/// Where a charger's connection to the central system stands, as the control API shows it.
public enum ChargerLinkState: String, Sendable, Equatable, Codable, CaseIterable {
    /// Not powered on yet (the fleet's ramp) or between attempts.
    case disconnected
    /// Opening the WebSocket.
    case connecting
    /// The WebSocket is open.
    case connected
    /// Taken off the network through the control API; stays off until put online.
    case offline
    /// Stopped for good (removed or the fleet stopped).
    case stopped
}

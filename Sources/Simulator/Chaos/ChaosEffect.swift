import OCPP16

/// An imperative from ``ChaosInjector`` for the shell around the charger.
public enum ChaosEffect: Sendable, Equatable {
    /// Set a fault on the connector.
    case setFault(connectorId: Int, errorCode: ChargePointErrorCode, vendorErrorCode: String?)
    /// Clear the fault the injector set (unless it was changed since).
    case clearFault(connectorId: Int, errorCode: ChargePointErrorCode)
    /// The EV pauses (true) or resumes (false).
    case suspendEV(connectorId: Int, Bool)
    /// Close the TCP connection without a close handshake; reconnect after the delay.
    case dropConnection(reconnectAfter: Duration)
    /// Stop reading from the socket (outgoing frames are held by the injector meanwhile).
    case stopReading
    /// Reboot the charger.
    case reboot
    /// Write this text frame.
    case write([UInt8])
}

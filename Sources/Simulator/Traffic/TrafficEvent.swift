/// What a driver does, as ``TrafficGenerator`` decides it; the shell applies it to the
/// ``ChargePoint`` with ``ChargePoint/apply(_:now:)``.
public enum TrafficEvent: Sendable, Equatable {
    /// How a driver starts the session.
    public enum Start: Sendable, Equatable {
        /// Presents this RFID card after plugging in.
        case rfid(idTag: String)
        /// Waits for the central system's RemoteStartTransaction (an app start).
        case remote
    }

    /// A driver plugs `ev` into `connectorId` and starts as `start` says.
    case arrive(connectorId: Int, ev: EVModel, start: Start)
    /// The driver comes back: presents `idTag` to stop a running transaction (nil: no card,
    /// the unplug stops it), then unplugs.
    case leave(connectorId: Int, idTag: String?)
}

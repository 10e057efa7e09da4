import OCPP16

/// The legal connector status changes of OCPP 1.6 §4.9 (the table of StatusNotification
/// transitions A–I). Connector 0 only knows Available, Unavailable and Faulted.
public enum ConnectorStatusTransition {
    /// Whether a connector may go from `old` to `new` (a status to itself is no change and legal).
    public static func isLegal(from old: ChargePointStatus, to new: ChargePointStatus) -> Bool {
        if old == new { return true }
        switch old {
        case .available:
            return new != .finishing
        case .preparing:
            return [.available, .charging, .suspendedEV, .suspendedEVSE, .finishing, .faulted].contains(new)
        case .charging:
            return [.available, .suspendedEV, .suspendedEVSE, .finishing, .unavailable, .faulted].contains(new)
        case .suspendedEV:
            return [.available, .charging, .suspendedEVSE, .finishing, .unavailable, .faulted].contains(new)
        case .suspendedEVSE:
            return [.available, .charging, .suspendedEV, .finishing, .unavailable, .faulted].contains(new)
        case .finishing:
            return [.available, .preparing, .unavailable, .faulted].contains(new)
        case .reserved:
            return [.available, .preparing, .unavailable, .faulted].contains(new)
        case .unavailable:
            return [.available, .preparing, .charging, .suspendedEV, .suspendedEVSE, .faulted].contains(new)
        case .faulted:
            return true
        }
    }
}

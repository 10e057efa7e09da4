/// How a receiver stands towards the action of an inbound CALL (OCPP-J 1.6 table 7).
public enum ActionSupport: Sendable, Equatable {
    /// A handler is registered: decode the payload and run it.
    case handled
    /// An OCPP 1.6 action this side does not handle (including one only the other side receives,
    /// e.g. a central system getting RemoteStartTransaction): answer `NotSupported`.
    case notSupported
    /// Not an OCPP 1.6 action at all (or a misspelt one; action names are case-sensitive):
    /// answer `NotImplemented`.
    case notImplemented

    /// Classifies `action` against the actions this side handles and the actions OCPP 1.6 knows.
    public init(action: String, handled: Set<String>, known: Set<String> = OCPPActionNames.all) {
        if handled.contains(action) {
            self = .handled
        } else if known.contains(action) {
            self = .notSupported
        } else {
            self = .notImplemented
        }
    }

    /// The CALLERROR that answers an action this side cannot run; nil for ``handled``.
    public func callError(for action: String) -> CallError? {
        switch self {
        case .handled: nil
        case .notSupported: CallError(.notSupported, "Requested Action \(action) is not supported by this receiver")
        case .notImplemented: CallError(.notImplemented, "Requested Action \(action) is not known by this receiver")
        }
    }
}

/// Why bytes received on an OCPP-J connection are not a CALL, CALLRESULT or CALLERROR.
///
/// The code in ``malformed(code:reason:messageType:messageId:)`` follows OCPP-J 1.6 table 7:
/// - `FormationViolation` ("syntactically incorrect or not conform the PDU structure"): the bytes
///   are not JSON, not an array, an element has the wrong JSON type (a numeric message id, an array
///   as payload), the array has too many elements, bytes follow the closing bracket, or the
///   message id is longer than 36 characters (section 4.1.4, and 4.2.3 lists "unique identifier too
///   long" as a CALLERROR case).
/// - `ProtocolError` ("Payload for Action is incomplete"): a well-formed JSON array with too few
///   elements (`[2,"id","Heartbeat"]`).
public enum RPCFrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A MessageTypeNumber other than 2, 3 or 4. Section 4.1.3: the receiver "SHALL ignore the
    /// message payload", so this is logged and never answered (answering would also start an
    /// error ping-pong with a peer speaking a later OCPP-J that added message types).
    case unknownMessageType(Int)
    /// Not a well-formed frame. `messageType` and `messageId` are set when they could be read
    /// before the fault, so a CALLERROR can answer the right id.
    case malformed(code: CallErrorCode, reason: String, messageType: RPCMessageType?, messageId: String?)

    public var description: String {
        switch self {
        case .unknownMessageType(let number):
            "unknown MessageTypeNumber \(number)"
        case .malformed(let code, let reason, _, _):
            "\(code.wire): \(reason)"
        }
    }
}

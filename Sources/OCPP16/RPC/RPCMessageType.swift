/// The MessageTypeNumber, the first element of every OCPP-J frame (OCPP-J 1.6 section 4.1.3, table 2).
public enum RPCMessageType: Int, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// A request: `[2, "<id>", "<Action>", {<payload>}]`.
    case call = 2
    /// A successful response: `[3, "<id>", {<payload>}]`.
    case callResult = 3
    /// An error response: `[4, "<id>", "<errorCode>", "<errorDescription>", {<errorDetails>}]`.
    case callError = 4

    /// How many elements a well-formed frame of this type has (sections 4.2.1 to 4.2.3).
    public var elementCount: Int {
        switch self {
        case .call: 4
        case .callResult: 3
        case .callError: 5
        }
    }

    public var description: String {
        switch self {
        case .call: "CALL"
        case .callResult: "CALLRESULT"
        case .callError: "CALLERROR"
        }
    }
}

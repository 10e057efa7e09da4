/// The `errorCode` of a CALLERROR (OCPP-J 1.6 section 4.2.3, table 7 "Valid Error Codes").
///
/// Codes we send are always one of the ten named cases; a code a peer sends that is not in the
/// table is kept verbatim in ``unknown(_:)`` so it can be logged and shown, never dropped.
public enum CallErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// Requested Action is not known by receiver.
    case notImplemented
    /// Requested Action is recognized but not supported by the receiver.
    case notSupported
    /// An internal error occurred and the receiver was not able to process the requested Action.
    case internalError
    /// Payload for Action is incomplete.
    case protocolError
    /// During the processing of Action a security issue occurred.
    case securityError
    /// Payload for Action is syntactically incorrect or not conform the PDU structure for Action.
    case formationViolation
    /// Payload is syntactically correct but at least one field contains an invalid value.
    case propertyConstraintViolation
    /// Payload is syntactically correct but at least one field violates occurrence constraints.
    /// Sent with the 1.6 spelling `OccurenceConstraintViolation`; the corrected spelling
    /// `OccurrenceConstraintViolation` (used by OCPP 2.x and some 1.6 peers) is accepted too.
    case occurenceConstraintViolation
    /// Payload is syntactically correct but at least one field violates data type constraints.
    case typeConstraintViolation
    /// Any other error not covered by the previous ones.
    case genericError
    /// A code outside table 7, as the peer sent it.
    case unknown(String)

    /// Reads a wire code; anything outside table 7 becomes ``unknown(_:)``.
    public init(wire: String) {
        switch wire {
        case "NotImplemented": self = .notImplemented
        case "NotSupported": self = .notSupported
        case "InternalError": self = .internalError
        case "ProtocolError": self = .protocolError
        case "SecurityError": self = .securityError
        case "FormationViolation": self = .formationViolation
        case "PropertyConstraintViolation": self = .propertyConstraintViolation
        case "OccurenceConstraintViolation", "OccurrenceConstraintViolation": self = .occurenceConstraintViolation
        case "TypeConstraintViolation": self = .typeConstraintViolation
        case "GenericError": self = .genericError
        default: self = .unknown(wire)
        }
    }

    /// The string on the wire (the 1.6 spelling for ``occurenceConstraintViolation``).
    public var wire: String {
        switch self {
        case .notImplemented: "NotImplemented"
        case .notSupported: "NotSupported"
        case .internalError: "InternalError"
        case .protocolError: "ProtocolError"
        case .securityError: "SecurityError"
        case .formationViolation: "FormationViolation"
        case .propertyConstraintViolation: "PropertyConstraintViolation"
        case .occurenceConstraintViolation: "OccurenceConstraintViolation"
        case .typeConstraintViolation: "TypeConstraintViolation"
        case .genericError: "GenericError"
        case .unknown(let raw): raw
        }
    }

    public var description: String { wire }
}

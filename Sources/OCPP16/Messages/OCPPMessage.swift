/// A payload of an OCPP 1.6J CALL or CALLRESULT: a Codable type whose JSON form is exactly the
/// official schema in `shared/ocpp16/schemas/` (field names, optionality, enum values, lengths).
///
/// Decoding a payload throws either a `DecodingError` (wrong JSON type, missing field, bad enum
/// value) or an ``OCPPPayloadViolation`` (a value the schema forbids, such as a too long
/// CiString); the RPC layer maps both to the CALLERROR code of OCPP-J 1.6 section 4.2.3.
public protocol OCPPPayload: Codable, Sendable, Equatable {}

/// A CALL payload, tied to its action name and to the payload of its CALLRESULT.
public protocol OCPPRequest: OCPPPayload {
    /// The confirmation type the receiver answers with.
    associatedtype Response: OCPPPayload
    /// The action name on the wire, e.g. `"BootNotification"`.
    static var action: String { get }
    /// Which side sends this CALL; the other side answers it.
    static var initiator: OCPPInitiator { get }
}

/// The side of an OCPP 1.6J connection that sends a given CALL.
public enum OCPPInitiator: String, Sendable, Equatable, CaseIterable {
    /// The charge point (e.g. BootNotification, MeterValues).
    case chargePoint
    /// The central system (e.g. RemoteStartTransaction, SetChargingProfile).
    case centralSystem
}

/// A value that decodes as JSON of the right type but breaks a schema constraint
/// (string too long, number out of range, date-time not parseable).
public struct OCPPPayloadViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The coding path of the offending field, e.g. `"idTagInfo.parentIdTag"`.
    public var field: String
    /// What is wrong, for the CALLERROR description.
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

import Foundation

/// The content of a CALLERROR: `[4, "<id>", "<errorCode>", "<errorDescription>", {<errorDetails>}]`
/// (OCPP-J 1.6 section 4.2.3). Thrown by payload decoding and by action handlers, carried by a
/// failed outgoing call, and written back by the endpoint.
public struct CallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The longest description we send. 1.6 sets no limit; OCPP 2.0.1 makes it `string[255]` and
    /// back ends commonly store it in a column of that size, so longer texts are cut.
    public static let maximumDescriptionLength = 255

    /// The table 7 code.
    public var code: CallErrorCode
    /// A human-readable reason; for payload errors it starts with the field path, e.g.
    /// `"idTagInfo.status: ..."`.
    public var errorDescription: String
    /// The `errorDetails` object; `{}` when there are none.
    public var details: RawJSON

    public init(_ code: CallErrorCode, _ errorDescription: String, details: RawJSON = .emptyObject) {
        self.code = code
        self.errorDescription = errorDescription
        self.details = details
    }

    public var description: String { "\(code.wire): \(errorDescription)" }
}

extension CallError {
    /// The one mapping from a payload decoding failure to the CALLERROR code of OCPP-J 1.6 table 7,
    /// naming the offending field (`meterValue[0].sampledValue[1].value: ...`).
    ///
    /// - `DecodingError.keyNotFound` (a required field is absent) → `OccurenceConstraintViolation`.
    /// - `DecodingError.typeMismatch` (`"connectorId": "1"`) → `TypeConstraintViolation`.
    /// - `DecodingError.valueNotFound` (`null` for a required field) → `TypeConstraintViolation`:
    ///   the field is present, so its occurrence is fine; `null` is a value of the wrong JSON type,
    ///   which is also how a draft-04 schema validator reports it (keyword `type`).
    /// - `DecodingError.dataCorrupted` at a field (an enum value outside the list, a number that
    ///   does not fit the field's integer type, an unreadable timestamp) → `PropertyConstraintViolation`;
    ///   at the root (the bytes are not JSON) → `FormationViolation`. (``RawJSON/decode(_:)`` knows
    ///   the bytes and turns a root fault in valid JSON, Foundation's report of a number that does
    ///   not fit its field, into `PropertyConstraintViolation`.)
    /// - ``OCPPPayloadViolation`` (too long CiString, value out of range) → `PropertyConstraintViolation`.
    /// - A ``CallError`` passes through unchanged; anything else → `GenericError`.
    ///
    /// Unknown properties are accepted and ignored, although every 1.6 schema says
    /// `"additionalProperties": false`: back ends and chargers in the field add vendor fields, and
    /// rejecting a whole StopTransaction over one extra key loses more than it protects.
    public init(decodingFailure error: any Error) {
        switch error {
        case let callError as CallError:
            self = callError
        case let violation as OCPPPayloadViolation:
            self.init(.propertyConstraintViolation, violation.description)
        case let decodingError as DecodingError:
            self.init(decodingError: decodingError)
        default:
            self.init(.genericError, "payload could not be decoded: \(error)")
        }
    }

    private init(decodingError: DecodingError) {
        switch decodingError {
        case .keyNotFound(let key, let context):
            let path = Self.path(context.codingPath + [key])
            self.init(.occurenceConstraintViolation, "\(path): required field is missing")
        case .typeMismatch(let type, let context):
            let path = Self.path(context.codingPath)
            self.init(.typeConstraintViolation, "\(path): expected \(Self.jsonTypeName(type))")
        case .valueNotFound(let type, let context):
            let path = Self.path(context.codingPath)
            self.init(.typeConstraintViolation, "\(path): null where \(Self.jsonTypeName(type)) is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Payloads are objects, so a fault at the root is the JSON text itself.
                self.init(.formationViolation, "payload is not valid JSON")
            } else {
                let path = Self.path(context.codingPath)
                self.init(.propertyConstraintViolation, "\(path): \(context.debugDescription)")
            }
        @unknown default:
            self.init(.genericError, "payload could not be decoded: \(decodingError)")
        }
    }

    /// `idTagInfo.status`, `meterValue[0].sampledValue[2]`; `(payload)` for the root.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += key.stringValue
            }
        }
        return result.isEmpty ? "(payload)" : result
    }

    /// The JSON name of the type a Swift type decodes from, for descriptions a peer can act on.
    private static func jsonTypeName(_ type: Any.Type) -> String {
        if String(describing: type).hasPrefix("Dictionary") { return "an object" }
        return switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is any BinaryInteger.Type: "an integer"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: "a number"
        case is any Collection.Type: "an array"
        default: "an object"
        }
    }
}

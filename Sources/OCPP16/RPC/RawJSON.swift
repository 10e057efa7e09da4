import Foundation

/// The exact bytes of one JSON value inside an RPC frame (a CALL or CALLRESULT payload, or
/// CALLERROR details), kept undecoded so the typed decode runs once, on just these bytes
/// (OCPP-J 1.6 section 4.2).
///
/// Parsing a frame guarantees the bytes are one syntactically valid JSON object.
public struct RawJSON: Sendable, Equatable, CustomStringConvertible {
    /// The JSON text, UTF-8.
    public let bytes: Data

    /// Wraps bytes the caller vouches for; the frame parser and ``init(encoding:)`` are the usual sources.
    public init(_ bytes: Data) {
        self.bytes = bytes
    }

    /// Wraps JSON text, e.g. `RawJSON("{\"status\":\"Accepted\"}")`.
    public init(_ text: String) {
        self.bytes = Data(text.utf8)
    }

    /// `{}`: the payload of a request or response with no fields, and the empty CALLERROR details
    /// (OCPP-J 1.6 section 4.2.3: "If there are no error details you MUST fill in an empty object").
    public static let emptyObject = RawJSON(Data("{}".utf8))

    /// Encodes `value` as JSON (slashes unescaped).
    public init(encoding value: some Encodable) throws {
        // The messages every charger sends all the time write themselves (same bytes).
        if let direct = value as? any DirectJSONEncodable {
            var writer = CompactJSONWriter()
            if direct.write(to: &writer) {
                self.bytes = Data(writer.bytes)
                return
            }
        }
        self.bytes = try JSONEncoder.ocpp.encode(value)
    }

    /// Decodes the payload as `T`. Failures surface as the CALLERROR the spec asks for
    /// (see ``CallError/init(decodingFailure:)``), with the offending field named.
    public func decode<T: Decodable>(_ type: T.Type) throws(CallError) -> T {
        do {
            return try JSONDecoder.ocpp.decode(T.self, from: bytes)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty && isValidJSON {
            // Foundation reports a number that does not fit the field's type (99999999999 for an
            // Int32, 1.5 for an Int) as "not valid JSON" at the root, without the field. The bytes
            // are valid JSON, so it is a value fault, but the field cannot be named.
            throw CallError(
                .propertyConstraintViolation,
                "a number does not fit the type of its field (out of range, or a fraction where an integer is required)"
            )
        } catch {
            throw CallError(decodingFailure: error)
        }
    }

    /// Whether the bytes are exactly one JSON value (with optional surrounding whitespace).
    var isValidJSON: Bool {
        bytes.withUnsafeBytes { buffer in
            var scanner = JSONScanner(buffer)
            guard (try? scanner.skipValue()) != nil else { return false }
            scanner.skipWhitespace()
            return scanner.isAtEnd
        }
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}

extension JSONEncoder {
    /// One shared encoder: creating a JSONEncoder per message costs more than the encode itself.
    /// `JSONEncoder` is Sendable in Foundation and its configuration is never mutated after this.
    /// Keys are sorted so the same payload always gives the same bytes (traces, tests, diffs).
    fileprivate static let ocpp: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
}

extension JSONDecoder {
    /// One shared decoder, configured once (see `JSONEncoder.ocpp`).
    fileprivate static let ocpp = JSONDecoder()
}

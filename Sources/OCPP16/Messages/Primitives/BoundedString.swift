/// A string with a schema `maxLength`, checked when built and when decoded; on the wire it is a
/// plain JSON string. Use the aliases (``CiString20``, ``CiString255``, ...).
///
/// The length counts Unicode scalars, as JSON Schema `maxLength` does. Equality is exact: the
/// case-insensitive comparison OCPP 1.6 section 7 asks for is the receiver's business (compare
/// ``value`` with `caseInsensitiveCompare` or lowercase both sides).
public struct BoundedString<Limit: StringLengthLimit>: Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The string itself, never longer than `Limit.maxLength` scalars.
    public let value: String

    /// Wraps `value`, or throws a violation naming `field` when it is too long.
    public init(_ value: String, field: String = "value") throws(OCPPPayloadViolation) {
        guard Self.fits(value) else {
            throw OCPPPayloadViolation(field: field, reason: Self.tooLongReason)
        }
        self.value = value
    }

    /// Wraps `value`, cutting it to `Limit.maxLength` scalars when it is longer.
    public init(truncating value: String) {
        if Self.fits(value) {
            self.value = value
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: value.unicodeScalars.prefix(Limit.maxLength))
            self.value = String(scalars)
        }
    }

    /// A literal in code; a too long literal is a programming error.
    public init(stringLiteral value: String) {
        precondition(Self.fits(value), "string literal \(Self.tooLongReason): \(value)")
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard Self.fits(string) else {
            throw OCPPPayloadViolation(field: OCPPFieldPath.render(decoder.codingPath), reason: Self.tooLongReason)
        }
        value = string
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    /// The violation reason for a too long value, e.g. `"longer than 20 characters"`.
    public static var tooLongReason: String { "longer than \(Limit.maxLength) characters" }

    private static func fits(_ string: String) -> Bool {
        // A scalar takes at least one UTF-8 byte, so a short byte count settles it without a scan.
        string.utf8.count <= Limit.maxLength || string.unicodeScalars.count <= Limit.maxLength
    }
}

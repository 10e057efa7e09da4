/// A decimal number with one fractional digit: the schemas' `"type": "number", "multipleOf": 0.1`
/// (charging limits and minimum charging rates, OCPP 1.6 section 7, ChargingSchedulePeriod).
///
/// Stored as a whole number of tenths, so a value always encodes as an exact multiple of 0.1.
public struct DecimalTenths: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    /// The value times ten.
    public let tenths: Int

    /// The value `tenths / 10`.
    public init(tenths: Int) {
        self.tenths = tenths
    }

    /// `value`, which must be a multiple of 0.1 (within floating-point noise).
    public init(_ value: Double, field: String = "value") throws(OCPPPayloadViolation) {
        guard let tenths = Self.exactTenths(value) else {
            throw OCPPPayloadViolation(field: field, reason: Self.violationReason)
        }
        self.tenths = tenths
    }

    /// `value` rounded to the nearest tenth (halves away from zero); non-finite values become 0.
    public init(rounding value: Double) {
        let scaled = (value * 10).rounded()
        tenths = scaled.isFinite && abs(scaled) < 1e15 ? Int(scaled) : 0
    }

    public init(integerLiteral value: Int) {
        tenths = value * 10
    }

    /// A literal in code; a literal with a finer fraction is a programming error.
    public init(floatLiteral value: Double) {
        guard let tenths = Self.exactTenths(value) else {
            preconditionFailure("\(value) is not a multiple of 0.1")
        }
        self.tenths = tenths
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Double.self)
        guard let tenths = Self.exactTenths(number) else {
            throw OCPPPayloadViolation(field: OCPPFieldPath.render(decoder.codingPath), reason: Self.violationReason)
        }
        self.tenths = tenths
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The number as a `Double`.
    public var value: Double { Double(tenths) / 10 }

    public var description: String { "\(value)" }

    public static func < (lhs: DecimalTenths, rhs: DecimalTenths) -> Bool { lhs.tenths < rhs.tenths }

    /// The violation reason of a number that is not a multiple of 0.1.
    public static let violationReason = "not a multiple of 0.1"

    private static func exactTenths(_ value: Double) -> Int? {
        let scaled = value * 10
        let rounded = scaled.rounded()
        // 16.1 * 10 is 161.00000000000003: accept binary noise, reject a real second decimal.
        guard rounded.isFinite, abs(rounded) < 1e15, abs(scaled - rounded) <= 1e-6 * max(1, abs(rounded)) else {
            return nil
        }
        return Int(rounded)
    }
}

import Foundation

/// An OCPP `dateTime` (OCPP-J 1.6 section 3.1.4 via RFC 3339) with millisecond precision.
///
/// Encodes as UTC with exactly three fractional digits and `Z` (`"2026-11-25T14:03:07.120Z"`)
/// whatever date strategy the encoder has. Decodes any RFC 3339 `date-time`: any offset
/// (`Z`, `+02:00`, `-05:30`), with or without a fraction of any length (digits past the
/// millisecond are dropped). Anything else throws ``OCPPPayloadViolation``.
public struct OCPPTimestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// `date`, cut down to the millisecond (towards the past).
    public init(_ date: Date) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        millisecondsSince1970 = Int64(exactly: milliseconds) ?? 0
    }

    /// Parses an RFC 3339 `date-time`; `nil` when `string` is not one.
    public init?(rfc3339 string: String) {
        guard let milliseconds = RFC3339.parse(string) else { return nil }
        millisecondsSince1970 = milliseconds
    }

    /// Parses an RFC 3339 `date-time` given as UTF-8 bytes (readers that hold bytes, not a String).
    package init?(rfc3339UTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let milliseconds = RFC3339.parse(bytes: bytes) else { return nil }
        millisecondsSince1970 = milliseconds
    }

    /// The instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    /// The wire form, `"YYYY-MM-DDThh:mm:ss.sssZ"`; `nil` outside the years 0000...9999.
    public var rfc3339: String? { RFC3339.format(millisecondsSince1970) }

    /// Appends the ``rfc3339`` text as UTF-8 without building a String (the JSON writer of the
    /// hot-path messages); false, nothing appended, when ``rfc3339`` is nil.
    package func appendRFC3339(to bytes: inout [UInt8]) -> Bool {
        RFC3339.append(millisecondsSince1970, to: &bytes)
    }

    public var description: String { rfc3339 ?? "\(millisecondsSince1970) ms since 1970" }

    public static func < (lhs: OCPPTimestamp, rhs: OCPPTimestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// The violation reason of an unparseable date-time.
    public static let violationReason = "not an RFC 3339 date-time"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let milliseconds = RFC3339.parse(string) else {
            throw OCPPPayloadViolation(field: OCPPFieldPath.render(decoder.codingPath), reason: Self.violationReason)
        }
        millisecondsSince1970 = milliseconds
    }

    public func encode(to encoder: any Encoder) throws {
        guard let string = rfc3339 else {
            throw EncodingError.invalidValue(
                self,
                .init(codingPath: encoder.codingPath, debugDescription: "year outside 0000...9999")
            )
        }
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}

/// The hand-written RFC 3339 reader and writer behind ``OCPPTimestamp`` (no DateFormatter).
private enum RFC3339 {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// Milliseconds since the epoch of `date-time` (RFC 3339 section 5.6), or `nil`.
    static func parse(_ string: String) -> Int64? {
        var string = string
        return string.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // Shortest form: "YYYY-MM-DDThh:mm:ssZ".
        guard bytes.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = digits(5, 2), bytes[7] == UInt8(ascii: "-"),
            let day = digits(8, 2),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = digits(14, 2), bytes[16] == UInt8(ascii: ":"),
            let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }

        var index = 19
        var milliseconds = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, let digit = digits(index, 1) {
                if index - fractionStart < 3 { milliseconds = milliseconds * 10 + digit }
                index += 1
            }
            let fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
            for _ in fractionDigits..<max(fractionDigits, 3) { milliseconds *= 10 }
        }

        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count - index >= 6, let offsetHour = digits(index + 1, 2),
                bytes[index + 3] == UInt8(ascii: ":"), let offsetMinute = digits(index + 4, 2),
                offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetMinutes = offsetHour * 60 + offsetMinute
            if bytes[index] == UInt8(ascii: "-") { offsetMinutes = -offsetMinutes }
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let seconds = Int64(hour * 3600 + minute * 60 + second - offsetMinutes * 60)
        return days * millisecondsPerDay + seconds * 1000 + Int64(milliseconds)
    }

    /// `"YYYY-MM-DDThh:mm:ss.sssZ"`, or `nil` outside the years 0000...9999.
    static func format(_ millisecondsSince1970: Int64) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        guard append(millisecondsSince1970, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DDThh:mm:ss.sssZ`; false (nothing appended) for a year outside 0000...9999.
    static func append(_ millisecondsSince1970: Int64, to bytes: inout [UInt8]) -> Bool {
        let (days, millisecondOfDay) = floorDivide(millisecondsSince1970, millisecondsPerDay)
        let (year, month, day) = civilFromDays(Int(days))
        guard (0...9999).contains(year) else { return false }
        let millisecondOfDayInt = Int(millisecondOfDay)
        func put(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
                divisor /= 10
            }
        }
        put(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        put(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        put(day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        put(millisecondOfDayInt / 3_600_000, width: 2)
        bytes.append(UInt8(ascii: ":"))
        put(millisecondOfDayInt / 60_000 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        put(millisecondOfDayInt / 1000 % 60, width: 2)
        bytes.append(UInt8(ascii: "."))
        put(millisecondOfDayInt % 1000, width: 3)
        bytes.append(UInt8(ascii: "Z"))
        return true
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil calendar algorithms).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

import Foundation
import GRDB
import OCPP16

/// GRDB's text form of a `Date` — `"YYYY-MM-DD hh:mm:ss.sss"`, UTC — written and read by hand
/// on the MeterValues path. GRDB formats every bound `Date` with Foundation's `DateFormatter`
/// (ICU) and reads every date column through a `Calendar`: together ~7 % of a busy central
/// system's CPU (issue 11). The text is exactly GRDB's, and a date read is GRDB's within one unit
/// in the last place of its Double and writes back as the same text (`StoredDateTests`), so rows
/// written either way compare, sort and replay alike; any other stored form is left to GRDB.
enum StoredDate {
    /// The stored text of `timestamp`, or GRDB's value outside the years 1583...9999.
    static func databaseValue(_ timestamp: OCPPTimestamp) -> DatabaseValue {
        guard let text = text(timestamp) else { return timestamp.date.databaseValue }
        return text.databaseValue
    }

    /// `"YYYY-MM-DD hh:mm:ss.sss"` of `timestamp`; `nil` outside the years 1583...9999.
    static func text(_ timestamp: OCPPTimestamp) -> String? {
        // Foundation's Gregorian calendar is Julian before October 1582 (ours is proleptic): older
        // instants take GRDB's own path, which stays exact.
        guard timestamp.millisecondsSince1970 >= firstMillisecondOf1583 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        // The RFC 3339 writer's "YYYY-MM-DDThh:mm:ss.sssZ" with a space for the T and no Z.
        guard timestamp.appendRFC3339(to: &bytes) else { return nil }
        bytes[10] = UInt8(ascii: " ")
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date of a stored text in the 23-character form from 1583 on; `nil` for any other text.
    static func date(_ text: String) -> Date? {
        var bytes = Array(text.utf8)
        guard bytes.count == 23, bytes[10] == UInt8(ascii: " "), bytes[19] == UInt8(ascii: ".") else { return nil }
        bytes[10] = UInt8(ascii: "T")
        bytes.append(UInt8(ascii: "Z"))
        guard let timestamp = bytes.withUnsafeBufferPointer({ OCPPTimestamp(rfc3339UTF8: $0) }),
            timestamp.millisecondsSince1970 >= firstMillisecondOf1583
        else { return nil }
        // GRDB's Calendar counts from the reference date; dividing from there lands on its Double
        // or the next one (from 1970 and then shifted, the error is larger).
        return Date(
            timeIntervalSinceReferenceDate: Double(timestamp.millisecondsSince1970 - referenceMilliseconds) / 1000)
    }

    /// 1583-01-01T00:00:00Z in milliseconds since 1970: the first whole year of the Gregorian
    /// calendar, where Foundation's and the proleptic one agree.
    private static let firstMillisecondOf1583: Int64 = -12_212_553_600_000

    /// 2001-01-01T00:00:00Z, Foundation's reference date, in milliseconds since 1970.
    private static let referenceMilliseconds: Int64 = 978_307_200_000
}

extension Row {
    /// The date in `column`, read as ``StoredDate`` when it has GRDB's text form, else by GRDB
    /// (which throws for NULL, as a non-optional decode does).
    func storedDate(forColumn column: String) throws -> Date {
        if let date = try storedDateIfPresent(forColumn: column) { return date }
        return try decode(forColumn: column)
    }

    /// ``storedDate(forColumn:)`` for a column that may be NULL.
    func storedDateIfPresent(forColumn column: String) throws -> Date? {
        let value = try decode(DatabaseValue.self, forColumn: column)
        if value.isNull { return nil }
        if case .string(let text) = value.storage, let date = StoredDate.date(text) { return date }
        return try decode(forColumn: column)
    }
}

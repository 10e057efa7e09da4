import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

@testable import CentralSystem

/// ``StoredDate`` must write and read exactly what GRDB does, or rows written before and after it
/// would stop comparing equal (replays, `ORDER BY timestamp`).
@Suite("Stored dates: GRDB's text, by hand")
struct StoredDateTests {
    /// Edge instants, then a deterministic spread of milliseconds over 1900...2200.
    static let instants: [Int64] = {
        var instants: [Int64] = [
            0, 999, 1000, -1, -999, -1000, -1001,
            951_782_400_000,  // 2000-02-29T00:00:00Z
            951_868_799_999,  // 2000-02-29T23:59:59.999Z
            1_767_225_599_999,  // 2025-12-31T23:59:59.999Z
            4_107_542_400_000,  // 2100-03-01T00:00:00Z
            -2_208_988_800_000,  // 1900-01-01T00:00:00Z
            -62_135_596_800_000,  // 0001-01-01T00:00:00Z
            -62_135_596_800_001,  // 0000-12-31T23:59:59.999Z
            -12_212_553_600_000,  // 1583-01-01T00:00:00Z, the first instant written by hand
            -12_212_553_600_001,  // 1582-12-31T23:59:59.999Z: GRDB's path (Julian before 1582-10-15)
            -30_610_224_000_001,  // 0999-12-31T23:59:59.999Z
            253_402_300_799_999,  // 9999-12-31T23:59:59.999Z
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let low: Int64 = -2_208_988_800_000
        let span: UInt64 = 7_258_118_400_000 - 1 + 2_208_988_800_000
        for _ in 0..<50_000 {
            // SplitMix64: the same spread on every run.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            instants.append(low + Int64(z % span))
        }
        return instants
    }()

    @Test func theTextWrittenIsGRDBs() {
        var mismatches: [String] = []
        for milliseconds in Self.instants {
            let timestamp = OCPPTimestamp(millisecondsSince1970: milliseconds)
            let grdb = String.fromDatabaseValue(timestamp.date.databaseValue)
            if let ours = StoredDate.text(timestamp), ours != grdb {
                mismatches.append("\(milliseconds): \(ours) vs \(grdb ?? "nil")")
            }
            #expect((StoredDate.text(timestamp) == nil) == (milliseconds < -12_212_553_600_000))
            #expect(StoredDate.databaseValue(timestamp) == timestamp.date.databaseValue)
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
    }

    @Test func theDateReadIsGRDBsToTheLastBitAndWritesBackAsTheSameText() throws {
        var mismatches: [String] = []
        for milliseconds in Self.instants {
            guard let text = StoredDate.text(OCPPTimestamp(millisecondsSince1970: milliseconds)) else { continue }
            let ours = try #require(StoredDate.date(text))
            let grdb = try #require(Date.fromDatabaseValue(text.databaseValue))
            // Foundation's Calendar rounds its sum its own way: at most one unit in the last place.
            let apart = abs(ours.timeIntervalSinceReferenceDate - grdb.timeIntervalSinceReferenceDate)
            if apart > grdb.timeIntervalSinceReferenceDate.ulp || String.fromDatabaseValue(ours.databaseValue) != text {
                mismatches.append(
                    "\(text): \(ours.timeIntervalSinceReferenceDate) vs \(grdb.timeIntervalSinceReferenceDate)")
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
    }

    @Test func otherFormsAreLeftToGRDB() {
        #expect(StoredDate.date("1582-10-14 10:00:00.000") == nil)
        #expect(StoredDate.date("1583-01-01 00:00:00.000") != nil)
        #expect(StoredDate.date("2026-01-01") == nil)
        #expect(StoredDate.date("2026-01-01 10:00:00") == nil)
        #expect(StoredDate.date("2026-01-01T10:00:00.000") == nil)
        #expect(StoredDate.date("2026-13-01 10:00:00.000") == nil)
        #expect(StoredDate.date("not a date at all, 23 ch") == nil)
    }

    @Test func rowsReadTheSameAsGRDBFromARealFile() throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let queue = try DatabaseQueue(path: file.path)
        let stored = OCPPTimestamp(millisecondsSince1970: 1_795_000_123_456)
        let rows = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, at)")
            try db.execute(
                sql: "INSERT INTO t (at) VALUES (?), (?), (?), (?)",
                arguments: [StoredDate.databaseValue(stored), "2026-01-01", 1_795_000_000.5, nil])
            return try Row.fetchAll(db, sql: "SELECT at FROM t ORDER BY id")
        }
        let written = try #require(StoredDate.text(stored))
        #expect(try rows[0].storedDate(forColumn: "at") == StoredDate.date(written))
        for row in rows.dropLast() {
            let grdb: Date = try row.decode(forColumn: "at")
            #expect(try row.storedDate(forColumn: "at") == grdb)
            #expect(try row.storedDateIfPresent(forColumn: "at") == grdb)
        }
        #expect(try rows[3].storedDateIfPresent(forColumn: "at") == nil)
        #expect(throws: (any Error).self) { try rows[3].storedDate(forColumn: "at") }
    }
}

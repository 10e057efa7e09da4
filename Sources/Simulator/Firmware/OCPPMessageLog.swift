import OCPP16

/// The charger's recent OCPP-J frames, in and out, with their instants: a ring that keeps the
/// last ``capacity`` frames (each cut to ``maximumFrameBytes``, secrets redacted with
/// ``SecretRedaction`` whenever they are read) for GetDiagnostics files.
///
/// The frames live in one byte buffer, each behind a small header, so a charger pays for the bytes
/// it logged and not for one array (and its spare capacity) per frame: at most ``capacity`` ×
/// (``maximumFrameBytes`` + 14) bytes plus a quarter of that as room to grow.
public struct OCPPMessageLog: Sendable, Equatable {
    /// Which way a frame went.
    public enum Direction: String, Sendable, Equatable, Codable {
        /// From the central system.
        case received
        /// To the central system.
        case sent
    }

    /// One logged frame.
    public struct Entry: Sendable, Equatable, Codable {
        /// When it was received or handed to the shell to send.
        public var at: OCPPTimestamp
        /// Which way it went.
        public var direction: Direction
        /// The frame's text (cut to ``OCPPMessageLog/maximumFrameBytes``, then marked `…`).
        public var frame: String
    }

    /// The most frames kept.
    public let capacity: Int
    /// Frames longer than this many bytes are cut.
    public static let maximumFrameBytes = 2048

    /// A record's header: the flags (``sentFlag``, ``cutFlag``), the instant as the difference in
    /// milliseconds from the record before it (zigzag, then LEB128: 1-2 bytes between frames of
    /// one exchange, instead of 8 for the whole instant), and the frame's length (LEB128); the
    /// frame follows. At most 1 + 10 + 3 bytes.
    private static let sentFlag: UInt8 = 1
    private static let cutFlag: UInt8 = 2
    /// Below this many bytes the buffer grows to fit exactly: an idle charger's boot frames
    /// (~1 KiB) then carry no spare room, where a quarter more cost every charger ~250 bytes
    /// (issue 11: memory per idle charger). Each record then copies at most this many bytes.
    private static let tightBytes = 2048

    /// The records: the live ones from `start` on, oldest first; the bytes before `start` are
    /// dropped records not yet compacted away.
    private var records: [UInt8] = []
    private var start = 0
    /// How many records are live.
    private var count = 0
    /// The instant (milliseconds since 1970) the first live record's difference counts from: the
    /// instant of the last dropped record (0 before any).
    private var startBase: Int64 = 0
    /// The instant of the newest record (`startBase` when none is live).
    private var newest: Int64 = 0

    /// An empty log of `capacity` frames (0: logs nothing).
    public init(capacity: Int) {
        // Nothing reserved: an idle charger logs a handful of frames after its boot (issue 11).
        self.capacity = max(capacity, 0)
    }

    /// The bytes the log holds allocated, records and spare room (for the bound's test).
    var allocatedBytes: Int { records.capacity }

    /// Two logs are equal when they keep the same capacity and the same frames at the same instants.
    public static func == (lhs: OCPPMessageLog, rhs: OCPPMessageLog) -> Bool {
        guard lhs.capacity == rhs.capacity, lhs.count == rhs.count else { return false }
        var left = lhs.start
        var right = rhs.start
        var leftBase = lhs.startBase
        var rightBase = rhs.startBase
        while left < lhs.records.count, right < rhs.records.count {
            let one = Record(in: lhs.records, at: left, after: leftBase)
            let other = Record(in: rhs.records, at: right, after: rightBase)
            guard one.milliseconds == other.milliseconds, one.flags == other.flags,
                lhs.records[one.frame].elementsEqual(rhs.records[other.frame])
            else { return false }
            (left, leftBase) = (one.frame.upperBound, one.milliseconds)
            (right, rightBase) = (other.frame.upperBound, other.milliseconds)
        }
        return true
    }

    /// Logs one frame, dropping the oldest when full.
    public mutating func record(_ bytes: [UInt8], direction: Direction, at instant: OCPPTimestamp) {
        guard capacity > 0 else { return }
        // Secrets (an AuthorizationKey being set, a private key) are redacted in `entries`, the
        // only way out of the log, so they never reach a diagnostics file.
        if count == capacity {
            let oldest = Record(in: records, at: start, after: startBase)
            start = oldest.frame.upperBound
            startBase = oldest.milliseconds
            count -= 1
        }
        let cut = bytes.count > Self.maximumFrameBytes
        let length = min(bytes.count, Self.maximumFrameBytes)
        let milliseconds = instant.millisecondsSince1970
        let difference = milliseconds &- newest
        let zigzag = UInt64(bitPattern: (difference << 1) ^ (difference >> 63))
        let needed = 1 + Self.varintBytes(zigzag) + Self.varintBytes(UInt64(length)) + length
        if start > 0, start >= records.count / 2 || records.count + needed > records.capacity {
            // Dropped records go once they are half the buffer (or before it would grow): each
            // byte is moved at most once per time it is logged.
            records.removeSubrange(0..<start)
            start = 0
        }
        if records.count + needed > records.capacity {
            // Past `tightBytes`, a quarter more than needed, not Array's doubling: spare room is
            // paid by every charger.
            let wanted = records.count + needed
            records.reserveCapacity(wanted < Self.tightBytes ? wanted : wanted + wanted / 4)
        }
        records.append((direction == .sent ? Self.sentFlag : 0) | (cut ? Self.cutFlag : 0))
        Self.appendVarint(zigzag, to: &records)
        Self.appendVarint(UInt64(length), to: &records)
        records.append(contentsOf: bytes.prefix(length))
        newest = milliseconds
        count += 1
    }

    /// The frames kept, oldest first, from `start` to `stop` inclusive (nil: unbounded).
    public func entries(from start: OCPPTimestamp? = nil, to stop: OCPPTimestamp? = nil) -> [Entry] {
        var entries: [Entry] = []
        var offset = self.start
        var base = startBase
        while offset < records.count {
            let record = Record(in: records, at: offset, after: base)
            (offset, base) = (record.frame.upperBound, record.milliseconds)
            let at = OCPPTimestamp(millisecondsSince1970: record.milliseconds)
            if let start, at < start { continue }
            if let stop, at > stop { continue }
            let text = String(decoding: records[record.frame], as: UTF8.self)
            entries.append(
                Entry(
                    at: at, direction: record.flags & Self.sentFlag != 0 ? .sent : .received,
                    frame: SecretRedaction.redact(record.flags & Self.cutFlag != 0 ? text + "…" : text)))
        }
        return entries
    }

    /// One record read back: its flags, its instant and where its frame's bytes are.
    private struct Record {
        var flags: UInt8
        var milliseconds: Int64
        var frame: Range<Int>

        /// The record at `offset`, whose instant counts from `base`.
        init(in records: [UInt8], at offset: Int, after base: Int64) {
            var position = offset + 1
            flags = records[offset]
            let zigzag = OCPPMessageLog.readVarint(records, at: &position)
            milliseconds = base &+ (Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            let length = Int(OCPPMessageLog.readVarint(records, at: &position))
            frame = position..<(position + length)
        }
    }

    /// How many bytes `value` takes as LEB128 (7 bits a byte, low first).
    private static func varintBytes(_ value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    private static func appendVarint(_ value: UInt64, to records: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            records.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        records.append(UInt8(value))
    }

    private static func readVarint(_ records: [UInt8], at position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = records[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}

import OCPP16

/// The charger's recent OCPP-J frames, in and out, with their instants: a ring that keeps the
/// last ``capacity`` frames (each cut to ``maximumFrameBytes``, secrets redacted with
/// ``SecretRedaction`` whenever they are read) for GetDiagnostics files.
///
/// The frames live in one byte ring, each behind a small header, so a charger pays for the bytes
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

    /// The records, oldest first, in a ring: the live ones take `used` bytes from `head` on,
    /// wrapping past the end of the array (whose whole count is the ring). A ring, not a list
    /// compacted now and then: each logged byte is copied once (issue 11: CPU per MeterValues),
    /// and the buffer holds the live records plus at most a quarter, not up to twice their size.
    /// 32 bits each: the largest log (10,000 frames of ~2 KiB) fits, and the two take one word.
    private var records: [UInt8] = []
    private var head: UInt32 = 0
    private var used: UInt32 = 0
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
        var left = Int(lhs.head)
        var right = Int(rhs.head)
        var leftBase = lhs.startBase
        var rightBase = rhs.startBase
        for _ in 0..<lhs.count {
            let one = Record(in: lhs.records, at: left, after: leftBase)
            let other = Record(in: rhs.records, at: right, after: rightBase)
            guard one.milliseconds == other.milliseconds, one.flags == other.flags,
                lhs.frameBytes(one) == rhs.frameBytes(other)
            else { return false }
            (left, leftBase) = (lhs.wrapped(one.frameStart + one.frameLength), one.milliseconds)
            (right, rightBase) = (rhs.wrapped(other.frameStart + other.frameLength), other.milliseconds)
        }
        return true
    }

    /// Logs one frame, dropping the oldest when full.
    public mutating func record(_ bytes: [UInt8], direction: Direction, at instant: OCPPTimestamp) {
        guard capacity > 0 else { return }
        // Secrets (an AuthorizationKey being set, a private key) are redacted in `entries`, the
        // only way out of the log, so they never reach a diagnostics file.
        if count == capacity { dropOldest() }
        let cut = bytes.count > Self.maximumFrameBytes
        let length = min(bytes.count, Self.maximumFrameBytes)
        let milliseconds = instant.millisecondsSince1970
        let difference = milliseconds &- newest
        let zigzag = UInt64(bitPattern: (difference << 1) ^ (difference >> 63))
        let needed = 1 + Self.varintBytes(zigzag) + Self.varintBytes(UInt64(length)) + length
        if Int(used) + needed > records.count {
            // Past `tightBytes`, a quarter more than needed, not Array's doubling: spare room is
            // paid by every charger.
            let wanted = Int(used) + needed
            grow(to: wanted < Self.tightBytes ? wanted : wanted + wanted / 4)
        }
        let size = records.count
        var position = wrapped(Int(head) + Int(used))
        records.withUnsafeMutableBufferPointer { ring in
            func put(_ byte: UInt8) {
                ring[position] = byte
                position += 1
                if position == size { position = 0 }
            }
            func putVarint(_ value: UInt64) {
                var value = value
                while value >= 0x80 {
                    put(UInt8(truncatingIfNeeded: value) | 0x80)
                    value >>= 7
                }
                put(UInt8(value))
            }
            put((direction == .sent ? Self.sentFlag : 0) | (cut ? Self.cutFlag : 0))
            putVarint(zigzag)
            putVarint(UInt64(length))
            bytes.withUnsafeBufferPointer { frame in
                guard let source = frame.baseAddress, let target = ring.baseAddress, length > 0 else { return }
                let first = min(length, size - position)
                (target + position).update(from: source, count: first)
                if first < length { target.update(from: source + first, count: length - first) }
            }
        }
        used += UInt32(needed)
        newest = milliseconds
        count += 1
    }

    /// Drops the oldest record.
    private mutating func dropOldest() {
        let oldest = Record(in: records, at: Int(head), after: startBase)
        // The header may wrap: its length is where the frame starts, counted round the ring.
        var headerLength = oldest.frameStart - Int(head)
        if headerLength <= 0 { headerLength += records.count }
        used -= UInt32(headerLength + oldest.frameLength)
        head = UInt32(wrapped(oldest.frameStart + oldest.frameLength))
        startBase = oldest.milliseconds
        count -= 1
        if count == 0 { (head, used) = (0, 0) }
    }

    /// Moves the live records to the front of a ring of `size` bytes.
    private mutating func grow(to size: Int) {
        var grown = [UInt8](repeating: 0, count: size)
        let live = Int(used)
        if live > 0 {
            let first = min(live, records.count - Int(head))
            grown.replaceSubrange(0..<first, with: records[Int(head)..<(Int(head) + first)])
            grown.replaceSubrange(first..<live, with: records[0..<(live - first)])
        }
        records = grown
        head = 0
    }

    /// `offset` brought back into the ring (it is at most one ring past its end).
    private func wrapped(_ offset: Int) -> Int {
        offset >= records.count ? offset - records.count : offset
    }

    /// The bytes of `record`'s frame, put back together when they wrap.
    private func frameBytes(_ record: Record) -> [UInt8] {
        let first = min(record.frameLength, records.count - record.frameStart)
        var bytes = Array(records[record.frameStart..<(record.frameStart + first)])
        if first < record.frameLength { bytes += records[0..<(record.frameLength - first)] }
        return bytes
    }

    /// The frames kept, oldest first, from `start` to `stop` inclusive (nil: unbounded).
    public func entries(from start: OCPPTimestamp? = nil, to stop: OCPPTimestamp? = nil) -> [Entry] {
        var entries: [Entry] = []
        var offset = Int(head)
        var base = startBase
        for _ in 0..<count {
            let record = Record(in: records, at: offset, after: base)
            (offset, base) = (wrapped(record.frameStart + record.frameLength), record.milliseconds)
            let at = OCPPTimestamp(millisecondsSince1970: record.milliseconds)
            if let start, at < start { continue }
            if let stop, at > stop { continue }
            let text = String(decoding: frameBytes(record), as: UTF8.self)
            entries.append(
                Entry(
                    at: at, direction: record.flags & Self.sentFlag != 0 ? .sent : .received,
                    frame: SecretRedaction.redact(record.flags & Self.cutFlag != 0 ? text + "…" : text)))
        }
        return entries
    }

    /// One record read back: its flags, its instant and where its frame's bytes are (from
    /// `frameStart`, wrapping past the ring's end).
    private struct Record {
        var flags: UInt8
        var milliseconds: Int64
        var frameStart: Int
        var frameLength: Int

        /// The record at `offset`, whose instant counts from `base`.
        init(in records: [UInt8], at offset: Int, after base: Int64) {
            let size = records.count
            var position = offset + 1 == size ? 0 : offset + 1
            flags = records[offset]
            let zigzag = OCPPMessageLog.readVarint(records, at: &position)
            milliseconds = base &+ (Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            frameLength = Int(OCPPMessageLog.readVarint(records, at: &position))
            frameStart = position
        }
    }

    /// How many bytes `value` takes as LEB128 (7 bits a byte, low first).
    private static func varintBytes(_ value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    private static func readVarint(_ records: [UInt8], at position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = records[position]
            position = position + 1 == records.count ? 0 : position + 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}

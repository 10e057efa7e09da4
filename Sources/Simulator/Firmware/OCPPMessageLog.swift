import OCPP16

/// The charger's recent OCPP-J frames, in and out, with their instants: a ring that keeps the
/// last ``capacity`` frames (each cut to ``maximumFrameBytes``, secrets redacted with
/// ``SecretRedaction`` whenever they are read) for GetDiagnostics files.
///
/// The frames live in one byte buffer, each behind a small fixed header, so a charger pays for
/// the bytes it logged and not for one array (and its spare capacity) per frame: at most
/// ``capacity`` × (``maximumFrameBytes`` + 11) bytes plus a quarter of that as room to grow.
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

    /// A record's header: the instant (milliseconds since 1970, 8 bytes little-endian), the flags
    /// (``sentFlag``, ``cutFlag``) and the frame's length (2 bytes little-endian); the frame follows.
    private static let headerBytes = 11
    private static let sentFlag: UInt8 = 1
    private static let cutFlag: UInt8 = 2

    /// The records: the live ones from `start` on, oldest first; the bytes before `start` are
    /// dropped records not yet compacted away.
    private var records: [UInt8] = []
    private var start = 0
    /// How many records are live.
    private var count = 0

    /// An empty log of `capacity` frames (0: logs nothing).
    public init(capacity: Int) {
        // Nothing reserved: an idle charger logs a handful of frames after its boot (issue 11).
        self.capacity = max(capacity, 0)
    }

    /// The bytes the log holds allocated, records and spare room (for the bound's test).
    var allocatedBytes: Int { records.capacity }

    /// The live records' bytes.
    private var live: ArraySlice<UInt8> { records[start...] }

    /// Two logs are equal when they keep the same capacity and the same frames.
    public static func == (lhs: OCPPMessageLog, rhs: OCPPMessageLog) -> Bool {
        lhs.capacity == rhs.capacity && lhs.count == rhs.count && lhs.live.elementsEqual(rhs.live)
    }

    /// Logs one frame, dropping the oldest when full.
    public mutating func record(_ bytes: [UInt8], direction: Direction, at instant: OCPPTimestamp) {
        guard capacity > 0 else { return }
        // Secrets (an AuthorizationKey being set, a private key) are redacted in `entries`, the
        // only way out of the log, so they never reach a diagnostics file.
        if count == capacity {
            start += Self.headerBytes + (Int(records[start + 9]) | Int(records[start + 10]) << 8)
            count -= 1
        }
        let cut = bytes.count > Self.maximumFrameBytes
        let length = min(bytes.count, Self.maximumFrameBytes)
        let needed = Self.headerBytes + length
        if start > 0, start >= records.count / 2 || records.count + needed > records.capacity {
            // Dropped records go once they are half the buffer (or before it would grow): each
            // byte is moved at most once per time it is logged.
            records.removeSubrange(0..<start)
            start = 0
        }
        if records.count + needed > records.capacity {
            // A quarter more than needed, not Array's doubling: spare room is paid by every charger.
            records.reserveCapacity(records.count + needed + (records.count + needed) / 4)
        }
        // One append for the header, one for the frame: every frame of every charger passes here (issue 11).
        let ms = UInt64(bitPattern: instant.millisecondsSince1970)
        func byte(_ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: ms >> shift) }
        let header = (
            byte(0), byte(8), byte(16), byte(24), byte(32), byte(40), byte(48), byte(56),
            (direction == .sent ? Self.sentFlag : 0) | (cut ? Self.cutFlag : 0),
            UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8)
        )
        withUnsafeBytes(of: header) { records.append(contentsOf: $0) }
        bytes.withUnsafeBufferPointer { records.append(contentsOf: $0[0..<length]) }
        count += 1
    }

    /// The frames kept, oldest first, from `start` to `stop` inclusive (nil: unbounded).
    public func entries(from start: OCPPTimestamp? = nil, to stop: OCPPTimestamp? = nil) -> [Entry] {
        var entries: [Entry] = []
        var offset = self.start
        while offset < records.count {
            var milliseconds: UInt64 = 0
            for index in (0..<8).reversed() {
                milliseconds = milliseconds << 8 | UInt64(records[offset + index])
            }
            let at = OCPPTimestamp(millisecondsSince1970: Int64(bitPattern: milliseconds))
            let flags = records[offset + 8]
            let length = Self.frameLength(in: records, at: offset)
            let frameStart = offset + Self.headerBytes
            offset = frameStart + length
            if let start, at < start { continue }
            if let stop, at > stop { continue }
            let text = String(decoding: records[frameStart..<offset], as: UTF8.self)
            entries.append(
                Entry(
                    at: at, direction: flags & Self.sentFlag != 0 ? .sent : .received,
                    frame: SecretRedaction.redact(flags & Self.cutFlag != 0 ? text + "…" : text)))
        }
        return entries
    }

    /// The length of the frame of the record at `offset`.
    private static func frameLength(in records: [UInt8], at offset: Int) -> Int {
        Int(records[offset + 9]) | Int(records[offset + 10]) << 8
    }
}

import OCPP16

/// The charger's recent OCPP-J frames, in and out, with their instants: a ring that keeps the
/// last ``capacity`` frames (each cut to ``maximumFrameBytes``, secrets redacted with
/// ``SecretRedaction`` whenever they are read) for GetDiagnostics files.
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

    /// A frame as recorded: its bytes (sharing the caller's buffer) are only decoded and redacted
    /// when the log is read, which is rare, while a frame is recorded every few seconds.
    private struct RawEntry: Sendable, Equatable {
        var at: OCPPTimestamp
        var direction: Direction
        /// At most ``OCPPMessageLog/maximumFrameBytes``.
        var bytes: [UInt8]
        var cut: Bool

        /// The entry read out; never holds a secret.
        var redacted: Entry {
            let text = String(decoding: bytes, as: UTF8.self)
            return Entry(at: at, direction: direction, frame: SecretRedaction.redact(cut ? text + "…" : text))
        }
    }

    private var ring: [RawEntry] = []
    private var head = 0

    /// An empty log of `capacity` frames (0: logs nothing).
    public init(capacity: Int) {
        // The ring grows with the frames: an idle charger logs a handful after its boot, and a
        // reserved 50-entry ring would cost every charger ~1.6 KiB (issue 11).
        self.capacity = max(capacity, 0)
    }

    /// Logs one frame, dropping the oldest when full.
    public mutating func record(_ bytes: [UInt8], direction: Direction, at instant: OCPPTimestamp) {
        guard capacity > 0 else { return }
        // Secrets (an AuthorizationKey being set, a private key) are redacted in `entries`, the
        // only way out of the log, so they never reach a diagnostics file.
        let cut = bytes.count > Self.maximumFrameBytes
        let entry = RawEntry(
            at: instant, direction: direction, bytes: cut ? Array(bytes.prefix(Self.maximumFrameBytes)) : bytes,
            cut: cut)
        if ring.count < capacity {
            ring.append(entry)
        } else {
            ring[head] = entry
            head = (head + 1) % capacity
        }
    }

    /// The frames kept, oldest first, from `start` to `stop` inclusive (nil: unbounded).
    public func entries(from start: OCPPTimestamp? = nil, to stop: OCPPTimestamp? = nil) -> [Entry] {
        let ordered = Array(ring[head...] + ring[..<head])
        return ordered.filter { entry in
            (start.map { entry.at >= $0 } ?? true) && (stop.map { entry.at <= $0 } ?? true)
        }.map(\.redacted)
    }
}

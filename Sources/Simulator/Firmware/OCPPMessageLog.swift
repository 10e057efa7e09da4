import OCPP16

/// The charger's recent OCPP-J frames, in and out, with their instants: a ring that keeps the
/// last ``capacity`` frames (each cut to ``maximumFrameBytes``, secrets redacted with
/// ``SecretRedaction``) for GetDiagnostics files.
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

    private var ring: [Entry] = []
    private var head = 0

    /// An empty log of `capacity` frames (0: logs nothing).
    public init(capacity: Int) {
        self.capacity = max(capacity, 0)
        ring.reserveCapacity(min(self.capacity, 64))
    }

    /// Logs one frame, dropping the oldest when full.
    public mutating func record(_ bytes: [UInt8], direction: Direction, at instant: OCPPTimestamp) {
        guard capacity > 0 else { return }
        // Secrets (an AuthorizationKey being set, a private key) never reach a diagnostics file.
        let text = SecretRedaction.redact(
            bytes.count > Self.maximumFrameBytes
                ? String(decoding: bytes.prefix(Self.maximumFrameBytes), as: UTF8.self) + "…"
                : String(decoding: bytes, as: UTF8.self))
        let entry = Entry(at: instant, direction: direction, frame: text)
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
        }
    }
}

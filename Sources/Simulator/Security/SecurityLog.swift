import OCPP16

/// The charge point's security log (Improved security for OCPP 1.6-J, "Security events/logging"):
/// every security event, critical or not, in order, the oldest dropped past ``capacity``. It
/// survives a restart in the snapshot and is what GetLog with `SecurityLog` uploads.
public struct SecurityLog: Sendable, Equatable, Codable {
    /// One logged event.
    public struct Entry: Sendable, Equatable, Codable {
        /// When it happened.
        public var timestamp: OCPPTimestamp
        /// The event's type as sent on the wire (``SecurityEventType`` raw value).
        public var type: String
        /// Technical detail (never a secret).
        public var techInfo: String?
    }

    /// The most entries kept.
    public static let capacity = 1000

    /// The entries, oldest first.
    public private(set) var entries: [Entry] = []

    public init() {}

    /// Logs `event`, dropping the oldest entry when full.
    public mutating func append(_ event: SecurityEvent) {
        if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
        entries.append(Entry(timestamp: event.timestamp, type: event.type.rawValue, techInfo: event.techInfo))
    }

    /// Drops every entry.
    public mutating func clear() {
        entries = []
    }

    /// The entries from `oldest` to `latest` inclusive (nil: unbounded).
    public func entries(from oldest: OCPPTimestamp?, to latest: OCPPTimestamp?) -> [Entry] {
        entries.filter { entry in
            (oldest.map { entry.timestamp >= $0 } ?? true) && (latest.map { entry.timestamp <= $0 } ?? true)
        }
    }

    /// The log file GetLog uploads: one line per entry, `<timestamp> <type> <techInfo>`.
    public func text(from oldest: OCPPTimestamp?, to latest: OCPPTimestamp?) -> String {
        entries(from: oldest, to: latest).map { entry in
            [entry.timestamp.description, entry.type, entry.techInfo].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }
}

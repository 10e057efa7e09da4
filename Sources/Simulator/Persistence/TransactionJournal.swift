import Foundation

/// A charger's transaction queue on disk (OCPP 1.6 §3.7): an append-only journal of JSON lines,
/// `{"add":{entry}}` or `{"remove":id}`, each fsynced before the append returns, so an entry
/// is durable before the message it holds goes on the wire.
///
/// Replaying the lines in order gives the queue; a torn last line (a crash mid-write) is
/// ignored. ``open(path:)`` compacts the journal to one `add` line per surviving entry.
///
/// Not thread-safe: owned by one ``ChargerRuntime`` and used on its event loop.
public final class TransactionJournal {
    /// One line of the journal.
    struct Line: Codable {
        var add: TransactionQueueEntry?
        var remove: UInt64?
    }

    /// The journal file.
    public let path: String
    /// The queue as of the last append, oldest first.
    public private(set) var entries: [TransactionQueueEntry]

    private init(path: String, entries: [TransactionQueueEntry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads the journal at `path` (none yet: an empty queue), then rewrites it compacted.
    public static func open(path: String) throws(PersistenceError) -> TransactionJournal {
        let entries = replay(try DurableFile.contents(of: path) ?? [])
        let journal = TransactionJournal(path: path, entries: entries)
        if entries.isEmpty {
            DurableFile.remove(path)
        } else {
            try DurableFile.replace(path, with: entries.flatMap { encode(Line(add: $0)) })
        }
        return journal
    }

    /// The queue the lines of `bytes` describe, by entry id.
    static func replay(_ bytes: [UInt8]) -> [TransactionQueueEntry] {
        var byId: [UInt64: TransactionQueueEntry] = [:]
        let decoder = JSONDecoder()
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            // A line that does not decode is the torn tail of a crash; it was never acted on.
            guard let record = try? decoder.decode(Line.self, from: Data(line)) else { continue }
            if let entry = record.add { byId[entry.id] = entry }
            if let id = record.remove { byId.removeValue(forKey: id) }
        }
        return byId.values.sorted { $0.id < $1.id }
    }

    /// Stores `entry` (replacing one with the same id) durably.
    public func add(_ entry: TransactionQueueEntry) throws(PersistenceError) {
        try DurableFile.append(Self.encode(Line(add: entry)), to: path)
        if let index = entries.firstIndex(where: { $0.id == entry.id }) {
            entries[index] = entry
        } else {
            entries.append(entry)
            entries.sort { $0.id < $1.id }
        }
    }

    /// Removes the entry `id` durably.
    public func remove(_ id: UInt64) throws(PersistenceError) {
        guard entries.contains(where: { $0.id == id }) else { return }
        try DurableFile.append(Self.encode(Line(remove: id)), to: path)
        entries.removeAll { $0.id == id }
    }

    private static func encode(_ line: Line) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A queue entry is plain strings and integers: encoding cannot fail.
        return ((try? Array(encoder.encode(line))) ?? []) + [UInt8(ascii: "\n")]
    }
}

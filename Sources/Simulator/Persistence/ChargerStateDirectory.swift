import Foundation

/// One charger's folder under `--state-dir`: `queue.jsonl`, the transaction journal
/// (``TransactionJournal``), and `snapshot.json`, the rest of its state
/// (``ChargePointSnapshot`` without the queue), replaced atomically.
///
/// A restarted process reads both back with ``resumeSnapshot``: the journal is the authority
/// on the queue, the snapshot on everything else. Owned by one ``ChargerRuntime``; used on its
/// event loop.
public final class ChargerStateDirectory {
    /// The folder.
    public let path: String
    /// The transaction queue on disk.
    public let journal: TransactionJournal
    private let snapshotPath: String
    private var snapshot: ChargePointSnapshot?  // as read at open; the runtime resumes from it once

    /// Opens (creating it when needed) the folder and compacts its journal.
    public init(path: String) throws(PersistenceError) {
        self.path = path
        try DurableFile.makeFolder(path)
        self.journal = try TransactionJournal.open(path: path + "/queue.jsonl")
        self.snapshotPath = path + "/snapshot.json"
        if let bytes = try DurableFile.contents(of: snapshotPath) {
            do {
                snapshot = try JSONDecoder().decode(ChargePointSnapshot.self, from: Data(bytes))
            } catch {
                throw PersistenceError(path: snapshotPath, reason: "unreadable snapshot: \(error)")
            }
        }
        // The runtime appends an event's queue entries, then replaces the snapshot, then sends.
        // Entries the snapshot does not know of (id at or past its `nextEntryId`) come from an
        // event the process did not finish: none of its messages went out, so it did not happen.
        let known = snapshot?.nextEntryId ?? 1
        for entry in journal.entries where entry.id >= known {
            try journal.remove(entry.id)
        }
    }

    /// What the charger resumes from: the saved snapshot with the journal's queue, or nil when
    /// the folder holds nothing yet.
    public var resumeSnapshot: ChargePointSnapshot? {
        guard snapshot != nil || !journal.entries.isEmpty else { return nil }
        var resumed = snapshot ?? ChargePointSnapshot()
        resumed.queuedMessages = journal.entries
        if let last = journal.entries.last { resumed.nextEntryId = max(resumed.nextEntryId, last.id + 1) }
        return resumed
    }

    /// Replaces `snapshot.json` (write, fsync, rename). The queue is left out: it lives in the
    /// journal.
    public func save(_ snapshot: ChargePointSnapshot) throws(PersistenceError) {
        var stored = snapshot
        stored.queuedMessages = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(stored))
        } catch {
            throw PersistenceError(path: snapshotPath, reason: "cannot encode the snapshot: \(error)")
        }
        try DurableFile.replace(snapshotPath, with: bytes)

    }
}

import Foundation

/// One charger's folder under `--state-dir`: `queue.jsonl`, the transaction journal
/// (``TransactionJournal``), `snapshot.json`, the rest of its state (``ChargePointSnapshot``
/// without the queue), replaced atomically, and `secrets.json` (mode 0600), the configuration
/// values that are secrets (``secretConfigurationKeys``: the `AuthorizationKey`), which never go
/// in the snapshot.
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
    private let secretsPath: String
    private var savedSecrets: [String: String]?
    private var snapshot: ChargePointSnapshot?  // as read at open; the runtime resumes from it once

    /// Opens (creating it when needed) the folder and compacts its journal.
    public init(path: String) throws(PersistenceError) {
        self.path = path
        try DurableFile.makeFolder(path)
        self.journal = try TransactionJournal.open(path: path + "/queue.jsonl")
        self.snapshotPath = path + "/snapshot.json"
        self.secretsPath = path + "/" + Self.secretsFileName
        if let bytes = try DurableFile.contents(of: snapshotPath) {
            do {
                snapshot = try JSONDecoder().decode(ChargePointSnapshot.self, from: Data(bytes))
            } catch {
                throw PersistenceError(path: snapshotPath, reason: "unreadable snapshot: \(error)")
            }
        }
        if let bytes = try DurableFile.contents(of: secretsPath) {
            let secrets: [String: String]
            do {
                secrets = try JSONDecoder().decode([String: String].self, from: Data(bytes))
            } catch {
                // Never the content: it is a secret.
                throw PersistenceError(
                    path: secretsPath, reason: "unreadable secrets file (not a JSON object of strings)")
            }
            savedSecrets = secrets
            var restored = snapshot ?? ChargePointSnapshot()
            restored.configurationOverrides.merge(secrets) { _, secret in secret }
            snapshot = restored
        }
        // The runtime appends an event's queue entries, then replaces the snapshot, then sends.
        // Entries the snapshot does not know of (id at or past its `nextEntryId`) come from an
        // event the process did not finish: none of its messages went out, so it did not happen.
        let known = snapshot?.nextEntryId ?? 1
        for entry in journal.entries where entry.id >= known {
            try journal.remove(entry.id)
        }
    }

    /// The file holding the secret configuration values.
    public static let secretsFileName = "secrets.json"

    /// The configuration keys whose values are secrets (lowercased): kept in `secrets.json`,
    /// never in `snapshot.json` (security whitepaper: the AuthorizationKey is write-only).
    public static let secretConfigurationKeys: Set<String> = ["authorizationkey"]

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
    /// Secret configuration values go to `secrets.json` (0600) first, rewritten only when they
    /// change, so the snapshot never refers to a secret the folder does not have.
    public func save(_ snapshot: ChargePointSnapshot) throws(PersistenceError) {
        var stored = snapshot
        stored.queuedMessages = []
        let secrets = stored.configurationOverrides.filter {
            Self.secretConfigurationKeys.contains($0.key.lowercased())
        }
        for key in secrets.keys { stored.configurationOverrides[key] = nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if secrets != (savedSecrets ?? [:]) {
            let secretBytes: [UInt8]
            do {
                secretBytes = Array(try encoder.encode(secrets))
            } catch {
                throw PersistenceError(path: secretsPath, reason: "cannot encode the secrets")
            }
            try DurableFile.replace(secretsPath, with: secretBytes, mode: 0o600)
            savedSecrets = secrets
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(stored))
        } catch {
            throw PersistenceError(path: snapshotPath, reason: "cannot encode the snapshot: \(error)")
        }
        try DurableFile.replace(snapshotPath, with: bytes)

    }
}

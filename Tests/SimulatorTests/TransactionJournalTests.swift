import Foundation
import Simulator
import TestSupport
import Testing

/// The transaction journal and the state directory, on real files: what was appended comes
/// back, removes stick, a torn tail is ignored, opening compacts.
@Suite struct TransactionJournalTests {
    static func entry(_ id: UInt64, _ action: String = "MeterValues", attempts: Int = 0) -> TransactionQueueEntry {
        TransactionQueueEntry(
            id: id, action: action, payload: #"{"connectorId":1,"transactionId":-1}"#, localTransactionId: 1,
            failedAttempts: attempts)
    }

    @Test func persistedBytesAreTheOnesJSONEncoderWroteSoOldJournalsStillRead() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entries = [
            Self.entry(1),
            TransactionQueueEntry(
                id: .max, action: "SecurityEventNotification",
                payload: #"{"techInfo":"a/b \\ \"q\" \#u{01}\#u{1F}\#t\#n\#r é € 🔌 \#u{7F}","type":"x"}"#,
                localTransactionId: -3, failedAttempts: Int.max),
            TransactionQueueEntry(id: 0, action: "", payload: "", localTransactionId: .min),
        ]
        for entry in entries {
            let old = try Array(encoder.encode(entry))
            #expect(entry.persistedBytes == old)
            #expect(try TransactionQueueEntry(persisted: old) == entry)
            #expect(try TransactionQueueEntry(persisted: entry.persistedBytes) == entry)
        }
    }

    @Test func appendedEntriesComeBackInOrderWithoutTheRemovedOnes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("queue.jsonl").path
        let journal = try TransactionJournal.open(path: path)
        try journal.add(Self.entry(1, "StartTransaction"))
        try journal.add(Self.entry(2))
        try journal.add(Self.entry(3))
        try journal.remove(2)
        try journal.add(Self.entry(3, attempts: 1))
        #expect(journal.entries == [Self.entry(1, "StartTransaction"), Self.entry(3, attempts: 1)])
        let reopened = try TransactionJournal.open(path: path)
        #expect(reopened.entries == journal.entries)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "opening compacts to one line per entry")
    }

    @Test func aTornLastLineIsIgnored() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("queue.jsonl").path
        let journal = try TransactionJournal.open(path: path)
        try journal.add(Self.entry(1))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"add":{"action":"Stop"#.utf8))
        try handle.close()
        #expect(try TransactionJournal.open(path: path).entries == [Self.entry(1)])
    }

    @Test func anEmptyQueueLeavesNoFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("queue.jsonl").path
        let journal = try TransactionJournal.open(path: path)
        try journal.add(Self.entry(7))
        try journal.remove(7)
        #expect(try TransactionJournal.open(path: path).entries.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theStateDirectoryResumesTheSnapshotWithTheJournalsQueue() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("fleet/CP1").path
        let directory = try ChargerStateDirectory(path: path)
        #expect(directory.resumeSnapshot == nil)
        let snapshot = ChargePointSnapshot(
            registersWh: [1: 1234.5], queuedMessages: [Self.entry(1)],
            configurationOverrides: ["HeartbeatInterval": "60"],
            nextLocalTransactionId: 3, nextEntryId: 5)
        try directory.journal.add(Self.entry(4))
        try directory.save(snapshot)
        let resumed = try #require(try ChargerStateDirectory(path: path).resumeSnapshot)
        #expect(resumed.registersWh == [1: 1234.5])
        #expect(resumed.configurationOverrides == ["HeartbeatInterval": "60"])
        #expect(resumed.queuedMessages == [Self.entry(4)], "the journal, not the snapshot, holds the queue")
        #expect(resumed.nextEntryId == 5)
        #expect(resumed.nextLocalTransactionId == 3)
    }

    /// A process killed after appending an event's entries but before replacing the snapshot:
    /// those entries were never sent and the snapshot never saw their event, so resuming drops
    /// them (from the journal too) instead of sending a StartTransaction the charger knows nothing of.
    @Test func entriesOfAnUnfinishedEventAreDroppedOnResume() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP1").path
        let directory = try ChargerStateDirectory(path: path)
        try directory.journal.add(Self.entry(1))
        try directory.save(ChargePointSnapshot(nextLocalTransactionId: 2, nextEntryId: 2))
        try directory.journal.add(Self.entry(2))  // the event that died before its snapshot
        let resumed = try #require(try ChargerStateDirectory(path: path).resumeSnapshot)
        #expect(resumed.queuedMessages == [Self.entry(1)])
        #expect(try TransactionJournal.open(path: path + "/queue.jsonl").entries == [Self.entry(1)])
    }

    @Test func aJournalWithoutAnySnapshotBelongsToAnUnfinishedFirstEvent() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP1").path
        try ChargerStateDirectory(path: path).journal.add(Self.entry(1))
        #expect(try ChargerStateDirectory(path: path).resumeSnapshot == nil)
    }

    @Test func anUnreadableSnapshotIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP1").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path + "/snapshot.json"))
        let error = #expect(throws: PersistenceError.self) { try ChargerStateDirectory(path: path) }
        #expect(error?.path == path + "/snapshot.json")
    }
}

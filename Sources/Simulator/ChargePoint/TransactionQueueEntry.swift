import Foundation
import OCPP16

/// One transaction message (OCPP 1.6 §3.7: StartTransaction, StopTransaction, or MeterValues
/// of a transaction), or a security event notification (security whitepaper A04), in the
/// charger's persistent queue: written to storage before it is sent, removed when the central
/// system confirms it.
public struct TransactionQueueEntry: Sendable, Equatable, Codable {
    /// The entry's id, increasing in queue order; also its key in storage.
    public var id: UInt64
    /// `StartTransaction`, `StopTransaction`, `MeterValues` or `SecurityEventNotification`.
    public var action: String
    /// The request payload, JSON. Until the StartTransaction answer is known, `transactionId`
    /// holds the provisional id ``provisionalTransactionId``; it is rewritten then.
    public var payload: String {
        get { payloadJSON.description }
        set { payloadJSON = RawJSON(newValue) }
    }
    /// The payload as the bytes that go on the wire: kept as written, so a queued MeterValues is
    /// not turned into a String and back on its way out (issue 11).
    public var payloadJSON: RawJSON
    /// The charger's own number for the transaction the message belongs to.
    public var localTransactionId: Int
    /// How many times the message was answered with an error or not answered in time.
    public var failedAttempts: Int

    public init(id: UInt64, action: String, payload: String, localTransactionId: Int, failedAttempts: Int = 0) {
        self.init(
            id: id, action: action, payloadJSON: RawJSON(payload), localTransactionId: localTransactionId,
            failedAttempts: failedAttempts)
    }

    /// An entry whose payload is `payloadJSON`'s bytes.
    public init(id: UInt64, action: String, payloadJSON: RawJSON, localTransactionId: Int, failedAttempts: Int = 0) {
        self.id = id
        self.action = action
        self.payloadJSON = payloadJSON
        self.localTransactionId = localTransactionId
        self.failedAttempts = failedAttempts
    }

    // Stored and persisted with the payload as a JSON string, as before the payload was kept as bytes.
    private enum CodingKeys: String, CodingKey {
        case id, action, payload, localTransactionId, failedAttempts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(UInt64.self, forKey: .id),
            action: try container.decode(String.self, forKey: .action),
            payload: try container.decode(String.self, forKey: .payload),
            localTransactionId: try container.decode(Int.self, forKey: .localTransactionId),
            failedAttempts: try container.decode(Int.self, forKey: .failedAttempts))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(action, forKey: .action)
        try container.encode(payload, forKey: .payload)
        try container.encode(localTransactionId, forKey: .localTransactionId)
        try container.encode(failedAttempts, forKey: .failedAttempts)
    }

    /// Whether a CALLERROR answer is retried (§4.8, TransactionMessageAttempts). Only transaction
    /// messages are: any other queued message that was answered reached the central system, and
    /// retrying one a back end does not implement would hold up the transaction messages behind it.
    public var retriedAfterCallError: Bool {
        action != SecurityEventNotificationRequest.action
    }

    /// The transaction id a queued message carries before the central system has assigned one:
    /// negative, so it can never be a real id.
    public static func provisionalTransactionId(forLocal localId: Int) -> Int { -localId }

    /// Reads an entry from the bytes of a ``ChargePointAction/persist(_:)`` entry.
    public init(persisted bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(TransactionQueueEntry.self, from: Data(bytes))
    }

    /// The bytes to store: what `JSONEncoder` with sorted keys (slashes escaped) writes, so
    /// journals written before and after read alike, without its cost on every queued MeterValues.
    public var persistedBytes: [UInt8] {
        let payload = self.payload
        var writer = CompactJSONWriter(capacity: payload.utf8.count + action.utf8.count + 96, escapingSlashes: true)
        writer.beginObject()
        writer.key("action")
        writer.value(action)
        writer.key("failedAttempts")
        writer.value(failedAttempts)
        writer.key("id")
        writer.value(id)
        writer.key("localTransactionId")
        writer.value(localTransactionId)
        writer.key("payload")
        writer.value(payload)
        writer.endObject()
        return writer.bytes
    }
}

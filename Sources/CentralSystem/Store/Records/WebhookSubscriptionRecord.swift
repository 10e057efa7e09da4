import Foundation
import GRDB

/// A notifications v2.0 subscription (webhook channel). Table `webhook_subscription`.
public struct WebhookSubscriptionRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "webhook_subscription"

    /// Row id.
    public var id: Int64?
    /// Where deliveries go.
    public var callbackUrl: String
    /// Subscribed event names, comma-separated (none contains a comma).
    public var events: String
    /// `via`: `webhook` or `kafka` (Kafka subscriptions are kept, not delivered: [INF]).
    public var via: String
    /// The `kafka` settings as JSON, `nil` for webhooks.
    public var kafka: String?
    /// Key of the HMAC-SHA256 `X-Signature`: the API token that created it.
    public var signingKey: String
    /// Creation.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `callbackUrl`
        public static let callbackUrl = Column("callbackUrl")
        /// `events`
        public static let events = Column("events")
        /// `via`
        public static let via = Column("via")
        /// `kafka`
        public static let kafka = Column("kafka")
        /// `signingKey`
        public static let signingKey = Column("signingKey")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, callbackUrl: String, events: String, via: String = "webhook", kafka: String? = nil,
        signingKey: String, createdAt: Date, updatedAt: Date
    ) {
        self.via = via
        self.kafka = kafka
        self.id = id
        self.callbackUrl = callbackUrl
        self.events = events
        self.signingKey = signingKey
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

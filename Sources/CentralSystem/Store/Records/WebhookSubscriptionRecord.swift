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
    /// Subscribed event names, comma-separated.
    public var events: String
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
        /// `signingKey`
        public static let signingKey = Column("signingKey")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `updatedAt`
        public static let updatedAt = Column("updatedAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, callbackUrl: String, events: String, signingKey: String, createdAt: Date, updatedAt: Date
    ) {
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

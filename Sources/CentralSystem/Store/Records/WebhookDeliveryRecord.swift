import Foundation
import GRDB

/// One delivery attempt log entry of a webhook. Table `webhook_delivery`.
public struct WebhookDeliveryRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "webhook_delivery"

    /// Row id.
    public var id: Int64?
    /// Subscription.
    public var subscriptionId: Int64
    /// Event name.
    public var event: String
    /// The same for every attempt of one delivery (one event to one subscription).
    public var deliveryKey: String?
    /// Raw JSON body sent.
    public var payload: String
    /// 1 for the first try.
    public var attempt: Int
    /// HTTP status, `nil` on a network error.
    public var responseStatus: Int?
    /// Network error.
    public var error: String?
    /// Attempt time.
    public var createdAt: Date
    /// Retry time, `nil` when done.
    public var nextAttemptAt: Date?

    /// The table's columns, for queries.
    public enum Columns {
        /// `id`
        public static let id = Column("id")
        /// `subscriptionId`
        public static let subscriptionId = Column("subscriptionId")
        /// `event`
        public static let event = Column("event")
        /// `deliveryKey`
        public static let deliveryKey = Column("deliveryKey")
        /// `payload`
        public static let payload = Column("payload")
        /// `attempt`
        public static let attempt = Column("attempt")
        /// `responseStatus`
        public static let responseStatus = Column("responseStatus")
        /// `error`
        public static let error = Column("error")
        /// `createdAt`
        public static let createdAt = Column("createdAt")
        /// `nextAttemptAt`
        public static let nextAttemptAt = Column("nextAttemptAt")
    }

    /// A record; `id` stays `nil` until inserted.
    public init(
        id: Int64? = nil, subscriptionId: Int64, event: String, deliveryKey: String? = nil, payload: String,
        attempt: Int,
        responseStatus: Int? = nil, error: String? = nil, createdAt: Date, nextAttemptAt: Date? = nil
    ) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.event = event
        self.deliveryKey = deliveryKey
        self.payload = payload
        self.attempt = attempt
        self.responseStatus = responseStatus
        self.error = error
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
    }

    /// Picks up the row id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

import Foundation
import GRDB
import OCPP16

extension Store {
    /// Adds a webhook subscription (notifications v2.0 POST).
    public func addWebhookSubscription(
        callbackUrl: String, events: [String], via: String = "webhook", kafka: String? = nil, signingKey: String,
        now: OCPPTimestamp
    ) async throws -> WebhookSubscriptionRecord {
        defer { forgetWebhookSubscriptions() }
        return try await write { db in
            var subscription = WebhookSubscriptionRecord(
                callbackUrl: callbackUrl, events: events.joined(separator: ","), via: via, kafka: kafka,
                signingKey: signingKey, createdAt: now.date, updatedAt: now.date)
            try subscription.insert(db)
            return subscription
        }
    }

    /// Replaces a subscription's URL and events (notifications v2.0 PUT).
    public func updateWebhookSubscription(
        id: Int64, callbackUrl: String, events: [String], via: String = "webhook", kafka: String? = nil,
        now: OCPPTimestamp
    ) async throws -> WebhookSubscriptionRecord {
        defer { forgetWebhookSubscriptions() }
        return try await write { db in
            guard var subscription = try WebhookSubscriptionRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(table: WebhookSubscriptionRecord.databaseTableName, id: id)
            }
            subscription.callbackUrl = callbackUrl
            subscription.events = events.joined(separator: ",")
            subscription.via = via
            subscription.kafka = kafka
            subscription.updatedAt = now.date
            try subscription.update(db)
            return subscription
        }
    }

    /// Removes a subscription and its delivery log; `false` when absent.
    public func deleteWebhookSubscription(id: Int64) async throws -> Bool {
        defer { forgetWebhookSubscriptions() }
        return try await write { db in try WebhookSubscriptionRecord.deleteOne(db, key: id) }
    }

    /// One subscription.
    public func webhookSubscription(id: Int64) async throws -> WebhookSubscriptionRecord? {
        try await read { db in try WebhookSubscriptionRecord.fetchOne(db, key: id) }
    }

    /// Subscriptions, one slice (cursor-only in the API).
    public func listWebhookSubscriptions(page: PageRequest) async throws -> Page<WebhookSubscriptionRecord> {
        try await read { db in try Paginator.fetch(WebhookSubscriptionRecord.all(), page, idOf: \.id, db) }
    }

    /// The subscriptions that asked for `event`, from memory once loaded.
    public func webhookSubscriptions(for event: String) async throws -> [WebhookSubscriptionRecord] {
        try await allWebhookSubscriptions().filter { $0.events.split(separator: ",").contains(Substring(event)) }
    }

    /// Whether any subscription asked for one of `events` (a change nobody listens to is not mapped).
    public func hasWebhookSubscription(forAnyOf events: [String]) async throws -> Bool {
        try await allWebhookSubscriptions().contains { Self.subscription($0, asksForAnyOf: events) }
    }

    /// ``hasWebhookSubscription(forAnyOf:)`` from the subscriptions in memory, without waiting
    /// (`events` nil: whether there is any subscription at all); nil while they are not loaded
    /// (after a start or a subscription write, until the next lookup loads them).
    func cachedHasWebhookSubscription(forAnyOf events: [String]?) -> Bool? {
        webhookSubscriptionCache.withLock { $0.subscriptions }.map { subscriptions in
            guard let events else { return !subscriptions.isEmpty }
            return subscriptions.contains { Self.subscription($0, asksForAnyOf: events) }
        }
    }

    /// Compares the listed names in place: this runs for every MeterValues once somebody subscribed.
    private static func subscription(_ subscription: WebhookSubscriptionRecord, asksForAnyOf events: [String]) -> Bool {
        subscription.events.split(separator: ",").contains { listed in events.contains { $0 == listed } }
    }

    private func allWebhookSubscriptions() async throws -> [WebhookSubscriptionRecord] {
        let (cached, generation) = webhookSubscriptionCache.withLock { ($0.subscriptions, $0.generation) }
        if let cached { return cached }
        let loaded = try await read { db in
            try WebhookSubscriptionRecord.order(WebhookSubscriptionRecord.Columns.id).fetchAll(db)
        }
        webhookSubscriptionCache.withLock { cache in
            if cache.generation == generation { cache.subscriptions = loaded }
        }
        return loaded
    }

    /// Drops the cached subscriptions after a write (also when it failed: it may have committed).
    private func forgetWebhookSubscriptions() {
        webhookSubscriptionCache.withLock { cache in
            cache.subscriptions = nil
            cache.generation += 1
        }
    }

    /// Appends one delivery attempt to the log.
    public func logWebhookDelivery(_ delivery: WebhookDeliveryRecord) async throws -> WebhookDeliveryRecord {
        try await write { db in
            var delivery = delivery
            try delivery.insert(db)
            return delivery
        }
    }

    /// A subscription's delivery log, oldest first, one slice.
    public func webhookDeliveries(subscriptionId: Int64, page: PageRequest) async throws -> Page<WebhookDeliveryRecord>
    {
        try await read { db in
            let query = WebhookDeliveryRecord.filter(WebhookDeliveryRecord.Columns.subscriptionId == subscriptionId)
            return try Paginator.fetch(query, page, idOf: \.id, db)
        }
    }
}

extension Store {
    /// The last logged attempt of each delivery that asked for a retry, with its subscription.
    public func pendingWebhookRetries() async throws -> [(WebhookDeliveryRecord, WebhookSubscriptionRecord)] {
        try await read { db in
            let waiting = try WebhookDeliveryRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM webhook_delivery AS d
                    WHERE d.nextAttemptAt IS NOT NULL AND d.deliveryKey IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery AS later
                                      WHERE later.deliveryKey = d.deliveryKey AND later.attempt > d.attempt)
                    ORDER BY d.id
                    """)
            return try waiting.compactMap { delivery in
                try WebhookSubscriptionRecord.fetchOne(db, key: delivery.subscriptionId).map { (delivery, $0) }
            }
        }
    }
}

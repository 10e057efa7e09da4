import GRDB

extension StoreMigrations {
    /// Notifications v2.0 keep their channel (`via`, and the Kafka settings as JSON) and every
    /// delivery attempt names the delivery it retries; firmware, diagnostics, log and security
    /// notifications from chargers are kept (they were in memory only).
    static func createV3WebhooksAndNotifications(_ db: Database) throws {
        try db.alter(table: "webhook_subscription") { t in
            t.add(column: "via", .text).notNull().defaults(to: "webhook")
            t.add(column: "kafka", .text)
        }
        try db.alter(table: "webhook_delivery") { t in
            t.add(column: "deliveryKey", .text)
        }
        try db.create(index: "webhook_delivery_on_deliveryKey", on: "webhook_delivery", columns: ["deliveryKey"])
        try db.create(table: "charge_point_notification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.column("notification", .text).notNull()
            t.column("status", .text)
            t.column("requestId", .integer)
            t.column("eventType", .text)
            t.column("techInfo", .text)
            t.column("critical", .boolean)
            t.column("timestamp", .datetime)
            t.column("receivedAt", .datetime).notNull()
        }
        try db.create(
            index: "charge_point_notification_on_chargePointId_notification", on: "charge_point_notification",
            columns: ["chargePointId", "notification"])
    }
}

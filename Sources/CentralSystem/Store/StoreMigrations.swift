import GRDB

/// The store's schema history. Migrations are named, append-only and never edited once shipped
/// (STYLE.md 13); they spell table and column names literally so a later rename of a Swift
/// property cannot silently change an old migration.
public enum StoreMigrations {
    /// Every migration, in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 charge points, EVSEs, id tags, sessions, billing, webhooks", migrate: createV1)
        migrator.registerMigration("v2 locations", migrate: createV2Locations)
        migrator.registerMigration(
            "v3 webhook channels, delivery grouping, charger notifications", migrate: createV3WebhooksAndNotifications)
        migrator.registerMigration("v4 applied charging profiles", migrate: createV4ChargingProfiles)
        migrator.registerMigration(
            "v5 unattached meter samples, MeterValues count per session", migrate: createV5UnattachedMeterSamples)
        migrator.registerMigration("v6 latest sample instants per session", migrate: createV6LatestSampleInstants)
        return migrator
    }

    /// Locations v2.0 (minimal): the API body is kept whole as JSON, since nothing else reads it.
    private static func createV2Locations(_ db: Database) throws {
        try db.create(table: "location") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
    }

    // swift-format-ignore: FunctionBodyLength
    private static func createV1(_ db: Database) throws {
        try db.create(table: "charge_point") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ocppIdentity", .text).notNull().unique()
            t.column("passwordHash", .text)
            t.column("name", .text)
            t.column("vendor", .text)
            t.column("model", .text)
            t.column("serialNumber", .text)
            t.column("chargeBoxSerialNumber", .text)
            t.column("firmwareVersion", .text)
            t.column("iccid", .text)
            t.column("imsi", .text)
            t.column("meterType", .text)
            t.column("meterSerialNumber", .text)
            t.column("adminStatus", .text).notNull()
            t.column("networkStatus", .text).notNull()
            t.column("hardwareStatus", .text)
            t.column("errorCode", .text)
            t.column("vendorErrorCode", .text)
            t.column("lastBootAt", .datetime)
            t.column("lastHeartbeatAt", .datetime)
            t.column("securityProfile", .integer).notNull().check { $0 >= 0 && $0 <= 3 }
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "tariff") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("currency", .text).notNull()
            t.column("pricePerKwh", .text)
            t.column("pricePeriodInMinutes", .integer)
            t.column("pricePerPeriod", .text)
            t.column("connectionFee", .text)
            t.column("minPrice", .text)
            t.column("taxPercentage", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "evse") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.column("networkId", .integer).notNull().check { $0 >= 1 }
            t.column("physicalReference", .text).notNull()
            t.column("currentType", .text).notNull()
            t.column("adminStatus", .text).notNull()
            t.column("hardwareStatus", .text)
            t.column("lastStatusAt", .datetime)
            t.column("errorCode", .text)
            t.column("info", .text)
            t.column("vendorId", .text)
            t.column("vendorErrorCode", .text)
            t.column("maxPower", .integer)
            t.belongsTo("tariff", inTable: "tariff", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["chargePointId", "networkId"])
        }
        try db.create(table: "connector") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("evse", inTable: "evse", onDelete: .cascade).notNull()
            t.column("type", .text).notNull()
            t.column("format", .text)
            t.column("adminStatus", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "id_tag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idTag", .text).notNull().unique()
            t.column("label", .text)
            t.column("status", .text).notNull()
            t.column("type", .text).notNull()
            t.column("expiresAt", .datetime)
            t.column("parentIdTag", .text).references("id_tag", column: "idTag", onDelete: .setNull)
            t.column("userId", .integer)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "authorization") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .setNull)
            t.column("idTag", .text).notNull()
            t.column("method", .text).notNull()
            t.column("status", .text).notNull()
            t.column("rejectionReason", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "tariff_snapshot") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("tariff", inTable: "tariff", onDelete: .setNull)
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("currency", .text).notNull()
            t.column("pricePerKwh", .text)
            t.column("pricePeriodInMinutes", .integer)
            t.column("pricePerPeriod", .text)
            t.column("connectionFee", .text)
            t.column("minPrice", .text)
            t.column("taxPercentage", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "session") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.belongsTo("evse", inTable: "evse", onDelete: .cascade).notNull()
            t.column("connectorId", .integer).notNull()
            t.column("idTag", .text).notNull()
            t.belongsTo("authorization", inTable: "authorization", onDelete: .setNull)
            t.column("transactionId", .integer).notNull()
            t.column("status", .text).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("stoppedAt", .datetime)
            t.column("meterStart", .integer).notNull()
            t.column("meterStop", .integer)
            t.column("energyWh", .double).notNull()
            t.column("powerLatestW", .double)
            t.column("powerPeakW", .double)
            t.column("powerAverageW", .double)
            t.column("socPercent", .double)
            t.column("reason", .text)
            t.column("reservationId", .integer)
            t.belongsTo("tariffSnapshot", inTable: "tariff_snapshot", onDelete: .setNull)
            t.column("totalAmountWithTax", .text)
            t.column("totalAmountWithoutTax", .text)
            t.column("currency", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["chargePointId", "transactionId"])
        }
        try db.create(index: "session_on_status", on: "session", columns: ["status"])
        try db.create(table: "meter_sample") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("session", inTable: "session", onDelete: .cascade).notNull()
            t.column("timestamp", .datetime).notNull()
            t.column("energyWh", .double)
            t.column("powerW", .double)
            t.column("socPercent", .double)
            t.uniqueKey(["sessionId", "timestamp"])
        }
        try db.create(table: "api_token") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("tokenHash", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastUsedAt", .datetime)
        }
        try db.create(table: "webhook_subscription") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("callbackUrl", .text).notNull()
            t.column("events", .text).notNull()
            t.column("signingKey", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "webhook_delivery") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("subscription", inTable: "webhook_subscription", onDelete: .cascade).notNull()
            t.column("event", .text).notNull()
            t.column("payload", .text).notNull()
            t.column("attempt", .integer).notNull().check { $0 >= 1 }
            t.column("responseStatus", .integer)
            t.column("error", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("nextAttemptAt", .datetime)
        }
        try db.create(table: "invoice") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("type", .text).notNull()
            t.column("number", .text).notNull().unique()
            t.column("date", .datetime).notNull()
            t.column("periodFrom", .datetime)
            t.column("periodTo", .datetime)
            t.column("totalEnergyWh", .double)
            t.column("totalAmount", .text).notNull()
            t.column("taxRate", .integer).notNull()
            t.column("taxAmount", .text).notNull()
            t.column("service", .text).notNull()
            t.column("quantity", .text).notNull()
            t.column("unitPrice", .text).notNull()
            t.column("subtotal", .text).notNull()
            t.column("currency", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "transaction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("session", inTable: "session", onDelete: .setNull)
            t.column("status", .text).notNull()
            t.column("totalAmount", .text).notNull()
            t.column("currency", .text).notNull()
            t.column("ref", .text).notNull()
            t.column("purchaseResourceType", .text).notNull()
            t.belongsTo("invoice", inTable: "invoice", onDelete: .setNull)
            t.column("finalizedAt", .datetime)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "reservation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.belongsTo("evse", inTable: "evse", onDelete: .cascade).notNull()
            t.column("userId", .integer).notNull()
            t.column("idTag", .text).notNull()
            t.column("status", .text).notNull()
            t.column("reservedAt", .datetime).notNull()
            t.column("durationMinutes", .integer).notNull().check { $0 > 0 }
            t.column("canceledAt", .datetime)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "charge_point_configuration") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.column("key", .text).notNull()
            t.column("value", .text)
            t.column("readonly", .boolean).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["chargePointId", "key"])
        }
    }
}

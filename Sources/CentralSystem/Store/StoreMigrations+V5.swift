import GRDB

extension StoreMigrations {
    /// MeterValues samples that belong to no session (OCPP 1.6 §4.7): clock-aligned or triggered
    /// readings of a connector outside a transaction, and samples for a transactionId the central
    /// system does not know. Kept per charge point and connector rather than answered and dropped.
    /// `session.meterValuesCount` counts the MeterValues applied to each session.
    static func createV5UnattachedMeterSamples(_ db: Database) throws {
        try db.alter(table: "session") { t in
            t.add(column: "meterValuesCount", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "unattached_meter_sample") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.column("connectorId", .integer).notNull()
            t.column("transactionId", .integer)
            t.column("timestamp", .datetime).notNull()
            t.column("energyWh", .double)
            t.column("powerW", .double)
            t.column("socPercent", .double)
            t.uniqueKey(["chargePointId", "connectorId", "timestamp"])
        }
    }
}

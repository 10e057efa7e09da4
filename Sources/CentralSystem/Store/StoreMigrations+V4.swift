import GRDB

extension StoreMigrations {
    /// The last charging profile a charger accepted, per charge point and connector (0 = the
    /// whole charge point), for the `chargingProfile` include of charge points v2.0 and EVSEs.
    static func createV4ChargingProfiles(_ db: Database) throws {
        try db.create(table: "applied_charging_profile") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("chargePoint", inTable: "charge_point", onDelete: .cascade).notNull()
            t.column("connectorId", .integer).notNull()
            t.column("profileId", .integer).notNull()
            t.column("profile", .text).notNull()
            t.column("appliedAt", .datetime).notNull()
            t.uniqueKey(["chargePointId", "connectorId"])
        }
    }
}

import GRDB

extension StoreMigrations {
    /// When each session's latest sample with energy, with power and with SoC was taken
    /// (milliseconds since 1970; NULL until there is one). The session's energy, power and SoC
    /// follow the latest sample of each by timestamp; with these instants a MeterValues updates
    /// them from the rows it wrote. Before, every MeterValues read them back from `meter_sample`,
    /// walking back over each sample lacking the column: for a measurand a charger never sends
    /// (SoC from an AC wallbox) that read the whole session, so a MeterValues cost more the
    /// longer the session ran (issue 11). Existing sessions get theirs from their samples.
    static func createV6LatestSampleInstants(_ db: Database) throws {
        try db.alter(table: "session") { t in
            t.add(column: "energySampleMs", .integer)
            t.add(column: "powerSampleMs", .integer)
            t.add(column: "socSampleMs", .integer)
        }
        // The stored text is UTC to the millisecond: julianday's Double is exact to ~50 µs here.
        try db.execute(
            sql: """
                UPDATE session SET
                    energySampleMs = (SELECT CAST(ROUND((julianday(MAX(timestamp)) - 2440587.5) * 86400000) AS INTEGER)
                        FROM meter_sample WHERE sessionId = session.id AND energyWh IS NOT NULL),
                    powerSampleMs = (SELECT CAST(ROUND((julianday(MAX(timestamp)) - 2440587.5) * 86400000) AS INTEGER)
                        FROM meter_sample WHERE sessionId = session.id AND powerW IS NOT NULL),
                    socSampleMs = (SELECT CAST(ROUND((julianday(MAX(timestamp)) - 2440587.5) * 86400000) AS INTEGER)
                        FROM meter_sample WHERE sessionId = session.id AND socPercent IS NOT NULL)
                """)
    }
}

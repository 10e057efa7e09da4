import Foundation
import GRDB
import OCPP16

extension Store {
    /// Stores a GetConfiguration answer (OCPP 1.6 §5.8) as the charge point's configuration cache:
    /// known keys are updated, new ones added, in one transaction. Keys the charger did not
    /// report are kept (a partial `keys[]` request must not erase the rest).
    public func cacheConfiguration(identity: String, keys: [KeyValue], now: OCPPTimestamp) async throws {
        try await write { db in
            let (_, chargePointId) = try Self.knownChargePoint(identity: identity, db)
            for entry in keys {
                let key = entry.key.value
                if var cached = try ConfigurationKeyRecord.filter(
                    ConfigurationKeyRecord.Columns.chargePointId == chargePointId
                        && ConfigurationKeyRecord.Columns.key == key
                ).fetchOne(db) {
                    cached.value = entry.value?.value
                    cached.readonly = entry.readonly
                    cached.updatedAt = now.date
                    try cached.update(db)
                } else {
                    var cached = ConfigurationKeyRecord(
                        chargePointId: chargePointId, key: key, value: entry.value?.value, readonly: entry.readonly,
                        updatedAt: now.date)
                    try cached.insert(db)
                }
            }
        }
    }

    /// The cached configuration of a charge point, by key name.
    public func cachedConfiguration(chargePointId: Int64) async throws -> [ConfigurationKeyRecord] {
        try await read { db in
            try ConfigurationKeyRecord.filter(ConfigurationKeyRecord.Columns.chargePointId == chargePointId)
                .order(ConfigurationKeyRecord.Columns.key).fetchAll(db)
        }
    }
}

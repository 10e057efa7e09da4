import Foundation
import GRDB
import OCPP16
import PublicAPI

extension Store {
    /// Keeps `profile` as the last one the charger accepted on `connectorId` (0 = the whole
    /// charge point), replacing the one before.
    public func recordAppliedChargingProfile(
        _ profile: AppliedChargingProfile, chargePointId: Int64, connectorId: Int, now: OCPPTimestamp
    ) async throws {
        let json = String(decoding: try PublicAPIJSON.makeEncoder().encode(profile), as: UTF8.self)
        try await write { db in
            try AppliedChargingProfileRecord.filter(
                AppliedChargingProfileRecord.Columns.chargePointId == chargePointId
                    && AppliedChargingProfileRecord.Columns.connectorId == connectorId
            ).deleteAll(db)
            var record = AppliedChargingProfileRecord(
                chargePointId: chargePointId, connectorId: connectorId, profileId: profile.id ?? 0, profile: json,
                appliedAt: now.date)
            try record.insert(db)
        }
    }

    /// The last profile accepted on each connector of `chargePointIds` with `connectorId`, by
    /// charge point id; a charge point with none is absent.
    public func appliedChargingProfiles(chargePointIds: [Int64], connectorId: Int) async throws
        -> [Int64: AppliedChargingProfile]
    {
        let records = try await read { db in
            try AppliedChargingProfileRecord.filter(
                chargePointIds.contains(AppliedChargingProfileRecord.Columns.chargePointId)
                    && AppliedChargingProfileRecord.Columns.connectorId == connectorId
            ).fetchAll(db)
        }
        var profiles: [Int64: AppliedChargingProfile] = [:]
        let decoder = PublicAPIJSON.makeDecoder()
        for record in records {
            profiles[record.chargePointId] = try? decoder.decode(
                AppliedChargingProfile.self, from: Data(record.profile.utf8))
        }
        return profiles
    }

    /// Forgets the kept profiles a ClearChargingProfile the charger accepted removed (OCPP 1.6
    /// §5.5): the one with `profileId`, or else every one matching the given connector, purpose
    /// and stack level (a criterion left `nil` matches all).
    public func clearAppliedChargingProfiles(
        chargePointId: Int64, profileId: Int?, connectorId: Int?, purpose: ProfilePurpose?, stackLevel: Int?
    ) async throws {
        try await write { db in
            let decoder = PublicAPIJSON.makeDecoder()
            let records = try AppliedChargingProfileRecord.filter(
                AppliedChargingProfileRecord.Columns.chargePointId == chargePointId
            ).fetchAll(db)
            for record in records {
                let matches: Bool
                if let profileId {
                    matches = record.profileId == profileId
                } else {
                    let kept = try? decoder.decode(AppliedChargingProfile.self, from: Data(record.profile.utf8))
                    matches =
                        (connectorId.map { $0 == record.connectorId } ?? true)
                        && (purpose.map { $0 == kept?.purpose } ?? true)
                        && (stackLevel.map { $0 == kept?.stackLevel } ?? true)
                }
                if matches { try record.delete(db) }
            }
        }
    }
}

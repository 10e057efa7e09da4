import OCPP16

/// The charger's installed charging profiles (OCPP 1.6 section 3.13): the SetChargingProfile and
/// ClearChargingProfile rules, and the TxProfile lifetime. Sans-I/O: time comes in as `now`.
///
/// The composite schedule and the instantaneous limit are in `ChargingProfileStore+CompositeSchedule`.
/// Codable, so the charger can persist its profiles across a restart.
public struct ChargingProfileStore: Sendable, Equatable, Codable {
    /// The installed profiles, in installation order.
    public private(set) var profiles: [InstalledChargingProfile] = []

    public init() {}

    /// Installs the profile of a `SetChargingProfile.req` (sections 3.13.1, 3.13.2, 5.16, 6.43).
    ///
    /// Rejected when: the connector is unknown; a ChargePointMaxProfile is not on connector 0 or is
    /// Relative; a TxProfile is on connector 0, has no running transaction on its connector, or names
    /// another transaction; the stack level, unit, period count or profile count exceed `limits`
    /// (section 9.4); the schedule is malformed (no periods, first not at 0, not increasing, negative
    /// limit or duration, numberPhases outside 1...3, a `startPeriod` or `duration` beyond
    /// `Int32.max` seconds); a Recurring profile lacks `startSchedule` or `recurrencyKind`; or
    /// `validTo` is not after `validFrom` and `now`.
    /// A profile with the same `chargingProfileId`, or the same purpose and stack level on the same
    /// connector, is replaced (section 5.16). A TxProfile is stamped with the running transaction's id.
    /// (`startedAt` is not kept: ``limit(connectorId:at:transactionStart:connectorPhases:voltage:)`` and
    /// the composite take the transaction start when they need it.)
    public mutating func install(
        _ request: SetChargingProfileRequest,
        connectorCount: Int,
        activeTransaction: (_ connectorId: Int) -> (transactionId: Int, startedAt: OCPPTimestamp)?,
        limits: SmartChargingLimits,
        now: OCPPTimestamp
    ) -> ChargingProfileStatus {
        var profile = request.csChargingProfiles
        let connectorId = request.connectorId
        guard connectorId >= 0, connectorId <= connectorCount else { return .rejected }
        switch profile.chargingProfilePurpose {
        case .chargePointMaxProfile:
            guard connectorId == 0, profile.chargingProfileKind != .relative else { return .rejected }
        case .txDefaultProfile:
            break
        case .txProfile:
            guard connectorId > 0, let transaction = activeTransaction(connectorId) else { return .rejected }
            if let transactionId = profile.transactionId, transactionId != transaction.transactionId {
                return .rejected
            }
            profile.transactionId = transaction.transactionId
        }
        guard Self.isAcceptable(profile, limits: limits, now: now) else { return .rejected }
        let remaining = profiles.filter { installed in
            installed.profile.chargingProfileId != profile.chargingProfileId
                && !(installed.connectorId == connectorId
                    && installed.profile.chargingProfilePurpose == profile.chargingProfilePurpose
                    && installed.profile.stackLevel == profile.stackLevel)
        }
        guard remaining.count < limits.maxProfilesInstalled else { return .rejected }
        profiles = remaining
        profiles.append(InstalledChargingProfile(connectorId: connectorId, profile: profile, installedAt: now))
        return .accepted
    }

    /// Installs the `chargingProfile` of an accepted `RemoteStartTransaction.req` once its transaction
    /// runs (section 5.11: it must be a TxProfile; the charger adds the `transactionId`). The same
    /// rules as ``install(_:connectorCount:activeTransaction:limits:now:)`` apply.
    public mutating func installTransactionProfile(
        _ profile: ChargingProfile,
        connectorId: Int,
        connectorCount: Int,
        transactionId: Int,
        startedAt: OCPPTimestamp,
        limits: SmartChargingLimits,
        now: OCPPTimestamp
    ) -> ChargingProfileStatus {
        guard profile.chargingProfilePurpose == .txProfile else { return .rejected }
        var profile = profile
        profile.transactionId = transactionId
        return install(
            SetChargingProfileRequest(connectorId: connectorId, csChargingProfiles: profile),
            connectorCount: connectorCount,
            activeTransaction: { $0 == connectorId ? (transactionId, startedAt) : nil },
            limits: limits,
            now: now
        )
    }

    /// Removes profiles per a `ClearChargingProfile.req` (sections 5.5, 6.13): the one with `id` when
    /// given (the other fields are then ignored), else every profile matching all the given
    /// `connectorId`, `chargingProfilePurpose` and `stackLevel` (no field: all profiles).
    /// `Unknown` when nothing matched.
    public mutating func clear(_ request: ClearChargingProfileRequest) -> ClearChargingProfileStatus {
        let matches: (InstalledChargingProfile) -> Bool
        if let id = request.id {
            matches = { $0.profile.chargingProfileId == id }
        } else {
            matches = { installed in
                (request.connectorId.map { $0 == installed.connectorId } ?? true)
                    && (request.chargingProfilePurpose.map { $0 == installed.profile.chargingProfilePurpose } ?? true)
                    && (request.stackLevel.map { $0 == installed.profile.stackLevel } ?? true)
            }
        }
        let before = profiles.count
        profiles.removeAll(where: matches)
        return profiles.count < before ? .accepted : .unknown
    }

    /// The transaction on `connectorId` ended: its TxProfiles go (section 3.13.1, TxProfile).
    public mutating func transactionEnded(connectorId: Int) {
        profiles.removeAll {
            $0.connectorId == connectorId && $0.profile.chargingProfilePurpose == .txProfile
        }
    }

    /// The longest `startPeriod` or `duration` accepted (about 68 years), so that milliseconds never overflow.
    static let maxSeconds = Int(Int32.max)

    /// Whether `profile` fits `limits` and is well formed.
    private static func isAcceptable(_ profile: ChargingProfile, limits: SmartChargingLimits, now: OCPPTimestamp)
        -> Bool
    {
        let schedule = profile.chargingSchedule
        let periods = schedule.chargingSchedulePeriod
        guard profile.stackLevel >= 0, profile.stackLevel <= limits.maxStackLevel,
            limits.allowedChargingRateUnits.contains(schedule.chargingRateUnit),
            !periods.isEmpty, periods.count <= limits.maxSchedulePeriods,
            periods[0].startPeriod == 0,
            zip(periods, periods.dropFirst()).allSatisfy({ $0.startPeriod < $1.startPeriod }),
            periods.allSatisfy({ $0.limit.tenths >= 0 && ($0.numberPhases.map { (1...3).contains($0) } ?? true) }),
            periods.allSatisfy({ $0.startPeriod <= Self.maxSeconds }),
            (0...Self.maxSeconds).contains(schedule.duration ?? 0),
            (schedule.minChargingRate?.tenths ?? 0) >= 0
        else { return false }
        if profile.chargingProfileKind == .recurring, schedule.startSchedule == nil || profile.recurrencyKind == nil {
            return false
        }
        if let validTo = profile.validTo {
            if validTo <= now { return false }
            if let validFrom = profile.validFrom, validTo <= validFrom { return false }
        }
        return true
    }
}

import OCPP16

/// A charging profile the charger holds, with the connector it was set on and when it arrived
/// (OCPP 1.6 section 3.13 and 5.16).
///
/// Times inside are milliseconds since 1970, as ``OCPPTimestamp`` keeps them.
public struct InstalledChargingProfile: Sendable, Hashable, Codable {
    /// The connector of the `SetChargingProfile.req`; 0 is the whole charge point.
    public var connectorId: Int
    /// The profile as sent; a TxProfile carries the transaction it belongs to.
    public var profile: ChargingProfile
    /// When the charger accepted it.
    public var installedAt: OCPPTimestamp

    public init(connectorId: Int, profile: ChargingProfile, installedAt: OCPPTimestamp) {
        self.connectorId = connectorId
        self.profile = profile
        self.installedAt = installedAt
    }

    static let millisecondsPerDay: Int64 = 86_400_000

    /// The length of one recurrence (section 7.12, RecurrencyKindType), `nil` unless Recurring.
    var recurrence: Int64? {
        switch profile.chargingProfileKind {
        case .absolute, .relative:
            return nil
        case .recurring:
            switch profile.recurrencyKind {
            case .daily, nil: return Self.millisecondsPerDay
            case .weekly: return 7 * Self.millisecondsPerDay
            }
        }
    }

    /// How long one run of the schedule lasts; `nil` when the last period goes on indefinitely
    /// (section 7.11: no `duration`). A recurring schedule never outlasts its recurrence.
    var scheduleLength: Int64? {
        let duration = profile.chargingSchedule.duration.map { Int64($0) * 1000 }
        guard let recurrence else { return duration }
        return min(duration ?? recurrence, recurrence)
    }

    /// Where the schedule run in effect at `instant` starts. Absolute: `startSchedule`, or without one
    /// the start of charging (section 7.13); Relative: the start of charging (section 7.10); Recurring:
    /// the latest repetition of `startSchedule` not after `instant` (before the first: `startSchedule`).
    /// The start of charging is `relativeStart`, or `instant` itself without a transaction, as if one
    /// began then.
    func scheduleStart(at instant: Int64, relativeStart: Int64?) -> Int64 {
        let startSchedule = profile.chargingSchedule.startSchedule?.millisecondsSince1970
        switch profile.chargingProfileKind {
        case .absolute:
            return startSchedule ?? relativeStart ?? instant
        case .relative:
            return relativeStart ?? instant
        case .recurring:
            // Install rejects a Recurring profile without startSchedule.
            let anchor = startSchedule ?? instant
            let length = recurrence ?? Self.millisecondsPerDay
            // The recurrence begins at startSchedule: before it, the schedule has not started.
            return anchor + max(0, Self.floorDivide(instant - anchor, length)) * length
        }
    }

    /// The start of an Absolute or Relative schedule; `nil` for a Recurring one, and for one that runs
    /// from the start of charging when there is no transaction (it moves with the instant).
    private func fixedStart(relativeStart: Int64?) -> Int64? {
        switch profile.chargingProfileKind {
        case .absolute: profile.chargingSchedule.startSchedule?.millisecondsSince1970 ?? relativeStart
        case .relative: relativeStart
        case .recurring: nil
        }
    }

    /// The period limit at `instant`, or `nil` when the profile is not valid then (`validFrom` ≤ t <
    /// `validTo`, section 7.9) or its schedule has not started or has ended (`duration`).
    func limit(at instant: Int64, relativeStart: Int64?) -> ScheduledLimit? {
        if let validFrom = profile.validFrom, instant < validFrom.millisecondsSince1970 { return nil }
        if let validTo = profile.validTo, instant >= validTo.millisecondsSince1970 { return nil }
        let offset = instant - scheduleStart(at: instant, relativeStart: relativeStart)
        guard offset >= 0 else { return nil }
        if let scheduleLength, offset >= scheduleLength { return nil }
        // Periods are sorted by startPeriod: install rejects any other order.
        guard
            let period = profile.chargingSchedule.chargingSchedulePeriod.last(where: {
                Int64($0.startPeriod) * 1000 <= offset
            })
        else { return nil }
        return ScheduledLimit(
            value: period.limit.value,
            unit: profile.chargingSchedule.chargingRateUnit,
            numberPhases: period.numberPhases
        )
    }

    /// Every instant in `from..<to` at which ``limit(at:relativeStart:)`` may change: validity bounds,
    /// period starts and schedule ends. A schedule that moves with the instant (from the start of
    /// charging, without a transaction) has only its validity bounds.
    func boundaries(from: Int64, to: Int64, relativeStart: Int64?) -> [Int64] {
        var points = [profile.validFrom, profile.validTo].compactMap { $0?.millisecondsSince1970 }
        var offsets = profile.chargingSchedule.chargingSchedulePeriod.map { Int64($0.startPeriod) * 1000 }
        if let scheduleLength { offsets.append(scheduleLength) }
        switch profile.chargingProfileKind {
        case .absolute, .relative:
            if let start = fixedStart(relativeStart: relativeStart) { points += offsets.map { start + $0 } }
        case .recurring:
            let length = recurrence ?? Self.millisecondsPerDay
            var cycle = scheduleStart(at: from, relativeStart: relativeStart)
            while cycle < to {
                points += offsets.map { cycle + $0 }
                cycle += length
            }
        }
        return points.filter { $0 >= from && $0 < to }
    }

    static func floorDivide(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let quotient = lhs / rhs
        return (lhs % rhs != 0 && (lhs < 0) != (rhs < 0)) ? quotient - 1 : quotient
    }
}

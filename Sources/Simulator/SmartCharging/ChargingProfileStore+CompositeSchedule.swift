import OCPP16

/// The composite schedule (OCPP 1.6 sections 3.13.2, 3.13.3, 5.7): at each instant, within each
/// purpose the valid profile of highest stack level wins; a TxProfile overrides the TxDefaultProfile;
/// the ChargePointMaxProfile caps the result.
extension ChargingProfileStore {
    /// The longest composite schedule computed, in seconds: 366 days, which bounds its period count.
    public static let maxCompositeDuration = 366 * 86_400

    /// The limit the connector must obey at `now`, in the unit of the profile that sets it; `nil` when
    /// no profile limits it. Connector 0 is the whole charge point: its ChargePointMaxProfile.
    ///
    /// A Relative schedule runs from `transactionStart` (section 7.10); without one it is read as if a
    /// transaction started at `now`. A W limit and an A limit are compared in W using the period's
    /// `numberPhases` (else `connectorPhases`) and `voltage`.
    public func limit(
        connectorId: Int,
        at now: OCPPTimestamp,
        transactionStart: OCPPTimestamp?,
        connectorPhases: Int = 3,
        voltage: Double = 230
    ) -> ChargingLimit? {
        effectiveLimit(
            connectorId: connectorId,
            at: now.millisecondsSince1970,
            relativeStart: transactionStart?.millisecondsSince1970,
            connectorPhases: connectorPhases,
            voltage: voltage
        )?.chargingLimit
    }

    /// The composite schedule of `connectorId` from `now` for `duration` seconds: the schedule of a
    /// `GetCompositeSchedule.conf` (sections 5.7, 6.22), with `startSchedule` = `now`.
    ///
    /// `maximum` is the connector's own limit (its rating, a local limit): it caps every period and
    /// fills the time no profile covers. Periods are in `unit`, or else in the unit of the limit in
    /// force at `now`; an A↔W conversion uses `numberPhases` (else `connectorPhases`) and `voltage`,
    /// rounding down to 0.1. Equal adjacent periods are merged; a boundary that falls inside a second
    /// starts its period at that whole second. `minChargingRate` is that of the TxProfile or
    /// TxDefaultProfile in force at `now`, converted to `unit`. `duration` is clamped to
    /// 0...``maxCompositeDuration``.
    public func composite(
        connectorId: Int,
        duration: Int,
        unit: ChargingRateUnit?,
        now: OCPPTimestamp,
        transactionStart: OCPPTimestamp?,
        maximum: ChargingLimit,
        connectorPhases: Int = 3,
        voltage: Double = 230
    ) -> ChargingSchedule {
        let duration = min(max(duration, 0), Self.maxCompositeDuration)
        let from = now.millisecondsSince1970
        let to = from + Int64(duration) * 1000
        // Without a transaction a Relative schedule is shown as if one started now.
        let relativeStart = transactionStart?.millisecondsSince1970 ?? from
        let cap = ScheduledLimit(maximum)
        var points: Set<Int64> = [from]
        for installed in applicable(to: connectorId) {
            points.formUnion(installed.boundaries(from: from, to: to, relativeStart: relativeStart))
        }
        let startLimit = effectiveLimit(
            connectorId: connectorId, at: from, relativeStart: relativeStart,
            connectorPhases: connectorPhases, voltage: voltage
        )
        let outputUnit = unit ?? startLimit?.unit ?? cap.unit
        var periods: [ChargingSchedulePeriod] = []
        for point in points.sorted() {
            let profileLimit = effectiveLimit(
                connectorId: connectorId, at: point, relativeStart: relativeStart,
                connectorPhases: connectorPhases, voltage: voltage
            )
            let limit = profileLimit?.stricter(cap, connectorPhases: connectorPhases, voltage: voltage) ?? cap
            let period = ChargingSchedulePeriod(
                startPeriod: Int((point - from) / 1000),
                limit: Self.tenthsRoundedDown(
                    limit.value(in: outputUnit, connectorPhases: connectorPhases, voltage: voltage)
                ),
                numberPhases: limit.numberPhases
            )
            if let last = periods.last, last.startPeriod == period.startPeriod {
                periods.removeLast()
            }
            if let last = periods.last, last.limit == period.limit, last.numberPhases == period.numberPhases {
                continue
            }
            periods.append(period)
        }
        let minChargingRate = transactionLevelWinner(connectorId: connectorId, at: from, relativeStart: relativeStart)
            .flatMap { winner -> DecimalTenths? in
                guard let rate = winner.profile.profile.chargingSchedule.minChargingRate else { return nil }
                let minimum = ScheduledLimit(
                    value: rate.value,
                    unit: winner.profile.profile.chargingSchedule.chargingRateUnit,
                    numberPhases: winner.limit.numberPhases
                )
                return Self.tenthsRoundedDown(
                    minimum.value(in: outputUnit, connectorPhases: connectorPhases, voltage: voltage)
                )
            }
        return ChargingSchedule(
            duration: duration,
            startSchedule: now,
            chargingRateUnit: outputUnit,
            chargingSchedulePeriod: periods,
            minChargingRate: minChargingRate
        )
    }

    /// Answers a `GetCompositeSchedule.req` (sections 5.7, 6.21, 6.22): `Accepted` with the composite
    /// schedule starting `now`, or `Rejected` for an unknown connector or a duration outside
    /// 0...``maxCompositeDuration`` (the charger cannot report it, section 5.7).
    /// `maximum` gives each connector's own limit (connector 0: the grid connection's).
    public func getCompositeSchedule(
        _ request: GetCompositeScheduleRequest,
        connectorCount: Int,
        now: OCPPTimestamp,
        transactionStart: (_ connectorId: Int) -> OCPPTimestamp?,
        maximum: (_ connectorId: Int) -> ChargingLimit,
        connectorPhases: Int = 3,
        voltage: Double = 230
    ) -> GetCompositeScheduleResponse {
        let connectorId = request.connectorId
        guard connectorId >= 0, connectorId <= connectorCount,
            (0...Self.maxCompositeDuration).contains(request.duration)
        else {
            return GetCompositeScheduleResponse(status: .rejected)
        }
        let schedule = composite(
            connectorId: connectorId,
            duration: request.duration,
            unit: request.chargingRateUnit,
            now: now,
            transactionStart: connectorId == 0 ? nil : transactionStart(connectorId),
            maximum: maximum(connectorId),
            connectorPhases: connectorPhases,
            voltage: voltage
        )
        return GetCompositeScheduleResponse(
            status: .accepted,
            connectorId: connectorId,
            scheduleStart: now,
            chargingSchedule: schedule
        )
    }

    /// The first instant after `now` at which the connector's limit changes (a period boundary, a
    /// schedule end, `validFrom`/`validTo`, a recurrence), so the charger wakes up exactly then;
    /// `nil` when it never changes.
    public func nextChange(
        connectorId: Int,
        after now: OCPPTimestamp,
        transactionStart: OCPPTimestamp?,
        connectorPhases: Int = 3,
        voltage: Double = 230
    ) -> OCPPTimestamp? {
        let from = now.millisecondsSince1970 + 1
        let relativeStart = transactionStart?.millisecondsSince1970
        var candidates: Set<Int64> = []
        for installed in applicable(to: connectorId) {
            // Two recurrences after it starts and is valid hold every boundary a repeating schedule has.
            let horizon =
                installed.recurrence.map { recurrence in
                    let begins = max(
                        from, installed.scheduleStart(at: from, relativeStart: relativeStart),
                        installed.profile.validFrom?.millisecondsSince1970 ?? from
                    )
                    return begins + 2 * recurrence
                } ?? Int64.max
            candidates.formUnion(installed.boundaries(from: from, to: horizon, relativeStart: relativeStart))
            for bound in [installed.profile.validFrom, installed.profile.validTo] {
                if let bound, bound.millisecondsSince1970 >= from { candidates.insert(bound.millisecondsSince1970) }
            }
        }
        var previous = effectiveLimit(
            connectorId: connectorId, at: now.millisecondsSince1970, relativeStart: relativeStart,
            connectorPhases: connectorPhases, voltage: voltage
        )
        for candidate in candidates.sorted() {
            let next = effectiveLimit(
                connectorId: connectorId, at: candidate, relativeStart: relativeStart,
                connectorPhases: connectorPhases, voltage: voltage
            )
            if next != previous { return OCPPTimestamp(millisecondsSince1970: candidate) }
            previous = next
        }
        return nil
    }

    /// The first instant after `now` at which the limit of any connector `0...connectorCount` changes:
    /// one wake-up timer for the whole charger.
    public func nextChange(
        after now: OCPPTimestamp,
        connectorCount: Int,
        transactionStart: (_ connectorId: Int) -> OCPPTimestamp?,
        connectorPhases: Int = 3,
        voltage: Double = 230
    ) -> OCPPTimestamp? {
        guard connectorCount >= 0 else { return nil }
        return (0...connectorCount).compactMap { connectorId in
            nextChange(
                connectorId: connectorId, after: now, transactionStart: transactionStart(connectorId),
                connectorPhases: connectorPhases, voltage: voltage
            )
        }.min()
    }

    /// The profiles that can limit `connectorId`: its TxProfiles and TxDefaultProfiles, those of
    /// connector 0, and the ChargePointMaxProfiles; for connector 0 only the ChargePointMaxProfiles.
    func applicable(to connectorId: Int) -> [InstalledChargingProfile] {
        profiles.filter { installed in
            switch installed.profile.chargingProfilePurpose {
            case .chargePointMaxProfile: true
            case .txDefaultProfile:
                connectorId != 0 && (installed.connectorId == 0 || installed.connectorId == connectorId)
            case .txProfile: connectorId != 0 && installed.connectorId == connectorId
            }
        }
    }

    /// The combined limit at `instant` (section 3.13.3): the TxProfile's, else the TxDefaultProfile's,
    /// capped by the ChargePointMaxProfile's; connector 0 has only the latter.
    func effectiveLimit(
        connectorId: Int,
        at instant: Int64,
        relativeStart: Int64?,
        connectorPhases: Int,
        voltage: Double
    ) -> ScheduledLimit? {
        let chargePointMax = winner(
            of: .chargePointMaxProfile, connectorId: connectorId, at: instant, relativeStart: relativeStart
        )?.limit
        guard connectorId != 0 else { return chargePointMax }
        let transactionLevel = transactionLevelWinner(
            connectorId: connectorId, at: instant, relativeStart: relativeStart)?
            .limit
        switch (transactionLevel, chargePointMax) {
        case (nil, nil): return nil
        case (let limit?, nil), (nil, let limit?): return limit
        case (let transaction?, let maximum?):
            return transaction.stricter(maximum, connectorPhases: connectorPhases, voltage: voltage)
        }
    }

    /// The TxProfile in force at `instant`, else the TxDefaultProfile (section 3.13.3).
    func transactionLevelWinner(
        connectorId: Int,
        at instant: Int64,
        relativeStart: Int64?
    ) -> (profile: InstalledChargingProfile, limit: ScheduledLimit)? {
        guard connectorId != 0 else { return nil }
        return winner(of: .txProfile, connectorId: connectorId, at: instant, relativeStart: relativeStart)
            ?? winner(of: .txDefaultProfile, connectorId: connectorId, at: instant, relativeStart: relativeStart)
    }

    /// Within `purpose`, the profile of highest stack level whose schedule has a period at `instant`
    /// (section 3.13.2); at equal levels a connector's own profile beats one set on connector 0.
    func winner(
        of purpose: ChargingProfilePurpose,
        connectorId: Int,
        at instant: Int64,
        relativeStart: Int64?
    ) -> (profile: InstalledChargingProfile, limit: ScheduledLimit)? {
        var best: (profile: InstalledChargingProfile, limit: ScheduledLimit)?
        for installed in applicable(to: connectorId) where installed.profile.chargingProfilePurpose == purpose {
            guard let limit = installed.limit(at: instant, relativeStart: relativeStart) else { continue }
            if let current = best {
                let rank = (installed.profile.stackLevel, installed.connectorId == 0 ? 0 : 1)
                let currentRank = (current.profile.profile.stackLevel, current.profile.connectorId == 0 ? 0 : 1)
                guard rank > currentRank else { continue }
            }
            best = (installed, limit)
        }
        return best
    }

    /// `value` rounded down to 0.1, so a converted limit never exceeds the original.
    static func tenthsRoundedDown(_ value: Double) -> DecimalTenths {
        // The small epsilon keeps 16.1 (stored as 16.0999…) at 16.1.
        let tenths = (value * 10 + 1e-6).rounded(.down)
        guard tenths.isFinite, abs(tenths) < 1e15 else { return DecimalTenths(tenths: 0) }
        return DecimalTenths(tenths: Int(tenths))
    }
}

import OCPP16

// Smart charging (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): the profile store answers the central
// system's calls, and the meter obeys the composite limit at every instant. The limit is
// recomputed after every event and at every instant the store says it changes (a period
// boundary, validFrom/validTo, a recurrence), and `begin` steps the meters through those
// instants so that the energy integral changes exactly there, however late the timer fires.
extension ChargePoint {
    /// The charger takes SetChargingProfile, ClearChargingProfile and GetCompositeSchedule, and
    /// a RemoteStartTransaction's `chargingProfile`, only with the SmartCharging feature profile.
    var supportsSmartCharging: Bool { profile.featureProfiles.contains(.smartCharging) }

    /// The §9.4 limits from the configuration keys; the keys are read-only and always present
    /// with SmartCharging, so the fallback (nothing accepted) only guards a broken profile.
    var smartChargingLimits: SmartChargingLimits {
        SmartChargingLimits(configuration: configuration.values)
            ?? SmartChargingLimits(
                maxStackLevel: 0, allowedChargingRateUnits: [], maxSchedulePeriods: 0, maxProfilesInstalled: 0)
    }

    /// The transaction on each connector as the profile store sees it: its id (the provisional
    /// one until StartTransaction is answered) and its start.
    var activeTransactions: [Int: (transactionId: Int, startedAt: OCPPTimestamp)] {
        var active: [Int: (transactionId: Int, startedAt: OCPPTimestamp)] = [:]
        for connector in connectors {
            guard let transaction = connector.transaction else { continue }
            active[connector.id] = (
                transaction.transactionId
                    ?? TransactionQueueEntry.provisionalTransactionId(forLocal: transaction.localId),
                transaction.startedAt
            )
        }
        return active
    }

    /// The phases a limit in A is multiplied by on `rating`: its own for AC; for DC the meter
    /// reads an A limit as three-phase grid current, and so does the store.
    static func limitPhases(_ rating: ConnectorRating) -> Int {
        switch rating.currentType {
        case .ac: rating.phases
        case .dc: 3
        }
    }

    /// The connector's own maximum as GetCompositeSchedule reports it (§5.7): its current for
    /// AC, its power for DC; connector 0 is the sum of the connectors.
    func ratingLimit(connectorId: Int) -> ChargingLimit {
        let ratings =
            connectorId == 0
            ? meters.connectors.values.map(\.rating) : meters.connectors[connectorId].map { [$0.rating] } ?? []
        if !ratings.isEmpty, ratings.allSatisfy({ $0.currentType == .ac }) {
            return .amperes(ratings.reduce(0) { $0 + $1.maxCurrentA })
        }
        return .watts(ratings.reduce(0) { $0 + $1.maxPowerKW * 1000 })
    }

    // MARK: Central system calls

    /// §5.16: the store decides (purposes, stack levels, the §9.4 limits); a TxProfile needs a
    /// transaction on its connector.
    mutating func setChargingProfile(_ request: SetChargingProfileRequest) -> SetChargingProfileResponse {
        let active = activeTransactions
        let status = chargingProfiles.install(
            request, connectorCount: connectors.count - 1, activeTransaction: { active[$0] },
            limits: smartChargingLimits, now: now)
        return SetChargingProfileResponse(status: status)
    }

    /// §5.5: by id, or by connector, purpose and stack level.
    mutating func clearChargingProfile(_ request: ClearChargingProfileRequest) -> ClearChargingProfileResponse {
        ClearChargingProfileResponse(status: chargingProfiles.clear(request))
    }

    /// §5.7: the composite schedule from now, capped by the connector's rating.
    func compositeSchedule(_ request: GetCompositeScheduleRequest) -> GetCompositeScheduleResponse {
        let active = activeTransactions
        let rating = meters.connectors[request.connectorId]?.rating ?? meters.connectors[1]?.rating
        let maxima = Dictionary(uniqueKeysWithValues: connectors.indices.map { ($0, ratingLimit(connectorId: $0)) })
        return chargingProfiles.getCompositeSchedule(
            request, connectorCount: connectors.count - 1, now: now,
            transactionStart: { active[$0]?.startedAt },
            maximum: { maxima[$0] ?? .watts(0) },
            connectorPhases: rating.map(Self.limitPhases) ?? 3,
            voltage: rating?.nominalVoltageV ?? 230)
    }

    /// §5.11: a RemoteStartTransaction's profile must be a TxProfile the store would accept on
    /// `connectorId` once the transaction runs.
    func acceptsRemoteStartProfile(_ profile: ChargingProfile, connectorId: Int) -> Bool {
        guard profile.chargingProfilePurpose == .txProfile else { return false }
        var trial = chargingProfiles
        // The id is a stand-in: the store only checks that the profile names no other transaction.
        let status = trial.installTransactionProfile(
            with(profile) { $0.transactionId = nil }, connectorId: connectorId, connectorCount: connectors.count - 1,
            transactionId: 0, startedAt: now, limits: smartChargingLimits, now: now)
        return status == .accepted
    }

    /// The transaction on `connectorId` started: the RemoteStartTransaction's TxProfile goes in.
    mutating func installRemoteStartProfile(_ profile: ChargingProfile, connectorId: Int, localId: Int) {
        _ = chargingProfiles.installTransactionProfile(
            with(profile) { $0.transactionId = nil }, connectorId: connectorId, connectorCount: connectors.count - 1,
            transactionId: TransactionQueueEntry.provisionalTransactionId(forLocal: localId), startedAt: now,
            limits: smartChargingLimits, now: now)
    }

    // MARK: The limit the meter obeys

    /// The limit `connectorId` obeys at `now`: the composite of its profiles (§3.13.3), the
    /// connector's equal share of the ChargePointMaxProfile among the connectors with a
    /// transaction (the profile caps their sum), and the local limit of
    /// ``setChargingLimit(_:connectorId:now:)``, whichever is strictest; nil when none applies.
    func effectiveChargingLimit(connectorId: Int, rating: ConnectorRating) -> ChargingLimit? {
        let phases = Self.limitPhases(rating)
        let voltage = rating.nominalVoltageV
        var candidates: [ChargingLimit] = []
        if let local = localLimits[connectorId] { candidates.append(local) }
        if !chargingProfiles.profiles.isEmpty {
            let start = connectors[connectorId].transaction?.startedAt
            if let own = chargingProfiles.limit(
                connectorId: connectorId, at: now, transactionStart: start, connectorPhases: phases, voltage: voltage)
            {
                candidates.append(own)
            }
            let sharing = connectors.filter { $0.transaction != nil }.count
            if sharing > 1,
                let chargePointMax = chargingProfiles.limit(
                    connectorId: 0, at: now, transactionStart: nil, connectorPhases: phases, voltage: voltage)
            {
                candidates.append(with(chargePointMax) { $0.value /= Double(sharing) })
            }
        }
        guard var strictest = candidates.first.map(ScheduledLimit.init) else { return nil }
        for candidate in candidates.dropFirst() {
            strictest = strictest.stricter(ScheduledLimit(candidate), connectorPhases: phases, voltage: voltage)
        }
        return strictest.chargingLimit
    }

    /// Sets every connector's limit for `now` and notes when the profiles change it next.
    mutating func applyChargingLimits() {
        var next: OCPPTimestamp?
        for id in connectors.indices.dropFirst() {
            guard let meter = meters.connectors[id] else { continue }
            let limit = effectiveChargingLimit(connectorId: id, rating: meter.rating)
            if meter.limit != limit { meters.connectors[id]?.setLimit(limit, at: now) }
            guard !chargingProfiles.profiles.isEmpty else { continue }
            let change = chargingProfiles.nextChange(
                connectorId: id, after: now, transactionStart: connectors[id].transaction?.startedAt,
                connectorPhases: Self.limitPhases(meter.rating), voltage: meter.rating.nominalVoltageV)
            if let change, next.map({ change < $0 }) ?? true { next = change }
        }
        nextChargingLimitChange = next
    }

    /// Moves the meters to `target`, stopping at each instant the profiles change a limit to
    /// apply the new one, so energy is integrated under the right limit on each piece.
    mutating func advanceMeters(to target: OCPPTimestamp) {
        while let change = nextChargingLimitChange, change > now, change <= target {
            now = change
            meters.advance(to: change)
            applyChargingLimits()
        }
        now = max(now, target)
        meters.advance(to: now)
    }
}

import OCPP16

// Sessions: plug and tag in either order, authorization, StartTransaction/StopTransaction,
// idTagInfo handling and meter values (OCPP 1.6 §3.5, §4.8, §4.10, §5.11, §5.12).
extension ChargePoint {
    var isOnline: Bool { isConnected && boot == .accepted }

    func isPlugged(_ connectorId: Int) -> Bool { meters.connectors[connectorId]?.ev != nil }

    func isUsable(_ connectorId: Int) -> Bool {
        connectors.indices.contains(connectorId) && connectorId > 0 && connectors[connectorId].operative
            && connectors[connectorId].fault == nil && connectors[0].operative && connectors[0].fault == nil
            && resetting == nil
    }

    static let cablePreparation = ConnectorState.Preparation(
        idTag: nil, parentIdTag: nil, authorization: .none, remote: false, reservationId: nil,
        connectionDeadline: nil, autoPlugAt: nil)

    mutating func plugIn(connectorId: Int, ev: EVModel) {
        guard connectorId > 0, connectors.indices.contains(connectorId), !isPlugged(connectorId) else { return }
        meters.connectors[connectorId]?.plugIn(ev, at: now)
        switch connectors[connectorId].session {
        case nil:
            if isUsable(connectorId) { connectors[connectorId].session = .preparing(Self.cablePreparation) }
        case .preparing(let preparation):
            connectors[connectorId].session = .preparing(
                with(preparation) {
                    $0.autoPlugAt = nil
                    $0.connectionDeadline = nil
                })
            if preparation.authorization == .accepted, let idTag = preparation.idTag {
                startTransaction(connectorId: connectorId, idTag: idTag, preparation: preparation)
            }
        case .transaction:
            updateEnergyOffer(connectorId)
        case .finishing:
            break
        }
    }

    mutating func unplug(connectorId: Int) {
        guard connectorId > 0, connectors.indices.contains(connectorId), isPlugged(connectorId) else { return }
        meters.connectors[connectorId]?.unplug(at: now)
        // §9.1 UnlockConnectorOnEVSideDisconnect false: the cable stays locked in the charge
        // point's socket after the EV lets go, so the connector stays Finishing until an
        // UnlockConnector releases it.
        let cableStaysLocked = !configuration.unlockConnectorOnEVSideDisconnect
        switch connectors[connectorId].session {
        case .preparing, nil:
            connectors[connectorId].session = nil
        case .finishing:
            connectors[connectorId].session = cableStaysLocked ? .finishing : nil
        case .transaction:
            // §9.1: StopTransactionOnEVSideDisconnect false leaves the transaction suspended.
            if configuration.stopTransactionOnEVSideDisconnect {
                stopTransaction(connectorId: connectorId, reason: .evDisconnected, idTag: nil)
                if cableStaysLocked { connectors[connectorId].session = .finishing }
            }
        }
        applyScheduledAvailability(connectorId)
    }

    mutating func presentIdTag(_ idTag: String, connectorId: Int) {
        guard connectorId > 0, connectors.indices.contains(connectorId) else { return }
        switch connectors[connectorId].session {
        case .transaction(let transaction):
            presentToStop(idTag, connectorId: connectorId, transaction: transaction)
        case .preparing(let preparation):
            guard preparation.authorization == .none, isUsable(connectorId),
                case .allowed(let reservationId) = reservationCheck(idTag, connectorId: connectorId)
            else { return }
            connectors[connectorId].session = .preparing(
                with(preparation) {
                    $0.idTag = idTag
                    $0.reservationId = reservationId
                })
            authorize(idTag, connectorId: connectorId)
        case .finishing, nil:
            guard isUsable(connectorId),
                case .allowed(let reservationId) = reservationCheck(idTag, connectorId: connectorId)
            else { return }
            connectors[connectorId].session = .preparing(
                with(Self.cablePreparation) {
                    $0.idTag = idTag
                    $0.reservationId = reservationId
                })
            authorize(idTag, connectorId: connectorId)
        }
    }

    /// What a connector's reservation says of a tag.
    enum ReservationCheck: Equatable {
        /// The tag may start, under this reservation (nil: none).
        case allowed(reservationId: Int?)
        /// Reserved for another tag.
        case refused
    }

    /// Whether `idTag` may use the connector given the reservations (§5.13: the reserved tag or
    /// one with the reservation's parent id tag, as far as the charger knows it).
    func reservationCheck(_ idTag: String, connectorId: Int) -> ReservationCheck {
        let tag = CiString20(truncating: idTag)
        let parent = knownInfo(idTag)?.parentIdTag
        let statuses = connectors.indices.map { derivedReport($0).status }
        guard
            reservations.admits(
                idTag: tag, parentIdTag: parent, connectorId: connectorId, connectorStatus: { statuses[$0] })
        else { return .refused }
        return .allowed(
            reservationId: reservations.reservationUsed(idTag: tag, parentIdTag: parent, connectorId: connectorId)?.id)
    }

    /// What the local list or the cache says of `idTag` now (an expired entry reads Expired).
    func knownInfo(_ idTag: String) -> IdTagInfo? {
        guard
            let entry = authorization.entry(
                for: CiString20(truncating: idTag), policy: configuration.authorizationPolicy)
        else { return nil }
        return with(entry.info) { $0.status = entry.status(at: now) }
    }

    private mutating func presentToStop(_ idTag: String, connectorId: Int, transaction: ConnectorState.Transaction) {
        if transaction.idTag == idTag {
            stopTransaction(connectorId: connectorId, reason: .local, idTag: idTag)
            return
        }
        // §5.11: a tag with the same parent id tag may stop it; ask the central system if unknown.
        if let parent = transaction.parentIdTag, let known = knownInfo(idTag), known.status == .accepted {
            if known.parentIdTag?.value == parent {
                stopTransaction(connectorId: connectorId, reason: .local, idTag: idTag)
            }
            return
        }
        guard isOnline, transaction.parentIdTag != nil else { return }
        updateTransaction(connectorId) { $0.stopCandidate = idTag }
        enqueue(
            AuthorizeRequest(idTag: CiString20(truncating: idTag)),
            purpose: .authorize(connectorId: connectorId, idTag: idTag))
    }

    /// Authorizes a tag for a start: locally when the list or cache may decide (§3.5), else
    /// with Authorize.req.
    mutating func authorize(_ idTag: String, connectorId: Int) {
        switch authorization.lookup(
            idTag: CiString20(truncating: idTag), now: now, online: isOnline, policy: configuration.authorizationPolicy)
        {
        case .accepted(let parentIdTag, _):
            authorizationAccepted(connectorId: connectorId, parentIdTag: parentIdTag?.value)
        case .rejected:
            authorizationRefused(connectorId: connectorId)
        case .askCentralSystem:
            setAuthorization(.awaiting, connectorId: connectorId)
            enqueue(
                AuthorizeRequest(idTag: CiString20(truncating: idTag)),
                purpose: .authorize(connectorId: connectorId, idTag: idTag))
        }
    }

    /// No answer from the central system (offline, an error, a timeout): the offline rules of
    /// §3.5 decide (LocalAuthorizeOffline, AllowOfflineTxForUnknownId).
    mutating func authorizeAnsweredOffline(connectorId: Int, idTag: String) {
        if let transaction = connectors[connectorId].transaction {
            if transaction.stopCandidate == idTag { updateTransaction(connectorId) { $0.stopCandidate = nil } }
            return
        }
        guard let preparation = connectors[connectorId].preparation, preparation.idTag == idTag else { return }
        switch authorization.lookup(
            idTag: CiString20(truncating: idTag), now: now, online: false, policy: configuration.authorizationPolicy)
        {
        case .accepted(let parentIdTag, _):
            authorizationAccepted(connectorId: connectorId, parentIdTag: parentIdTag?.value)
        case .rejected, .askCentralSystem:
            authorizationRefused(connectorId: connectorId)
        }
    }

    mutating func authorizeAnswered(connectorId: Int, idTag: String, info: IdTagInfo) {
        if let transaction = connectors[connectorId].transaction {
            guard transaction.stopCandidate == idTag else { return }
            updateTransaction(connectorId) { $0.stopCandidate = nil }
            if info.status == .accepted, let parent = transaction.parentIdTag, info.parentIdTag?.value == parent {
                stopTransaction(connectorId: connectorId, reason: .local, idTag: idTag)
            }
            return
        }
        guard let preparation = connectors[connectorId].preparation, preparation.idTag == idTag else { return }
        if info.status == .accepted {
            authorizationAccepted(connectorId: connectorId, parentIdTag: info.parentIdTag?.value)
        } else {
            authorizationRefused(connectorId: connectorId)
        }
    }

    private mutating func setAuthorization(_ state: ConnectorState.Authorization, connectorId: Int) {
        guard let preparation = connectors[connectorId].preparation else { return }
        connectors[connectorId].session = .preparing(with(preparation) { $0.authorization = state })
    }

    mutating func authorizationAccepted(connectorId: Int, parentIdTag: String?) {
        guard let preparation = connectors[connectorId].preparation, let idTag = preparation.idTag else { return }
        let accepted = with(preparation) {
            $0.authorization = .accepted
            $0.parentIdTag = parentIdTag
        }
        if isPlugged(connectorId) {
            startTransaction(connectorId: connectorId, idTag: idTag, preparation: accepted)
        } else {
            let timeout = configuration.connectionTimeOut
            let deadline = timeout > .zero ? now + timeout : nil
            connectors[connectorId].session = .preparing(with(accepted) { $0.connectionDeadline = deadline })
        }
    }

    private mutating func authorizationRefused(connectorId: Int) {
        connectors[connectorId].session = isPlugged(connectorId) ? .preparing(Self.cablePreparation) : nil
    }

    // MARK: Transactions

    mutating func startTransaction(connectorId: Int, idTag: String, preparation: ConnectorState.Preparation) {
        let localId = nextLocalTransactionId
        nextLocalTransactionId += 1
        let meterStart = Int(((meters.connectors[connectorId]?.registerWh ?? 0) + 1e-6).rounded(.down))
        let interval = configuration.meterValueSampleInterval
        connectors[connectorId].session = .transaction(
            ConnectorState.Transaction(
                localId: localId, transactionId: nil, idTag: idTag, parentIdTag: preparation.parentIdTag,
                meterStart: meterStart, startedAt: now, reservationId: preparation.reservationId,
                deauthorized: false))
        connectors[connectorId].nextSampleAt = interval > .zero ? now + interval : nil
        if let reservationId = preparation.reservationId { reservations.consume(reservationId: reservationId) }
        if let chargingProfile = preparation.chargingProfile {
            installRemoteStartProfile(chargingProfile, connectorId: connectorId, localId: localId)
        }
        updateEnergyOffer(connectorId)
        recordTransactionData(connectorId, context: .transactionBegin)
        enqueueTransactionMessage(
            StartTransactionRequest(
                connectorId: connectorId, idTag: CiString20(truncating: idTag), meterStart: meterStart,
                reservationId: preparation.reservationId, timestamp: now),
            localTransactionId: localId)
    }

    /// Ends the transaction on `connectorId`: StopTransaction with `reason` and meterStop from
    /// the register (never below meterStart), then Finishing while the cable is in.
    mutating func stopTransaction(connectorId: Int, reason: StopTransactionReason, idTag: String?) {
        guard let transaction = connectors[connectorId].transaction else { return }
        meters.connectors[connectorId]?.setOfferingEnergy(false, at: now)
        let register = Int(((meters.connectors[connectorId]?.registerWh ?? 0) + 1e-6).rounded(.down))
        let meterStop = max(register, transaction.meterStart)
        recordTransactionData(connectorId, context: .transactionEnd)
        let transactionData = connectors[connectorId].transaction?.transactionData.transactionData
        enqueueTransactionMessage(
            StopTransactionRequest(
                idTag: idTag.map { CiString20(truncating: $0) }, meterStop: meterStop, timestamp: now,
                transactionId: transaction.transactionId
                    ?? TransactionQueueEntry.provisionalTransactionId(forLocal: transaction.localId),
                reason: reason, transactionData: transactionData),
            localTransactionId: transaction.localId)
        connectors[connectorId].session = isPlugged(connectorId) ? .finishing : nil
        // §3.13.1: a TxProfile lives as long as its transaction.
        chargingProfiles.transactionEnded(connectorId: connectorId)
        applyScheduledAvailability(connectorId)
    }

    mutating func startTransactionAnswered(localId: Int, response: StartTransactionResponse) {
        adoptTransactionId(response.transactionId, localId: localId)
        chargingProfiles.transactionIdAssigned(
            response.transactionId, replacing: TransactionQueueEntry.provisionalTransactionId(forLocal: localId))
        guard let connectorId = connectors.firstIndex(where: { $0.transaction?.localId == localId }),
            let transaction = connectors[connectorId].transaction
        else { return }
        updateTransaction(connectorId) { $0.transactionId = response.transactionId }
        authorization.cacheUpdate(
            idTag: CiString20(truncating: transaction.idTag), info: response.idTagInfo, now: now,
            policy: configuration.authorizationPolicy)
        guard response.idTagInfo.status != .accepted else { return }
        // §5.12 / §9.1 StopTransactionOnInvalidId: stop with DeAuthorized, or stop offering energy.
        if configuration.stopTransactionOnInvalidId {
            stopTransaction(connectorId: connectorId, reason: .deAuthorized, idTag: nil)
        } else {
            let allowance = configuration.maxEnergyOnInvalidId ?? 0
            let register = meters.connectors[connectorId]?.registerWh ?? 0
            updateTransaction(connectorId) {
                $0.deauthorized = true
                $0.invalidIdAllowanceEndWh = allowance > 0 ? register + Double(allowance) : nil
            }
            updateEnergyOffer(connectorId)
        }
    }

    mutating func updateTransaction(_ connectorId: Int, _ change: (inout ConnectorState.Transaction) -> Void) {
        guard var transaction = connectors[connectorId].transaction else { return }
        change(&transaction)
        connectors[connectorId].session = .transaction(transaction)
    }

    /// Energy flows while a transaction runs, it is not deauthorized (or still within
    /// MaxEnergyOnInvalidId) and nothing is faulted.
    mutating func updateEnergyOffer(_ connectorId: Int) {
        guard connectorId > 0 else {
            for id in connectors.indices.dropFirst() { updateEnergyOffer(id) }
            return
        }
        guard let meter = meters.connectors[connectorId] else { return }
        let transaction = connectors[connectorId].transaction
        let offering =
            transaction.map { !$0.deauthorized || meter.registerWh < ($0.invalidIdAllowanceEndWh ?? 0) } == true
            && connectors[connectorId].fault == nil
            && connectors[0].fault == nil
        if meter.isOfferingEnergy != offering {
            meters.connectors[connectorId]?.setOfferingEnergy(offering, at: now)
        }
    }

    // MARK: Meter values

    /// Adds a sample to StopTransaction's transactionData (StopTxnSampledData for the begin and
    /// end, StopTxnAlignedData on the clock).
    mutating func recordTransactionData(_ connectorId: Int, context: ReadingContext) {
        guard connectors[connectorId].transaction != nil, let meter = meters.connectors[connectorId] else { return }
        let reading = meter.reading(using: &random)
        let (sampled, aligned) = (configuration.stopTxnSampledData, configuration.stopTxnAlignedData)
        let at = now
        updateTransaction(connectorId) {
            $0.transactionData.record(
                reading, context: context, at: at, composer: MeterValuesComposer(rating: meter.rating),
                sampledMeasurands: sampled, alignedMeasurands: aligned)
        }
    }

    /// A MeterValues of the transaction on `connectorId` (a transaction message).
    mutating func sampleTransaction(connectorId: Int, context: ReadingContext) {
        guard let transaction = connectors[connectorId].transactionIds, let meter = meters.connectors[connectorId]
        else { return }
        let measurands =
            context == .sampleClock ? configuration.meterValuesAlignedData : configuration.meterValuesSampledData
        // Written straight to its bytes, the same as `RawJSON(encoding: MeterValuesRequest(...))`.
        guard
            let payload = MeterValuesComposer(rating: meter.rating).meterValuesPayload(
                connectorId: connectorId,
                transactionId: transaction.transactionId
                    ?? TransactionQueueEntry.provisionalTransactionId(forLocal: transaction.localId),
                of: meter.reading(using: &random), measurands: measurands, context: context, at: now)
        else { return }
        enqueueTransactionMessage(
            action: MeterValuesRequest.action, payload: payload, localTransactionId: transaction.localId)
    }

    /// A MeterValues outside any transaction (clock-aligned, triggered): lost if offline.
    mutating func sampleOutsideTransaction(connectorId: Int, context: ReadingContext, beforeAcceptance: Bool) {
        guard let meter = meters.connectors[connectorId] else { return }
        let measurands =
            context == .sampleClock ? configuration.meterValuesAlignedData : configuration.meterValuesSampledData
        guard
            let value = MeterValuesComposer(rating: meter.rating).meterValue(
                of: meter.reading(using: &random), measurands: measurands, context: context, at: now)
        else { return }
        enqueue(
            MeterValuesRequest(
                connectorId: connectorId, transactionId: connectors[connectorId].transaction?.transactionId,
                meterValue: [value]),
            purpose: .report, beforeAcceptance: beforeAcceptance)
    }

    /// ClockAlignedDataInterval (§9.1.5): every connector reports on the clock.
    mutating func sampleOnClock() {
        for id in connectors.indices.dropFirst() where connectors[id].transaction != nil {
            recordTransactionData(id, context: .sampleClock)
        }
        guard !configuration.meterValuesAlignedData.isEmpty else { return }
        for id in connectors.indices.dropFirst() {
            if connectors[id].transaction != nil {
                sampleTransaction(connectorId: id, context: .sampleClock)
            } else if isOnline {
                sampleOutsideTransaction(connectorId: id, context: .sampleClock, beforeAcceptance: false)
            }
        }
    }

    /// The next multiple of ClockAlignedDataInterval after `instant` (from midnight UTC).
    mutating func scheduleAlignedSample(after instant: OCPPTimestamp) {
        let interval = configuration.clockAlignedDataInterval.wholeMilliseconds
        guard interval > 0 else {
            nextAlignedSampleAt = nil
            return
        }
        let milliseconds = instant.millisecondsSince1970
        nextAlignedSampleAt = OCPPTimestamp(millisecondsSince1970: (milliseconds / interval + 1) * interval)
    }

    /// A connector that was scheduled to change availability does so once it is free (§5.2).
    mutating func applyScheduledAvailability(_ connectorId: Int) {
        guard let scheduled = connectors[connectorId].scheduledAvailability else { return }
        switch connectors[connectorId].session {
        case .transaction, .preparing:
            return
        case .finishing, nil:
            connectors[connectorId].operative = scheduled == .operative
            connectors[connectorId].scheduledAvailability = nil
        }
        if connectorId > 0, connectors[1...].allSatisfy({ $0.scheduledAvailability == nil }) {
            applyScheduledAvailability(0)
        }
    }
}

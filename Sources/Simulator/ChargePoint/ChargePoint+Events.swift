import OCPP16

// The inputs of the machine. Each one moves the meters to `now`, does its work, reports the
// statuses that changed, hands the next CALL to the wire and returns the actions in order.
extension ChargePoint {
    /// The WebSocket connection to the central system is open.
    public mutating func connected(now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if !isConnected {
            link = .online(inFlight: nil)
            endpoint.connectionRestored()
            securityConnected()
            switch boot {
            case .accepted:
                break
            case .notAccepted, .pending, .awaitingAnswer:
                enqueueBootNotification()
            }
        }
        return finish()
    }

    /// The connection closed (or failed). Charging goes on; transaction messages stay queued.
    public mutating func disconnected(now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        connectionLost()
        return finish()
    }

    /// One WebSocket text message from the central system.
    public mutating func received(text: [UInt8], now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        guard isConnected else { return finish() }
        messageLog.record(text, direction: .received, at: now)
        switch endpoint.received(bytes: text, now: RPCTimeBase.instant(now)) {
        case .deliverCall(let call) where bootRejected:
            // §4.2: while Rejected the charger SHALL NOT respond; the answer is dropped, not sent.
            _ = endpoint.answer(call.messageId, with: .error(CallError(.genericError, "boot rejected")))
        case .sendError where bootRejected:
            break
        case .deliverCall(let call):
            let registry = template.registry
            let answer = registry.handle(call, context: &self)
            switch endpoint.answer(call.messageId, with: answer) {
            case .send(let bytes): output.append(.send(bytes))
            case .unknownCall: break
            }
            if let reset = pendingReset {
                pendingReset = nil
                beginReset(reset)
            }
        case .sendError(let bytes, _, _):
            output.append(.send(bytes))
        case .completed(let completed, _):
            callEnded(completed)
        case .ignored:
            break
        }
        return finish()
    }

    /// One WebSocket text message from the central system, as a string.
    public mutating func received(text: String, now: OCPPTimestamp) -> [ChargePointAction] {
        received(text: Array(text.utf8), now: now)
    }

    /// The timer armed for ``nextDeadline`` fired (early or late calls are harmless).
    public mutating func timerFired(now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if case .timedOut(let completed, _) = endpoint.timerFired(now: RPCTimeBase.instant(now)) {
            callEnded(completed)
        }
        if isConnected {
            switch boot {
            case .notAccepted(let retryAt?) where retryAt <= now: enqueueBootNotification()
            case .pending(let retryAt) where retryAt <= now: enqueueBootNotification()
            case .notAccepted, .pending, .awaitingAnswer: break
            case .accepted:
                if let due = nextHeartbeatAt, due <= now {
                    enqueue(HeartbeatRequest(), purpose: .heartbeat)
                    nextHeartbeatAt = nextHeartbeat(after: now)
                }
            }
        }
        if let retryAt = queueRetryAt, retryAt <= now { queueRetryAt = nil }
        injectFaults()
        _ = reservations.expired(now: now)
        for id in connectors.indices {
            switch connectors[id].session {
            case .preparing(let preparation):
                if let plugAt = preparation.autoPlugAt, plugAt <= now {
                    connectors[id].session = .preparing(with(preparation) { $0.autoPlugAt = nil })
                    if let ev = profile.randomEV(using: &random) { plugIn(connectorId: id, ev: ev) }
                } else if let deadline = preparation.connectionDeadline, deadline <= now {
                    // ConnectionTimeOut (§9.1.8): the cable never came; back to where it was.
                    connectors[id].session = nil
                }
            case .transaction:
                guard let transaction = connectors[id].transactionInstants else { continue }
                if let fullSince = transaction.evFullSince, let unplugAfter = unplugAfterFull,
                    fullSince + unplugAfter <= now
                {
                    // The driver comes back to a full car (behaviour.unplugAfterFullSeconds).
                    unplug(connectorId: id)
                    continue
                }
                if let sampleAt = transaction.nextSampleAt, sampleAt <= now {
                    sampleTransaction(connectorId: id, context: .samplePeriodic)
                    let interval = configuration.meterValueSampleInterval
                    // From the due instant, not from now: a timer that fires late (the fleet's
                    // timer slack) must not push every later sample back, or the charger samples
                    // less often than MeterValueSampleInterval says. After a longer gap it restarts.
                    let next = sampleAt + interval
                    // In place: the transaction is boxed, and changing it boxed a new copy per sample.
                    connectors[id].nextSampleAt = interval > .zero ? (next > now ? next : now + interval) : nil
                }
            case .finishing, nil:
                break
            }
        }
        if let alignedAt = nextAlignedSampleAt, alignedAt <= now {
            sampleOnClock()
            scheduleAlignedSample(after: now)
        }
        return finish()
    }

    // MARK: User and EV actions

    /// An EV is plugged into `connectorId`.
    public mutating func plugIn(connectorId: Int, ev: EVModel, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        plugIn(connectorId: connectorId, ev: ev)
        return finish()
    }

    /// An EV drawn from the profile's mix (with the charger's seeded generator) is plugged into
    /// `connectorId`.
    public mutating func plugInRandomEV(connectorId: Int, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if let ev = profile.randomEV(using: &random) { plugIn(connectorId: connectorId, ev: ev) }
        return finish()
    }

    /// The EV is unplugged from `connectorId`.
    public mutating func unplug(connectorId: Int, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        unplug(connectorId: connectorId)
        return finish()
    }

    /// A driver presents `idTag` (an RFID card) at `connectorId`: to start, or to stop the
    /// transaction running there.
    public mutating func presentIdTag(_ idTag: String, connectorId: Int, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        presentIdTag(idTag, connectorId: connectorId)
        return finish()
    }

    /// The stop button of `connectorId`: stops its transaction with reason Local.
    public mutating func pressStop(connectorId: Int, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if connectors.indices.contains(connectorId), connectors[connectorId].transaction != nil {
            stopTransaction(connectorId: connectorId, reason: .local, idTag: nil)
        }
        return finish()
    }

    /// Stops every running transaction with `reason`: e.g. PowerLoss for transactions resumed
    /// after a crash that should not go on, or Other/Local when the fleet shuts down.
    public mutating func stopAllTransactions(reason: StopTransactionReason, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        for id in connectors.indices where connectors[id].transaction != nil {
            stopTransaction(connectorId: id, reason: reason, idTag: nil)
        }
        return finish()
    }

    /// A fault on `connectorId` (0: the charge point): the connector reports Faulted with
    /// `errorCode` and stops offering energy until ``clearFault(connectorId:now:)``.
    public mutating func setFault(
        connectorId: Int,
        errorCode: ChargePointErrorCode,
        info: String? = nil,
        vendorErrorCode: String? = nil,
        now: OCPPTimestamp
    ) -> [ChargePointAction] {
        begin(now)
        guard connectors.indices.contains(connectorId), errorCode != .noError else { return finish() }
        connectors[connectorId].fault = ConnectorState.Fault(
            errorCode: errorCode, info: info, vendorErrorCode: vendorErrorCode)
        updateEnergyOffer(connectorId)
        return finish()
    }

    /// The fault on `connectorId` is gone.
    public mutating func clearFault(connectorId: Int, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        guard connectors.indices.contains(connectorId) else { return finish() }
        connectors[connectorId].fault = nil
        updateEnergyOffer(connectorId)
        return finish()
    }

    /// The active charging limit of `connectorId` changed (smart charging, §3.13); nil: none.
    /// A limit of 0 suspends charging (SuspendedEVSE).
    public mutating func setChargingLimit(
        _ limit: ChargingLimit?,
        connectorId: Int,
        now: OCPPTimestamp
    ) -> [ChargePointAction] {
        begin(now)
        // Combined with the smart-charging limit in `finish`; the strictest applies.
        if meters.connectors[connectorId] != nil { localLimits[connectorId] = limit }
        return finish()
    }

    // MARK: Event frame

    mutating func begin(_ now: OCPPTimestamp) {
        advanceMeters(to: now)
        output = []
    }

    mutating func finish() -> [ChargePointAction] {
        applyChargingLimits()
        stepFirmware()
        stepDiagnostics()
        completeResetIfReady()
        noteFullEVs()
        for id in connectors.indices.dropFirst() {
            if connectors[id].invalidIdAllowanceEndWh != nil { updateEnergyOffer(id) }
            applyScheduledAvailability(id)
            // A cable left in while the connector was faulted or unavailable waits for a tag.
            if connectors[id].session == nil, isPlugged(id), isUsable(id) {
                connectors[id].session = .preparing(Self.cablePreparation)
            }
        }
        refreshObservedStatuses()
        reportStatuses()
        dispatch()
        for case .send(let bytes) in output { messageLog.record(bytes, direction: .sent, at: now) }
        let actions = output
        output = []
        return actions
    }
}

extension ChargePoint {
    /// `behaviour.unplugAfterFullSeconds` as a duration.
    var unplugAfterFull: Duration? {
        profile.behaviour.unplugAfterFullSeconds.map { .milliseconds(Int64($0 * 1000)) }
    }

    /// Notes when each transaction's EV became full.
    mutating func noteFullEVs() {
        for id in connectors.indices {
            guard let transaction = connectors[id].transactionInstants else { continue }
            let full = meters.connectors[id]?.status == .evFull
            if full, transaction.evFullSince == nil {
                let since = now
                updateTransaction(id) { $0.evFullSince = since }
            } else if !full, transaction.evFullSince != nil {
                updateTransaction(id) { $0.evFullSince = nil }
            }
        }
    }
}

/// A copy of `value` changed by `change`.
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}

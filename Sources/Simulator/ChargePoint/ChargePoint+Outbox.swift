import Foundation
import OCPP16

// Outgoing CALLs: the volatile queue (lost with the connection), the persistent transaction
// queue (OCPP 1.6 §3.7), and the one CALL in flight (OCPP-J §4.1.1).
extension ChargePoint {
    /// The most non-transaction CALLs waiting behind the one in flight (a central system that
    /// answers slowly); past it heartbeats and reports are dropped first, then the oldest call.
    static let maximumVolatileCalls = 256

    /// The most transaction messages kept for a central system that is away; past it periodic
    /// MeterValues are dropped (§4.7 lets a charger drop intermediate values), never a start or stop.
    static let maximumQueuedTransactionMessages = 20_000

    /// Queues a CALL that is not a transaction message.
    mutating func enqueue<R: OCPPRequest>(_ request: R, purpose: Purpose, beforeAcceptance: Bool = false) {
        guard isConnected, let payload = try? RawJSON(encoding: request) else { return }
        if volatileCalls.count >= Self.maximumVolatileCalls {
            let isExpendable = { (purpose: Purpose) in purpose == .heartbeat || purpose == .report }
            if isExpendable(purpose) { return }
            let victim = volatileCalls.firstIndex { isExpendable($0.purpose) } ?? 0
            let dropped = volatileCalls.remove(at: victim)
            if case .status(let connectorId, _) = dropped.purpose, connectors.indices.contains(connectorId) {
                connectors[connectorId].lastSent = nil
            }
        }
        volatileCalls.append(
            VolatileCall(
                action: R.action, payload: payload, purpose: purpose, allowedBeforeAcceptance: beforeAcceptance))
    }

    mutating func enqueueBootNotification() {
        // A BootNotification triggered while accepted (§5.17) does not suspend normal operation.
        if boot != .accepted { boot = .awaitingAnswer }
        volatileCalls.removeAll { $0.purpose == .boot }
        let request = BootNotificationRequest(
            chargePointVendor: CiString20(truncating: identity.chargePointVendor),
            chargePointModel: CiString20(truncating: identity.chargePointModel),
            chargePointSerialNumber: identity.chargePointSerialNumber.map { CiString25(truncating: $0.pattern) },
            chargeBoxSerialNumber: identity.chargeBoxSerialNumber.map { CiString25(truncating: $0.pattern) },
            firmwareVersion: CiString50(truncating: firmwareVersion),
            iccid: identity.iccid.map { CiString20(truncating: $0.pattern) },
            imsi: identity.imsi.map { CiString20(truncating: $0.pattern) },
            meterType: identity.meterType.map { CiString25(truncating: $0) },
            meterSerialNumber: identity.meterSerialNumber.map { CiString25(truncating: $0.pattern) }
        )
        enqueue(request, purpose: .boot, beforeAcceptance: true)
    }

    /// Appends a transaction message to the persistent queue; the shell persists it before any
    /// later send.
    mutating func enqueueTransactionMessage<R: OCPPRequest>(_ request: R, localTransactionId: Int) {
        guard let payload = try? RawJSON(encoding: request) else { return }
        enqueueTransactionMessage(action: R.action, payload: payload, localTransactionId: localTransactionId)
    }

    /// Appends a transaction message of `action` whose payload is already written.
    mutating func enqueueTransactionMessage(action: String, payload: RawJSON, localTransactionId: Int) {
        if queue.count >= Self.maximumQueuedTransactionMessages, action == MeterValuesRequest.action { return }
        let entry = TransactionQueueEntry(
            id: nextEntryId, action: action, payloadJSON: payload, localTransactionId: localTransactionId)
        nextEntryId += 1
        queue.append(entry)
        output.append(.persist(entry))
    }

    /// Hands the next CALL to the wire if none is in flight: BootNotification and triggered
    /// messages first while not accepted; once accepted, the transaction queue (in order) and
    /// then the other messages.
    mutating func dispatch() {
        guard isConnected, inFlight == nil else { return }
        if boot == .accepted, let head = queue.first, queueRetryAt == nil {
            send(action: head.action, payload: head.payloadJSON, as: .transaction(entryId: head.id))
            return
        }
        let index =
            boot == .accepted
            ? volatileCalls.indices.first : volatileCalls.firstIndex { $0.allowedBeforeAcceptance }
        guard let index else { return }
        let call = volatileCalls.remove(at: index)
        // A drained outbox lets go of its buffer: an idle charger would keep it for good (issue 11).
        if volatileCalls.isEmpty { volatileCalls = [] }
        if case .status(let connectorId, let report) = call.purpose, connectors.indices.contains(connectorId) {
            connectors[connectorId].onWire = report
        }
        send(action: call.action, payload: call.payload, as: .volatile(call))
    }

    private mutating func send(action: String, payload: RawJSON, as call: InFlight) {
        switch endpoint.sendCall(action: action, payload: payload, now: RPCTimeBase.instant(now)) {
        case .send(let outgoing):
            inFlight = InFlightCall(messageId: outgoing.messageId, call: call)
            output.append(.send(outgoing.bytes))
        case .queued(let messageId, _):
            // Never happens: nothing is handed over while a CALL is in flight.
            inFlight = InFlightCall(messageId: messageId, call: call)
        case .rejected:
            break
        }
    }

    /// The CALL in flight ended (answered, failed, timed out, or cut off).
    mutating func callEnded(_ completed: CompletedCall) {
        guard let current = inFlight, current.messageId == completed.messageId else { return }
        inFlight = nil
        switch current.call {
        case .transaction(let entryId):
            transactionMessageEnded(entryId: entryId, outcome: completed.outcome)
        case .volatile(let call):
            volatileCallEnded(call, completed)
        }
    }

    private mutating func volatileCallEnded(_ call: VolatileCall, _ completed: CompletedCall) {
        switch call.purpose {
        case .boot:
            bootAnswered(completed.response(to: BootNotificationRequest.self))
        case .status(let connectorId, _):
            // Maybe delivered, maybe not: report what holds again after the reconnect.
            if case .failure(.connectionLost) = completed.outcome, connectors.indices.contains(connectorId) {
                connectors[connectorId].lastSent = nil
            }
        case .authorize(let connectorId, let idTag):
            switch completed.response(to: AuthorizeRequest.self) {
            case .success(let response):
                authorization.cacheUpdate(
                    idTag: CiString20(truncating: idTag), info: response.idTagInfo, now: now,
                    policy: configuration.authorizationPolicy)
                authorizeAnswered(connectorId: connectorId, idTag: idTag, info: response.idTagInfo)
            case .failure:
                authorizeAnsweredOffline(connectorId: connectorId, idTag: idTag)
            }
        case .heartbeat:
            if case .success(let response) = completed.response(to: HeartbeatRequest.self) {
                setClock(from: response.currentTime)
            }
        case .report:
            break
        }
    }

    private mutating func bootAnswered(_ result: Result<BootNotificationResponse, CallFailure>) {
        switch result {
        case .success(let response):
            setClock(from: response.currentTime)
            let interval: Duration = response.interval > 0 ? .seconds(response.interval) : Self.defaultBootRetry
            switch response.status {
            case .accepted:
                bootRejected = false
                let wasAccepted = boot == .accepted
                boot = .accepted
                if response.interval > 0 {
                    _ = configuration.change(
                        ChangeConfigurationRequest(
                            key: CiString50(truncating: StandardConfigurationKey.heartbeatInterval.rawValue),
                            value: CiString500(truncating: String(response.interval))))
                }
                nextHeartbeatAt = nextHeartbeat(after: now)
                queueRetryAt = nil
                if !wasAccepted {
                    // §4.2: after acceptance every connector (and 0) reports its status.
                    for id in connectors.indices {
                        connectors[id].lastSent = nil
                        connectors[id].onWire = nil
                    }
                }
            case .pending:
                bootRejected = false
                boot = .pending(retryAt: now + interval)
            case .rejected:
                bootRejected = true
                boot = .notAccepted(retryAt: now + interval)
            }
        case .failure(.connectionLost):
            boot = .notAccepted(retryAt: nil)
        case .failure:
            boot = .notAccepted(retryAt: now + Self.defaultBootRetry)
        }
    }

    private mutating func transactionMessageEnded(entryId: UInt64, outcome: Result<RawJSON, CallFailure>) {
        guard let position = queue.firstIndex(where: { $0.id == entryId }) else { return }
        switch outcome {
        case .success(let payload):
            // Moved out of the queue, not copied (every answered MeterValues comes here).
            let entry = queue.remove(at: position)
            // As the outbox: an emptied queue lets go of its buffer (issue 11), unless a transaction
            // runs: its next MeterValues would allocate one again (a malloc and a free per sample).
            if queue.isEmpty, !connectors.indices.contains(where: { connectors[$0].transactionIds != nil }) {
                queue = []
            }
            output.append(.remove(entryId: entryId))
            if entry.action == StartTransactionRequest.action,
                let response = try? payload.decode(StartTransactionResponse.self)
            {
                startTransactionAnswered(localId: entry.localTransactionId, response: response)
            }
        case .failure(.connectionLost):
            // Re-sent after the reconnect; not an attempt the central system refused.
            break
        case .failure(.callError) where !queue[position].retriedAfterCallError,
            .failure(.invalidResponse) where !queue[position].retriedAfterCallError:
            giveUp(queue[position])
        case .failure(.callError), .failure(.invalidResponse), .failure(.timedOut):
            var failed = queue[position]
            failed.failedAttempts += 1
            if failed.failedAttempts >= configuration.transactionMessageAttempts {
                // §4.8: after TransactionMessageAttempts the charger may give the message up.
                giveUp(failed)
            } else {
                queue[position] = failed
                output.append(.persist(failed))
                // §4.8: wait TransactionMessageRetryInterval × the attempts made so far.
                queueRetryAt = now + configuration.transactionMessageRetryInterval * failed.failedAttempts
            }
        }
    }

    private mutating func giveUp(_ entry: TransactionQueueEntry) {
        var dropped: Set<UInt64> = [entry.id]
        if entry.action == StartTransactionRequest.action {
            // Without its start the central system cannot place the rest of the transaction.
            for other in queue where other.localTransactionId == entry.localTransactionId {
                dropped.insert(other.id)
            }
        }
        for id in queue.map(\.id) where dropped.contains(id) { output.append(.remove(entryId: id)) }
        queue.removeAll { dropped.contains($0.id) }
    }

    /// The central system gave the transaction its id: queued messages that carry the
    /// provisional id are rewritten (and persisted again) before any of them is sent.
    mutating func adoptTransactionId(_ transactionId: Int, localId: Int) {
        let provisional = TransactionQueueEntry.provisionalTransactionId(forLocal: localId)
        for position in queue.indices where queue[position].localTransactionId == localId {
            var entry = queue[position]
            let payload = entry.payloadJSON
            let rewritten: RawJSON?
            switch entry.action {
            case MeterValuesRequest.action:
                rewritten = (try? payload.decode(MeterValuesRequest.self)).flatMap { request in
                    guard request.transactionId == provisional else { return nil }
                    return try? RawJSON(encoding: with(request) { $0.transactionId = transactionId })
                }
            case StopTransactionRequest.action:
                rewritten = (try? payload.decode(StopTransactionRequest.self)).flatMap { request in
                    guard request.transactionId == provisional else { return nil }
                    return try? RawJSON(encoding: with(request) { $0.transactionId = transactionId })
                }
            default:
                rewritten = nil
            }
            guard let rewritten else { continue }
            entry.payloadJSON = rewritten
            queue[position] = entry
            output.append(.persist(entry))
        }
    }

    /// The connection is gone: the CALL in flight and the volatile queue are lost; statuses
    /// not delivered are reported afresh (only the latest) after the reconnect.
    mutating func connectionLost() {
        guard isConnected else { return }
        for completed in endpoint.connectionLost() { callEnded(completed) }
        link = .offline
        let dropped = volatileCalls
        volatileCalls = []
        for call in dropped {
            switch call.purpose {
            case .status(let connectorId, _):
                // Never written: the central system still knows the status on the wire.
                if connectors.indices.contains(connectorId) {
                    connectors[connectorId].lastSent = connectors[connectorId].onWire
                }
            case .authorize(let connectorId, let idTag):
                authorizeAnsweredOffline(connectorId: connectorId, idTag: idTag)
            case .boot:
                boot = .notAccepted(retryAt: nil)
            case .heartbeat, .report:
                break
            }
        }
        if case .awaitingAnswer = boot { boot = .notAccepted(retryAt: nil) }
        if case .pending = boot { boot = .notAccepted(retryAt: nil) }
    }

    /// Reset (§5.14): transactions stop with the reset's reason and their StopTransactions go
    /// out first; the charger reboots once they are confirmed (or after ``resetStopTimeout``, or
    /// at once when it cannot send them now: they stay queued for after the boot).
    /// A firmware reboot passes `reason` Reboot and also waits for StopTransactions queued before
    /// it (a transaction it waited for has just ended).
    mutating func beginReset(_ type: ResetType, reason: StopTransactionReason? = nil) {
        let waitsForQueuedStops = reason == .reboot
        let reason = reason ?? (type == .hard ? .hardReset : .softReset)
        let firstNewEntry = waitsForQueuedStops ? 0 : nextEntryId
        for id in connectors.indices where connectors[id].transaction != nil {
            stopTransaction(connectorId: id, reason: reason, idTag: nil)
        }
        let stops = queue.filter { $0.id >= firstNewEntry && $0.action == StopTransactionRequest.action }.map(\.id)
        let previous = resetting?.stopEntryIds ?? []
        resetting = ResetInProgress(
            type: type, reason: reason, stopEntryIds: previous.union(stops),
            deadline: resetting?.deadline ?? now + Self.resetStopTimeout)
    }

    /// Reboots when the Reset in progress no longer waits for its StopTransactions.
    mutating func completeResetIfReady() {
        guard let reset = resetting else { return }
        let waiting = queue.contains { reset.stopEntryIds.contains($0.id) }
        guard !waiting || !isOnline || now >= reset.deadline else { return }
        resetting = nil
        reboot(reset.type)
    }

    /// The reboot of a Reset: the connection closes and the charger boots again on the next one.
    mutating func reboot(_ type: ResetType) {
        connectionLost()
        securityRebooting(type, newFirmware: firmwareVersionAfterReboot)
        if let version = firmwareVersionAfterReboot {
            firmwareVersion = version
            firmwareVersionAfterReboot = nil
        }
        // A transfer under way does not survive the reboot; an update still waiting for its
        // retrieveDate does (it is only a date in memory).
        diagnosticsUpload = nil
        if case .scheduled? = firmwareUpdate?.phase {} else { firmwareUpdate = nil }
        bootRejected = false
        boot = .notAccepted(retryAt: nil)
        nextHeartbeatAt = nil
        queueRetryAt = nil
        for id in connectors.indices {
            switch connectors[id].session {
            case .preparing:
                let plugged = meters.connectors[id]?.ev != nil
                connectors[id].session =
                    plugged
                    ? .preparing(
                        ConnectorState.Preparation(
                            idTag: nil, parentIdTag: nil, authorization: .none, remote: false, reservationId: nil,
                            connectionDeadline: nil, autoPlugAt: nil)) : nil
            case .transaction, .finishing, nil:
                break
            }
            applyScheduledAvailability(id)
            connectors[id].lastSent = nil
            connectors[id].onWire = nil
        }
        output.append(.reboot(type))
    }
}

extension ChargePoint {
    /// The next heartbeat after `instant`; none when HeartbeatInterval is 0.
    func nextHeartbeat(after instant: OCPPTimestamp) -> OCPPTimestamp? {
        let interval = configuration.heartbeatInterval
        return interval > .zero ? instant + interval : nil
    }
}

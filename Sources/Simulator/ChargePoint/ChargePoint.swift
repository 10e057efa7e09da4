import OCPP16

/// One virtual OCPP 1.6J charge point as a sans-I/O state machine: the thin shell around it
/// (the fleet runtime) feeds it connection events, received text messages, timer wake-ups and
/// user/EV actions, and carries out the ``ChargePointAction``s each event returns, in order.
///
/// - Boot (OCPP 1.6 §4.2): BootNotification on the first connection after power-on or a reboot;
///   Pending/Rejected are retried after the returned interval, and until Accepted the charger
///   sends no other CALL (answers to the central system's calls and triggered messages apart).
/// - Connectors (§4.9): the status is derived from what the connector is doing and reported
///   once it held for `MinimumStatusDuration`; only the legal transitions of
///   ``ConnectorStatusTransition`` occur.
/// - Transactions (§4.8, §4.10, §5.11, §5.12): local and remote starts and stops, MeterValues
///   every `MeterValueSampleInterval` and on the clock, idTagInfo handling.
/// - Smart charging (§3.13, with the SmartCharging feature profile): SetChargingProfile,
///   ClearChargingProfile, GetCompositeSchedule and a RemoteStartTransaction's TxProfile go to a
///   ``ChargingProfileStore``; the meter obeys the composite limit at every instant (period
///   boundaries and expiry included, whatever the timer's lateness), a 0 limit is SuspendedEVSE.
/// - Firmware management (§5.19, §5.9): UpdateFirmware and GetDiagnostics hand their transfers
///   to the shell as ``ChargePointAction/download(url:requestId:)`` and
///   ``ChargePointAction/upload(url:fileName:content:requestId:)``; it reports back with
///   ``downloadFinished(requestId:result:now:)`` and ``uploadFinished(requestId:result:now:)``.
///   An installed update reboots the charger into the new ``firmwareVersion``.
/// - Reset (§5.14): StopTransactions go out and are confirmed before ``ChargePointAction/reboot(_:)``.
/// - While the last BootNotification answer was Rejected, the central system's calls get no
///   answer at all (§4.2).
/// - Random faults from the profile's `behaviour.faultRatePerHour` (seeded, Poisson arrivals).
/// - Transaction messages (§3.7) go through a persistent queue: every one is handed to the shell
///   to persist before it is sent, leaves the queue only when confirmed, goes out in order after
///   a reconnect, and is retried `TransactionMessageAttempts` times.
///
/// One timer per charger: after every event the shell arms it for ``nextDeadline`` and calls
/// ``timerFired(now:)`` then. A shell's loop, in outline:
///
/// ```swift
/// var charger = ChargePoint(profile: profile, chargePointId: id, index: i, random: rng,
///                           resumingFrom: savedSnapshot, now: now)
/// perform(charger.connected(now: now))          // on WebSocket open
/// perform(charger.received(text: bytes, now: now)) // per text message
/// perform(charger.timerFired(now: now))         // when the timer armed at nextDeadline fires
/// perform(charger.disconnected(now: now))       // on close; reconnect with backoff
/// // perform: .send → write; .persist/.remove → the queue on disk (before later sends);
/// // .reboot → close, reconnect, connected(now:); .reconfigureConnection → apply;
/// // .download/.upload → FileTransferClient.perform(action) off the loop, then back on it
/// // downloadFinished/uploadFinished(requestId:result:now:); then re-arm the timer at
/// // charger.nextDeadline.
/// ```
public struct ChargePoint: Sendable {
    /// Where registration stands since the last power-on (§4.2).
    enum Boot: Sendable, Equatable {
        /// Not accepted: send BootNotification at `retryAt` (nil: as soon as connected).
        case notAccepted(retryAt: OCPPTimestamp?)
        /// A BootNotification is queued or in flight.
        case awaitingAnswer
        /// Pending: the central system may configure the charger; retry at `retryAt`.
        case pending(retryAt: OCPPTimestamp)
        /// Accepted: normal operation.
        case accepted
    }

    /// Why a non-transaction CALL was made, to route its answer.
    enum Purpose: Sendable, Equatable {
        case boot
        case heartbeat
        case status(connectorId: Int, report: ConnectorState.Report)
        case authorize(connectorId: Int, idTag: String)
        /// A message sent because the central system asked (TriggerMessage) or a plain report.
        case report
    }

    /// A CALL that is not a transaction message; lost with the connection.
    struct VolatileCall: Sendable, Equatable {
        var action: String
        var payload: RawJSON
        var purpose: Purpose
        /// Triggered messages and BootNotification may go out before the charger is accepted.
        var allowedBeforeAcceptance: Bool
    }

    /// What the CALL on the wire is. The volatile call is boxed: inline, it made ``Link`` (and so
    /// every charger) 72 bytes larger (issue 11: memory per idle charger).
    enum InFlight: Sendable, Equatable {
        indirect case volatile(VolatileCall)
        case transaction(entryId: UInt64)
    }

    /// The CALL on the wire and its message id.
    struct InFlightCall: Sendable, Equatable {
        var messageId: String
        var call: InFlight
    }

    /// The connection; a CALL can only be in flight on an open one.
    enum Link: Sendable, Equatable {
        /// No connection: transaction messages wait in the queue, other CALLs are not made.
        case offline
        /// Connected; at most one CALL in flight (OCPP-J §4.1.1).
        case online(inFlight: InFlightCall?)
    }

    /// What this charger shares with the others of its profile (its profile, default
    /// configuration and call handlers).
    public let template: ChargePointTemplate
    /// The profile this charger was built from.
    public var profile: ChargerProfile { template.profile }
    /// The id it connects as (`URL/<id>`).
    public let chargePointId: String
    /// Its index in the fleet (identity patterns use it).
    public let index: Int

    /// Who it says it is: the profile's identity with its patterns expanded for `index`. Built
    /// when read (BootNotification, diagnostics, a certificate request), not stored: stored, it
    /// cost every charger 144 bytes (issue 11: memory per idle charger).
    var identity: ChargerIdentity { template.profile.identity.expanded(index: index) }
    var random: SeededRandomNumberGenerator
    /// The configuration keys and their values (OCPP 1.6 §9); the shell reads the connection's
    /// (`webSocketPingInterval`, `securityProfile`, `authorizationKey`) here.
    public internal(set) var configuration: ConfigurationStore
    var authorization: AuthorizationStore
    var reservations: ReservationBook
    var endpoint: RPCEndpoint
    var meters: MeterModel<OCPPTimestamp>
    /// Index = connector id; 0 is the charge point itself.
    var connectors: [ConnectorState]
    var link: Link = .offline
    var boot: Boot = .notAccepted(retryAt: nil)
    var nextHeartbeatAt: OCPPTimestamp?
    var nextAlignedSampleAt: OCPPTimestamp?
    var volatileCalls: [VolatileCall] = []
    var queue: [TransactionQueueEntry]
    /// The queue head waits until then after a failed attempt.
    var queueRetryAt: OCPPTimestamp?
    var nextLocalTransactionId: Int
    var nextEntryId: UInt64
    /// A Reset accepted in the CALL being handled; carried out after the answer.
    var pendingReset: ResetType?
    /// A Reset (or a firmware reboot) waiting for its StopTransactions to be confirmed before the reboot (§5.14).
    var resetting: ResetInProgress?
    /// The last BootNotification answer was Rejected: the charger does not answer the central
    /// system's calls (§4.2) until a later answer says otherwise.
    var bootRejected = false
    /// The installed charging profiles (§3.13).
    var chargingProfiles: ChargingProfileStore
    /// Limits set from outside with ``setChargingLimit(_:connectorId:now:)``, by connector.
    var localLimits: [Int: ChargingLimit] = [:]
    /// The next instant a charging profile changes a connector's limit.
    var nextChargingLimitChange: OCPPTimestamp?
    /// Random fault injection (`behaviour.faultRatePerHour`); nil when the rate is 0.
    var faultInjection: FaultInjection?
    /// The firmware version the charger runs and reports in BootNotification: the profile's,
    /// until an update is installed and the charger rebooted.
    public internal(set) var firmwareVersion: String
    /// The version an installed update brings; applied at the reboot.
    var firmwareVersionAfterReboot: String?
    /// The UpdateFirmware in progress (§5.19); out of line, as most chargers never have one.
    @OutOfLine var firmwareUpdate: FirmwareUpdate? = nil
    /// The GetDiagnostics upload in progress (§5.9); out of line, as most chargers never have one.
    @OutOfLine var diagnosticsUpload: DiagnosticsUpload? = nil
    /// The id of the next `.download`/`.upload` action.
    var nextTransferId: UInt64 = 1
    /// Why the last firmware download or diagnostics upload failed (for logs and the control API).
    public internal(set) var lastTransferFailure: String?
    /// The recent frames in and out, for diagnostics files (`behaviour.diagnosticsLogFrames`).
    public internal(set) var messageLog: OCPPMessageLog
    /// The CA certificates and the charger's own credentials (security extension); nil until
    /// the shell gives one with ``useCertificateStore(_:)`` (a fleet gives every charger one, so
    /// it stays inline: out of line it would cost a box more).
    public internal(set) var certificates: CertificateStore?
    /// Every security event, for GetLog `SecurityLog` (security extension A04).
    public internal(set) var securityLog: SecurityLog
    /// A raised `SecurityProfile` not yet confirmed by a connection (A05).
    public internal(set) var securityProfileUpgrade: SecurityProfileUpgrade?
    /// What the charger added to its clock when it set it from the central system's
    /// `currentTime` (BootNotification.conf, Heartbeat.conf): the shell adds it to the time it
    /// passes in, so the charger runs on the corrected clock.
    public internal(set) var clockAdjustment: Duration = .zero
    /// Whether the charger sets its clock from the central system's `currentTime`; off for a
    /// charger whose clock is meant to stay wrong (a chaos clock offset or drift).
    public var synchronizesClock = true
    /// The last connection failure reported, so a run of identical ones logs one event.
    var lastConnectionFailure: ConnectionFailure?
    /// Powered on or rebooted, not yet connected: the next connection logs StartupOfTheDevice.
    var startupPending = true
    /// The instant of the event being handled (handlers of incoming CALLs read it).
    var now: OCPPTimestamp
    /// The actions of the event being handled.
    var output: [ChargePointAction] = []

    /// When no interval comes from the central system (BootNotification interval 0, §4.2).
    static let defaultBootRetry: Duration = .seconds(60)

    /// How long a Reset waits for the central system to confirm the StopTransactions it queued
    /// before the charger reboots anyway (they stay queued and go out after the boot).
    static let resetStopTimeout: Duration = .seconds(10)

    /// A Reset whose StopTransactions go out before the reboot (§5.14).
    struct ResetInProgress: Sendable, Equatable {
        var type: ResetType
        /// Why the transactions stopped.
        var reason: StopTransactionReason
        /// The queue entries of the StopTransactions the Reset made.
        var stopEntryIds: Set<UInt64>
        /// Reboot then even if they are not confirmed.
        var deadline: OCPPTimestamp
    }

    /// A charger of `profile`, number `index` of its fleet, powered on at `now`.
    ///
    /// - Parameters:
    ///   - random: drives message ids, EV choice and meter jitter; seed it for reproducible runs.
    ///   - snapshot: the state exported by ``snapshot`` before a restart; nil for a new charger.
    public init(
        profile: ChargerProfile,
        chargePointId: String,
        index: Int,
        random: SeededRandomNumberGenerator,
        resumingFrom snapshot: ChargePointSnapshot? = nil,
        now: OCPPTimestamp
    ) {
        self.init(
            template: ChargePointTemplate(profile: profile), chargePointId: chargePointId, index: index,
            random: random, resumingFrom: snapshot, now: now)
    }

    /// A charger of `template`'s profile, number `index` of its fleet, powered on at `now`; it
    /// shares the template's configuration and call handlers with the other chargers built from it.
    ///
    /// - Parameters:
    ///   - random: drives message ids, EV choice and meter jitter; seed it for reproducible runs.
    ///   - snapshot: the state exported by ``snapshot`` before a restart; nil for a new charger.
    public init(
        template: ChargePointTemplate,
        chargePointId: String,
        index: Int,
        random: SeededRandomNumberGenerator,
        resumingFrom snapshot: ChargePointSnapshot? = nil,
        now: OCPPTimestamp
    ) {
        let profile = template.profile
        self.template = template
        self.chargePointId = chargePointId
        self.index = index
        var random = random
        let idRandom = SeededRandomNumberGenerator(seed: random.next())
        self.faultInjection = FaultInjection(
            behaviour: profile.behaviour, codes: template.faultErrorCodes, random: &random, now: now)
        self.random = random
        let snapshot = snapshot ?? ChargePointSnapshot()
        var configuration = template.configuration
        // Copies the shared keys only when there is something to change.
        configuration.apply(overrides: snapshot.configurationOverrides)
        self.configuration = configuration
        self.authorization = snapshot.authorization ?? AuthorizationStore()
        self.reservations =
            snapshot.reservations
            ?? ReservationBook(
                connectorCount: profile.connectors.count,
                connectorZeroSupported: configuration.reserveConnectorZeroSupported)
        self.endpoint = RPCEndpoint(
            configuration: template.endpointConfiguration,
            messageIDs: MessageIDGenerator(random: idRandom)
        )
        _ = endpoint.connectionLost()
        self.meters = MeterModel(ratings: profile.connectorRatings, registersWh: snapshot.registersWh, now: now)
        self.connectors = (0...profile.connectors.count).map { ConnectorState(id: $0, now: now) }
        for id in snapshot.inoperativeConnectors where connectors.indices.contains(id) {
            connectors[id].operative = false
        }
        self.chargingProfiles = snapshot.chargingProfiles ?? ChargingProfileStore()
        self.firmwareVersion = snapshot.firmwareVersion ?? profile.identity.firmwareVersion
        self.messageLog = OCPPMessageLog(capacity: profile.behaviour.diagnosticsLogFrames)
        self.securityLog = snapshot.securityLog ?? SecurityLog()
        // Only an upgrade to the profile the configuration now holds is still in progress.
        if let upgrade = snapshot.securityProfileUpgrade, upgrade.target == configuration.securityProfile {
            self.securityProfileUpgrade = upgrade
        }
        self.queue = snapshot.queuedMessages.sorted { $0.id < $1.id }
        self.nextLocalTransactionId = max(snapshot.nextLocalTransactionId, 1)
        self.nextEntryId = max(snapshot.nextEntryId, (queue.last?.id ?? 0) + 1)
        self.now = now
        for saved in snapshot.transactions where (1..<connectors.count).contains(saved.connectorId) {
            resume(saved, now: now)
        }
        scheduleAlignedSample(after: now)
        applyChargingLimits()
        refreshObservedStatuses()
    }

    /// Puts a transaction from a snapshot back on its connector, with its EV plugged in again.
    private mutating func resume(_ saved: ChargePointSnapshot.Transaction, now: OCPPTimestamp) {
        let entry = profile.evMix.first { $0.name == saved.evName } ?? profile.evMix.first
        if let entry {
            meters.connectors[saved.connectorId]?.plugIn(
                entry.model(startSoC: saved.evSoCPercent ?? entry.startSoCPercent.lowerBound), at: now)
        }
        meters.connectors[saved.connectorId]?.setOfferingEnergy(true, at: now)
        let interval = configuration.meterValueSampleInterval
        connectors[saved.connectorId].session = .transaction(
            ConnectorState.Transaction(
                localId: saved.localId, transactionId: saved.transactionId, idTag: saved.idTag,
                parentIdTag: saved.parentIdTag, meterStart: saved.meterStart, startedAt: saved.startedAt,
                reservationId: saved.reservationId, deauthorized: false))
        connectors[saved.connectorId].nextSampleAt = interval > .zero ? now + interval : nil
    }

    /// The state to persist and pass back to ``init(profile:chargePointId:index:random:resumingFrom:now:)``
    /// after a restart.
    public var snapshot: ChargePointSnapshot {
        var transactions: [ChargePointSnapshot.Transaction] = []
        for connector in connectors {
            guard let transaction = connector.transaction else { continue }
            let ev = meters.connectors[connector.id]?.ev
            transactions.append(
                ChargePointSnapshot.Transaction(
                    connectorId: connector.id, localId: transaction.localId,
                    transactionId: transaction.transactionId, idTag: transaction.idTag,
                    parentIdTag: transaction.parentIdTag, meterStart: transaction.meterStart,
                    startedAt: transaction.startedAt, reservationId: transaction.reservationId,
                    evName: ev?.model.name, evSoCPercent: ev?.socPercent))
        }
        return ChargePointSnapshot(
            transactions: transactions,
            registersWh: meters.connectors.mapValues(\.registerWh),
            queuedMessages: queue,
            configurationOverrides: configurationOverrides,
            inoperativeConnectors: connectors.filter { !$0.operative }.map(\.id),
            nextLocalTransactionId: nextLocalTransactionId,
            nextEntryId: nextEntryId,
            authorization: authorization,
            reservations: reservations,
            chargingProfiles: chargingProfiles,
            // An installed update survives a power cut that comes before its reboot.
            firmwareVersion: firmwareVersionAfterReboot ?? firmwareVersion,
            securityLog: securityLog,
            securityProfileUpgrade: securityProfileUpgrade
        )
    }

    /// The configuration values that differ from the profile's defaults.
    private var configurationOverrides: [String: String] {
        let defaults = template.configuration.values
        return configuration.values.filter { defaults[$0.key] != $0.value }
    }

    var isConnected: Bool { link != .offline }

    /// The CALL in flight; setting one needs an open connection.
    var inFlight: InFlightCall? {
        get {
            switch link {
            case .online(let inFlight): inFlight
            case .offline: nil
            }
        }
        set {
            switch link {
            case .online: link = .online(inFlight: newValue)
            case .offline: precondition(newValue == nil, "a CALL put in flight while offline")
            }
        }
    }

    // MARK: Queries

    /// Whether the central system has accepted the charger since its last boot.
    public var isAccepted: Bool { boot == .accepted }

    /// The current OCPP status of each connector (0 = the charge point), as last derived.
    public var connectorStatuses: [Int: ChargePointStatus] {
        Dictionary(uniqueKeysWithValues: connectors.map { ($0.id, $0.observed.status) })
    }

    /// The central system's id of the transaction on `connectorId`, once StartTransaction is answered.
    public func transactionId(onConnector connectorId: Int) -> Int? {
        guard connectors.indices.contains(connectorId) else { return nil }
        return connectors[connectorId].transaction?.transactionId
    }

    /// Whether a transaction runs on `connectorId`.
    public func hasTransaction(onConnector connectorId: Int) -> Bool {
        guard connectors.indices.contains(connectorId) else { return false }
        return connectors[connectorId].transaction != nil
    }

    /// Whether `connectorId` has a cable in and waits for an id tag: none presented yet, or the
    /// last one was refused or its Authorize went unanswered.
    public func awaitsIdTag(onConnector connectorId: Int) -> Bool {
        guard connectors.indices.contains(connectorId),
            case .preparing(let preparation) = connectors[connectorId].session
        else { return false }
        return preparation.idTag == nil && preparation.authorization == .none
    }

    /// Whether `connectorId` has an accepted id tag and waits for the cable (the driver presented
    /// the tag first; the transaction starts when the cable goes in, within ConnectionTimeOut).
    public func awaitsCable(onConnector connectorId: Int) -> Bool {
        guard connectors.indices.contains(connectorId), !isPlugged(connectorId),
            let preparation = connectors[connectorId].preparation
        else { return false }
        return preparation.idTag != nil && preparation.authorization == .accepted
    }

    /// The energy register of `connectorId`, Wh.
    public func registerWh(connectorId: Int) -> Double? {
        meters.connectors[connectorId]?.registerWh
    }

    /// Transaction messages not yet confirmed, oldest first.
    public var queuedTransactionMessages: [TransactionQueueEntry] { queue }

    /// The current value of a configuration key.
    public func configurationValue(_ key: String) -> String? { configuration.value(key) }

    /// When ``timerFired(now:)`` must be called next; nil when nothing is scheduled.
    public var nextDeadline: OCPPTimestamp? {
        // Read after every event: a running minimum, no array of candidates.
        var earliest: OCPPTimestamp?
        func consider(_ candidate: OCPPTimestamp?) {
            guard let candidate else { return }
            if let current = earliest, current <= candidate { return }
            earliest = candidate
        }
        consider(endpoint.nextDeadline.map(RPCTimeBase.timestamp))
        consider(nextAlignedSampleAt)
        consider(reservations.nextExpiry)
        consider(nextChargingLimitChange)
        consider(resetting?.deadline)
        consider(faultInjection?.nextEvent)
        consider(firmwareDeadline)
        consider(diagnosticsUpload?.nextDeadline)
        if isConnected {
            switch boot {
            case .notAccepted(let retryAt): consider(retryAt)
            case .pending(let retryAt): consider(retryAt)
            case .awaitingAnswer: break
            case .accepted:
                consider(nextHeartbeatAt)
                if !queue.isEmpty, inFlight == nil { consider(queueRetryAt) }
            }
        }
        let reportsStatuses = isConnected && boot == .accepted
        // By index, in place: `for connector in connectors` copies each connector (retains).
        for id in connectors.indices {
            if reportsStatuses, connectors[id].observed != connectors[id].lastSent {
                consider(
                    connectors[id].lastSent == nil
                        ? now : connectors[id].observedSince + configuration.minimumStatusDuration)
            }
            switch connectors[id].session {
            case .preparing(let preparation):
                consider(preparation.connectionDeadline)
                consider(preparation.autoPlugAt)
            case .transaction(let transaction):
                consider(connectors[id].nextSampleAt)
                if let fullSince = transaction.evFullSince, let unplugAfter = unplugAfterFull {
                    consider(fullSince + unplugAfter)
                }
                guard let meter = meters.connectors[id] else { break }
                if let allowanceEnd = transaction.invalidIdAllowanceEndWh, meter.isOfferingEnergy, meter.powerW > 0 {
                    // Re-estimated at each wake-up, so a falling power only makes it check again.
                    let seconds = max((allowanceEnd - meter.registerWh) / meter.powerW, 0.001)
                    consider(meter.lastUpdate + .milliseconds(Int64((seconds * 1000).rounded(.up))))
                }
                // The exact time to full integrates the EV's curve; skipped when even the rated
                // power could not fill it before the earliest deadline so far.
                if let current = earliest, let bound = meter.shortestTimeUntilEVFull(),
                    current <= meter.lastUpdate + bound
                {
                    break
                }
                if meter.status == .charging, let untilFull = meter.timeUntilEVFull() {
                    consider(meter.lastUpdate + untilFull)
                }
            case .finishing, nil:
                break
            }
        }
        return earliest
    }
}

import NIOCore
import OCPP16
import WebSocket

/// The thin NIO shell around one ``ChargePoint``: pinned to one event loop, it opens the
/// WebSocket to `<csms>/<id>` (subprotocol `ocpp1.6`, Basic auth for security profiles 1 and 2,
/// the fleet's TLS context for `wss://`), feeds the machine connection events, received text
/// and timer wake-ups, and carries out its actions.
///
/// One timer per charger, in its loop's ``ChargerTimerQueue``: it is armed for the earliest of the
/// machine's ``ChargePoint/nextDeadline``, the next reconnect attempt, the next snapshot check and
/// the stop deadline. No thread, no Task, no sleep (DESIGN.md, performance rules).
///
/// Transaction-queue entries are journaled (fsync) and the snapshot replaced before any message
/// of the same event is written to the socket (DESIGN.md, reliability rules).
///
/// `@unchecked Sendable`: every mutable property is only touched on `eventLoop`; the public
/// entry points hop there (`eventLoop.execute`/`submit`) and the callbacks of the connection
/// and of the scheduled task run there.
public final class ChargerRuntime: ChargerTimerTarget, @unchecked Sendable {
    /// Where the connection stands.
    enum Link {
        /// No connection; the next attempt is at `reconnectAt` (nil: not started).
        case idle
        /// An attempt is under way; `attempt` tells its callbacks from stale ones.
        case connecting(attempt: Int)
        /// Open.
        case open(WebSocketConnection)
        /// We asked it to close (reboot, new security profile, stop).
        case closing(WebSocketConnection)
        /// Stopped for good.
        case stopped
    }

    /// A stop in progress.
    private struct Stop {
        var promise: EventLoopPromise<Void>
        /// Give up waiting for confirmations then.
        var deadline: OCPPTimestamp
    }

    /// What this charger adds to its loop's ``FleetCounts``.
    private struct Flags: Equatable {
        var connected = false
        var booted = false
        var charging = false
        var faulted = false
    }

    /// The charge point id (the last path segment of its URL).
    public let chargePointId: String
    /// The loop the charger runs on.
    public let eventLoop: any EventLoop
    /// Most often the fleet's, shared (see ``ChargerRuntimeSettings/Shared``).
    private let sharedSettings: ChargerRuntimeSettings.Shared
    var settings: ChargerRuntimeSettings { sharedSettings.value }
    private let counters: LoopCounters
    private let storage: ChargerStateDirectory?
    var machine: ChargePoint
    private var backoff: ReconnectBackoff
    var link: Link = .idle
    private var attempts = 0
    var reconnectAt: OCPPTimestamp?
    private var nextSnapshotCheckAt: OCPPTimestamp?
    private var savedSnapshotHash: Int?
    /// This charger's slot in its loop's timer queue (taken when first armed) and whether armed.
    private var timerSlot: Int?
    private var timerArmed = false
    private var timerDeadline: OCPPTimestamp?
    /// The connection's keepalive deadline when the timer was armed. The keepalive moves later
    /// with every frame received; the timer is then left alone: it fires early, the connection
    /// finds no ping due, and the timer is re-armed (no re-arming per received message).
    private var timerKeepalive: NIODeadline?
    private var flags = Flags()
    private var stop: Stop?
    var reconnectAfterClose: Duration?
    /// When the current connection opened.
    private var openedAt: OCPPTimestamp?

    /// The charger's clock: the fleet's, plus what the charger set it by from the central
    /// system's time (``ChargePoint/clockAdjustment``). On the event loop.
    func clock() -> OCPPTimestamp {
        settings.clock() + machine.clockAdjustment
    }
    /// Whether this charger is in its loop's `total`.
    private var counted = false
    /// URL, TLS context and credentials of the next connection, from the security profile.
    private var security: ConnectionSecurity

    // Control and observation (issue 10): see the extension at the end of the file.
    /// Frames and state changes go there (set on the loop); nil costs one check per frame.
    private var observer: (any ChargerObserver)?

    /// Writes one OCPP frame and shows it to the observer (the control API's event stream).
    func transmit(_ bytes: [UInt8], on connection: WebSocketConnection) {
        probe.sent(bytes, into: &counters.traffic)
        // The machine writes its JSON from Strings: valid UTF-8, sent as is.
        connection.send(utf8Text: bytes)
        if let observer {
            observer.charger(self, did: .frame(.sent, text: String(decoding: bytes, as: UTF8.self)), at: clock())
        }
    }
    /// Taken off the network by the control API: no reconnect until put online.
    private var heldOffline = false
    /// The connector statuses last told to the observer.
    private var observedStatuses: [ConnectorState.Report] = []

    // Traffic and chaos (issue 10): the logic is in Traffic/ and Chaos/, the glue in
    // ChargerRuntime+Chaos.swift.
    /// Drivers arriving and leaving (`--traffic`); nil: none. Out of line: an inline optional
    /// would cost every charger ~256 bytes with or without traffic (issue 11: memory per idle charger).
    @OutOfLine var traffic: TrafficGenerator?
    /// Faults injected by call or at random (`--chaos`).
    var chaos: ChaosInjector
    // Scale (issue 11): the local address to connect from, and the round-trip timer.
    private let sourceAddress: SocketAddress?
    private var probe = RoundTripProbe()

    /// A runtime for `machine`, persisting to `storage` (nil: nothing survives a restart).
    init(
        machine: ChargePoint,
        storage: ChargerStateDirectory?,
        settings: ChargerRuntimeSettings.Shared,
        random: SeededRandomNumberGenerator,
        eventLoop: any EventLoop,
        counters: LoopCounters,
        certificateDirectory: CertificateStoreDirectory? = nil,
        traffic: TrafficGenerator? = nil,
        chaos: ChaosInjector,
        sourceAddress: SocketAddress? = nil
    ) {
        self.security = ConnectionSecurity(directory: certificateDirectory)
        self._traffic = OutOfLine(wrappedValue: traffic)
        self.chaos = chaos
        self.chargePointId = machine.chargePointId
        self.machine = machine
        self.storage = storage
        self.sharedSettings = settings
        self.backoff = ReconnectBackoff(configuration: settings.value.backoff, random: random)
        self.eventLoop = eventLoop
        self.counters = counters
        self.sourceAddress = sourceAddress
    }

    // MARK: - Public entry points (any thread)

    /// Powers the charger on: it connects after `delay` (the fleet's ramp).
    public func start(after delay: Duration = .zero) {
        eventLoop.execute {
            guard case .idle = self.link, self.stop == nil, !self.counted else { return }
            self.counted = true
            self.counters.counts.total += 1
            let now = self.clock()
            self.reconnectAt = now + delay
            if self.storage != nil { self.nextSnapshotCheckAt = now + self.settings.snapshotInterval }
            self.rearm()
        }
    }

    /// Runs a user or EV event on the machine (plug in, present a tag, a fault, ...) and carries
    /// out its actions.
    @discardableResult
    public func perform(
        _ event: @escaping @Sendable (inout ChargePoint, OCPPTimestamp) -> [ChargePointAction]
    ) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard !self.isStopped else { return }
            let actions = event(&self.machine, self.clock())
            self.carryOut(actions)
        }
    }

    /// Reads the machine on its loop.
    public func inspect<T: Sendable>(_ read: @escaping @Sendable (ChargePoint) -> T) -> EventLoopFuture<T> {
        eventLoop.submit { read(self.machine) }
    }

    /// Stops the charger. With `stoppingTransactions`, each open transaction is stopped (reason
    /// Local) and the stop waits up to the settings' `stopTimeout` for the StopTransaction to be
    /// confirmed; otherwise transactions are left running in the saved state, their messages
    /// queued, to resume on the next start. Then the state is saved and the connection closed.
    public func stop(stoppingTransactions: Bool) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: Void.self)
            if let existing = self.stop {
                existing.promise.futureResult.cascade(to: promise)
                return promise.futureResult
            }
            if case .stopped = self.link {
                promise.succeed(())
                return promise.futureResult
            }
            let now = self.clock()
            self.stop = Stop(
                promise: promise, deadline: now + (stoppingTransactions ? self.settings.stopTimeout : .zero))
            if stoppingTransactions {
                self.carryOut(self.machine.stopAllTransactions(reason: .local, now: now))
            }
            self.continueStopping(now: now)
            return promise.futureResult
        }
    }

    // MARK: - Timer

    var isStopped: Bool {
        if case .stopped = link { return true }
        return false
    }

    /// Arms the one scheduled task for the earliest thing due.
    func rearm() {
        guard !isStopped else { return }
        var deadline = Self.nextDeadline(of: &machine)
        func consider(_ candidate: OCPPTimestamp?) {
            guard let candidate else { return }
            deadline = deadline.map { min($0, candidate) } ?? candidate
        }
        if case .idle = link { consider(reconnectAt) }
        consider(nextSnapshotCheckAt)
        consider(stop?.deadline)
        consider(trafficAndChaosDeadline)
        // The connection's keepalive pings ride on this timer too (one timer per charger, not
        // one more NIO task per connection).
        var keepalive: NIODeadline?
        if case .open(let connection) = link { keepalive = connection.keepaliveDeadline }
        let keepaliveMovedEarlier = keepalive.map { new in timerKeepalive.map { new < $0 } ?? true } ?? false
        guard deadline != timerDeadline || keepaliveMovedEarlier || !timerArmed else { return }
        let timers = counters.timers
        if timerArmed, let timerSlot { timers.cancel(timerSlot) }
        timerArmed = false
        timerDeadline = deadline
        timerKeepalive = keepalive
        var at = deadline.map { eventLoop.now + .milliseconds(max(clock().duration(to: $0).wholeMilliseconds, 0)) }
        if let keepalive { at = at.map { min($0, keepalive) } ?? keepalive }
        guard let at else { return }
        let slot = timerSlot ?? timers.register(self)
        timerSlot = slot
        timers.arm(slot, at: at)
        timerArmed = true
    }

    /// The loop's timer queue fired this charger's timer.
    func timerQueueFired() {
        timerArmed = false
        timerFired()
    }

    /// The machine's next deadline, read in place: a plain read of a struct held by a class copies
    /// it (a retain and a release per reference it holds) to call a getter that is not inlined.
    private static func nextDeadline(of machine: inout ChargePoint) -> OCPPTimestamp? {
        machine.nextDeadline
    }

    private func timerFired() {
        let armedKeepalive = timerKeepalive
        timerDeadline = nil
        timerKeepalive = nil
        guard !isStopped else { return }
        // Most wake-ups are for the machine: the connection hears of its timer only when the
        // keepalive deadline it had when the timer was armed is due (the deadline only moves
        // later without a re-arm; a call before it does nothing, but costs a state machine round).
        if case .open(let connection) = link, let due = armedKeepalive, due <= eventLoop.now {
            connection.keepaliveTimerFired()
        }
        let now = clock()
        if case .idle = link, stop == nil, !heldOffline, let at = reconnectAt, at <= now {
            reconnectAt = nil
            connect()
        }
        let actions = machine.timerFired(now: now)
        carryOut(actions, rearming: false)
        runTrafficAndChaos(now: now)
        if let checkAt = nextSnapshotCheckAt, checkAt <= now {
            nextSnapshotCheckAt = now + settings.snapshotInterval
            saveSnapshot(onlyIfChanged: true)
        }
        if stop != nil {
            continueStopping(now: now)
        }
        rearm()
    }

    // MARK: - Connection

    private func connect() {
        attempts += 1
        let attempt = attempts
        link = .connecting(attempt: attempt)
        let url: WebSocketURL
        let plan: ConnectionSecurity.Plan
        do {
            plan = try security.plan(for: machine, settings: settings)
        } catch {
            connectFailed(error, attempt: attempt)
            return
        }
        do {
            url = try WebSocketURL(plan.url)
        } catch {
            settings.log("\(chargePointId): bad central system URL: \(error)")
            link = .stopped
            return
        }
        var configuration = WebSocketClientConfiguration(
            subprotocols: ["ocpp1.6"], requiresSubprotocol: true, tlsContext: plan.tlsContext,
            connectTimeout: .milliseconds(settings.connectTimeout.wholeMilliseconds))
        configuration.localAddress = sourceAddress
        configuration.deflate = settings.deflate
        let ping = machine.configuration.webSocketPingInterval
        configuration.connection.pingInterval = ping > .zero ? .milliseconds(ping.wholeMilliseconds) : nil
        // Security profiles 1 and 2 (OCPP 1.6 security whitepaper §2): Basic auth, user = the charge
        // point id. An explicit --password is sent whatever the profile says.
        if let password = plan.password {
            configuration.setBasicAuthorization(user: chargePointId, password: password)
        }
        // `configure` runs before the first frame is read: the machine learns of the connection
        // before any message of the central system reaches it.
        WebSocketConnection.connect(to: url, configuration: configuration, eventLoop: eventLoop) { connection in
            guard case .connecting(let current) = self.link, current == attempt else {
                // Stopped (or superseded) while connecting.
                connection.close(code: .goingAway)
                return
            }
            self.opened(connection)
        }.whenFailure { error in
            self.connectFailed(error, attempt: attempt)
        }
    }

    /// A connection attempt failed: the machine hears why (security events, profile fall-back),
    /// then the next attempt waits for the backoff.
    private func connectFailed(_ error: any Error, attempt: Int) {
        guard case .connecting(let current) = link, current == attempt else { return }
        link = .idle
        let profile = machine.configuration.securityProfile
        let failure = ConnectionFailure(error)
        carryOut(machine.connectionFailed(failure, now: clock()), rearming: false)
        let delay = backoff.failed()
        if backoff.consecutiveFailures <= 1 || backoff.consecutiveFailures % 10 == 0 {
            settings.log(
                "\(chargePointId): connect failed at security profile \(profile) (\(failure.reason)); attempt "
                    + "\(backoff.consecutiveFailures), next in \(delay)")
        }
        reconnectAt = clock() + delay
        rearm()
    }

    private func opened(_ connection: WebSocketConnection) {
        link = .open(connection)
        connection.driveKeepaliveExternally()
        openedAt = clock()
        counters.traffic.connectionsOpened += 1
        connection.onMessage = { message in
            switch message {
            case .text(let text):
                guard !self.isStopped else { return }
                self.observer?.charger(self, did: .frame(.received, text: text), at: self.clock())
                self.probe.received(text, into: &self.counters.traffic)
                self.carryOut(self.machine.received(text: Array(text.utf8), now: self.clock()))
            case .binary:
                // OCPP-J carries text frames only (OCPP-J 1.6 §4); a binary message is not a call.
                connection.close(code: .unsupportedData, reason: "OCPP-J uses text frames")
            }
        }
        connection.onClose = { status in self.closed(connection, status: status) }
        observe(.link(.connected))
        carryOut(machine.connected(now: clock()))
    }

    private func closed(_ connection: WebSocketConnection, status: WebSocketCloseStatus) {
        switch link {
        case .open(let current):
            guard current === connection else { return }
            // Not a close the charger started (those go through `.closing`): said in the log with
            // how it ended, as a connect failure is, or a count of lost connections explains nothing.
            counters.traffic.connectionsLost += 1
            let reason = status.reason.isEmpty ? "" : " \"\(status.reason)\""
            settings.log("\(chargePointId): connection lost (close code \(status.code.rawValue)\(reason))")
        case .closing(let current):
            guard current === connection else { return }
        case .idle, .connecting, .stopped:
            return
        }
        let now = clock()
        link = .idle
        probe.reset()
        // A connection that held for a while resets the backoff; one the central system drops
        // at once (refusing the charger after the handshake) keeps backing off.
        if let openedAt, openedAt.duration(to: now) >= settings.backoff.maximum { backoff.succeeded() }
        openedAt = nil
        chaos.connectionClosed()
        carryOut(machine.disconnected(now: now), rearming: false)
        saveSnapshot(onlyIfChanged: true)
        if let stop {
            finishStop(stop)
            return
        }
        let delay = reconnectAfterClose ?? backoff.failed()
        reconnectAfterClose = nil
        reconnectAt = heldOffline ? nil : now + delay
        observe(.link(linkState))
        rearm()
    }

    /// Closes the connection on purpose; reconnects after `delay` unless stopping.
    private func closeConnection(reconnectingAfter delay: Duration?) {
        switch link {
        case .open(let connection):
            link = .closing(connection)
            reconnectAfterClose = delay
            connection.close(code: stop == nil ? .normalClosure : .goingAway)
        case .connecting:
            link = .idle
            if stop == nil { reconnectAt = clock() + (delay ?? .zero) }
        case .idle, .closing, .stopped:
            break
        }
    }

    // MARK: - Actions

    /// Carries out the machine's actions: first every queue change (journal, fsync) and the
    /// snapshot that goes with them, then the writes and the rest in order.
    func carryOut(_ actions: [ChargePointAction], rearming: Bool = true) {
        var queueChanged = false
        for action in actions {
            switch action {
            case .persist(let entry):
                queueChanged = true
                do {
                    try storage?.journal.add(entry)
                } catch {
                    settings.log("\(chargePointId): cannot persist a transaction message: \(error)")
                }
            case .remove(let entryId):
                queueChanged = true
                do {
                    try storage?.journal.remove(entryId)
                } catch {
                    settings.log("\(chargePointId): cannot remove a confirmed transaction message: \(error)")
                }
            case .send, .reboot, .reconfigureConnection, .download, .upload:
                break
            }
        }
        if queueChanged { saveSnapshot(onlyIfChanged: false) }
        var reconnectForNewProfile = false
        for action in actions {
            switch action {
            case .send(let bytes):
                write(bytes)
            case .persist, .remove:
                break
            case .download, .upload:
                startTransfer(action)
            case .reboot:
                saveSnapshot(onlyIfChanged: true)
                closeConnection(reconnectingAfter: settings.rebootDelay)
            case .reconfigureConnection(let change):
                saveSnapshot(onlyIfChanged: true)
                switch change {
                case .securityProfile:
                    // After the ChangeConfiguration answer, which comes later in this batch.
                    reconnectForNewProfile = true
                case .webSocketPingInterval(let interval):
                    // Applies to the open connection at once (and to the next ones from the key).
                    if case .open(let connection) = link {
                        connection.setPingInterval(interval > .zero ? .milliseconds(interval.wholeMilliseconds) : nil)
                    }
                case .authorizationKey, .heartbeatInterval, .meterValueSampleInterval,
                    .clockAlignedDataInterval, .authorizationCacheEnabled, .localAuthListEnabled, .stored:
                    // Read from the configuration when the next connection opens.
                    break
                }
            }
        }
        if reconnectForNewProfile { closeConnection(reconnectingAfter: .zero) }
        updateFlags()
        if observer != nil { observeStatuses() }
        if stop != nil { continueStopping(now: clock()) }
        if rearming { rearm() }
    }

    /// Runs a firmware download or diagnostics upload off the loop; its result comes back to the
    /// machine on this charger's loop (retries and installation are timer-driven from there).
    private func startTransfer(_ action: ChargePointAction) {
        guard let transfers = settings.fileTransfers, let future = transfers.perform(action, on: eventLoop) else {
            let result = FileTransferResult.failure(reason: "this fleet has no file transfer client")
            eventLoop.execute {
                self.carryOut(self.machine.transferFinished(action, result: result, now: self.clock()))
            }
            return
        }
        future.whenSuccess { result in
            self.carryOut(self.machine.transferFinished(action, result: result, now: self.clock()))
        }
    }

    private func updateFlags() {
        guard !isStopped else { return }
        var new = Flags()
        if case .open = link { new.connected = true }
        new.booted = machine.isAccepted
        // Runs after every event: read the connectors in place, by index (no dictionary, no
        // machine copy; `for connector in` would copy each connector, a retain per reference).
        for index in machine.connectors.indices {
            let status = machine.connectors[index].observed.status
            if index > 0, status == .charging { new.charging = true }
            if status == .faulted { new.faulted = true }
        }
        guard new != flags else { return }
        var counts = counters.counts
        func apply(_ old: Bool, _ now: Bool, _ path: WritableKeyPath<FleetCounts, Int>) {
            if old != now { counts[keyPath: path] += now ? 1 : -1 }
        }
        apply(flags.connected, new.connected, \.connected)
        apply(flags.booted, new.booted, \.booted)
        apply(flags.charging, new.charging, \.charging)
        apply(flags.faulted, new.faulted, \.faulted)
        counters.counts = counts
        flags = new
    }

    // MARK: - Persistence and stop

    private func saveSnapshot(onlyIfChanged: Bool) {
        guard let storage else { return }
        var snapshot = machine.snapshot
        snapshot.queuedMessages = []
        var hasher = Hasher()
        hasher.combine(String(describing: snapshot))
        let hash = hasher.finalize()
        if onlyIfChanged, hash == savedSnapshotHash { return }
        do {
            try storage.save(snapshot)
            savedSnapshotHash = hash
        } catch {
            settings.log("\(chargePointId): cannot save the snapshot: \(error)")
        }
    }

    private func continueStopping(now: OCPPTimestamp) {
        guard let stop else { return }
        if case .closing = link { return }
        let confirmed = machine.queuedTransactionMessages.isEmpty
        guard confirmed || stop.deadline <= now || !isOnline else { return }
        saveSnapshot(onlyIfChanged: true)
        switch link {
        case .open:
            closeConnection(reconnectingAfter: nil)
        case .idle, .connecting, .stopped, .closing:
            link = .idle
            finishStop(stop)
        }
    }

    private var isOnline: Bool {
        if case .open = link { return true }
        return false
    }

    private func finishStop(_ stop: Stop) {
        if let timerSlot { counters.timers.unregister(timerSlot) }
        timerSlot = nil
        timerArmed = false
        timerDeadline = nil
        link = .stopped
        self.stop = nil
        var counts = counters.counts
        if flags.connected { counts.connected -= 1 }
        if flags.booted { counts.booted -= 1 }
        if flags.charging { counts.charging -= 1 }
        if flags.faulted { counts.faulted -= 1 }
        if counted { counts.total -= 1 }
        counters.counts = counts
        flags = Flags()
        counted = false
        stop.promise.succeed(())
    }
}

// MARK: - Control and observation (issue 10)

extension ChargerRuntime {
    /// Runs an event on the machine that also answers something (was the EV plugged in? the
    /// ChangeConfiguration status), carries out its actions and completes with the answer;
    /// nil when the charger is stopped.
    public func perform<T: Sendable>(
        answering event: @escaping @Sendable (inout ChargePoint, OCPPTimestamp) -> (T, [ChargePointAction])
    ) -> EventLoopFuture<T?> {
        eventLoop.submit {
            guard !self.isStopped else { return nil }
            let (answer, actions) = event(&self.machine, self.clock())
            self.carryOut(actions)
            return answer
        }
    }

    /// Takes the charger off the network (closes the connection and stays off) or puts it
    /// back (connects at once). The machine sees a plain disconnection: charging goes on and
    /// transaction messages queue up.
    public func setOnline(_ online: Bool) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard !self.isStopped, online == self.heldOffline else { return }
            self.heldOffline = !online
            if online {
                if case .idle = self.link, self.counted, self.stop == nil {
                    self.reconnectAt = self.clock()
                }
            } else {
                self.closeConnection(reconnectingAfter: nil)
                self.reconnectAt = nil
            }
            self.observe(.link(self.linkState))
            self.rearm()
        }
    }

    /// The charger as the control API lists it.
    public func overview() -> EventLoopFuture<ChargerOverview> {
        eventLoop.submit { self.overviewOnLoop() }
    }

    /// Sets the observer (nil: none) for what happens from now on.
    public func setObserver(_ observer: (any ChargerObserver)?) {
        eventLoop.execute {
            self.observer = observer
            self.observedStatuses = self.machine.connectors.map(\.observed)
        }
    }

    /// ``overview()`` on the loop (for observers and fleet-wide reads that already run there).
    public func overviewOnLoop() -> ChargerOverview {
        eventLoop.preconditionInEventLoop()
        return ChargerOverview(
            chargePointId: chargePointId, model: machine.profile.identity.chargePointModel, link: linkState,
            booted: machine.isAccepted, firmwareVersion: machine.firmwareVersion,
            queuedTransactionMessages: machine.queuedTransactionMessages.count,
            connectors: machine.connectorOverviews)
    }

    private var linkState: ChargerLinkState {
        switch link {
        case .idle: heldOffline ? .offline : .disconnected
        case .connecting: .connecting
        case .open, .closing: heldOffline ? .offline : .connected
        case .stopped: .stopped
        }
    }

    private func observe(_ event: ChargerEvent) {
        observer?.charger(self, did: event, at: clock())
    }

    /// Tells the observer when a connector's status or error changed.
    private func observeStatuses() {
        var changed = observedStatuses.count != machine.connectors.count
        if !changed {
            for index in machine.connectors.indices where machine.connectors[index].observed != observedStatuses[index]
            {
                changed = true
                break
            }
        }
        guard changed else { return }
        observedStatuses = machine.connectors.map(\.observed)
        observe(.connectors(machine.connectorOverviews))
    }
}

import OCPP16
import Simulator

/// A ``ChargePoint`` wired to a ``ScriptedCentralSystem`` by a pretend shell with a manual
/// clock: it carries out the charger's actions (writes go to the central system when
/// connected, persisted queue entries go to an in-memory "disk"), feeds replies back, and
/// fires the charger's timer as time advances. No sockets, no sleeps.
public struct ChargePointHarness {
    /// The machine under test.
    public var charger: ChargePoint
    /// Its central system.
    public var csms: ScriptedCentralSystem
    /// The manual clock.
    public private(set) var now: OCPPTimestamp
    /// Whether the pretend WebSocket is open; writes while closed are lost.
    public private(set) var isConnected = false
    /// The shell's durable storage of transaction-queue entries.
    public private(set) var disk: [UInt64: [UInt8]] = [:]
    /// Resets the charger asked for.
    public private(set) var reboots: [ResetType] = []
    /// Problems the harness saw: a transaction message sent before it was persisted.
    public private(set) var shellViolations: [String] = []
    /// Frames written while disconnected (lost).
    public private(set) var lostWrites = 0
    /// Connection settings the charger asked to apply.
    public private(set) var connectionChanges: [ConfigurationChange] = []
    /// The `.download` and `.upload` actions the charger asked for, in order; a test reports
    /// their outcome with ``finishDownload(requestId:result:)`` / ``finishUpload(requestId:result:)``.
    public private(set) var transfers: [ChargePointAction] = []

    /// How far the central system's clock (its `currentTime` answers) is ahead of the shell's
    /// clock ``now``; the charger may set its clock to it (SettingSystemTime).
    public var centralSystemClockOffset: Duration = .zero {
        didSet { csms.now = now + centralSystemClockOffset }
    }

    /// The time the charger is given, as a shell gives it: ``now`` plus what the charger set
    /// its clock by (``ChargePoint/clockAdjustment``).
    public var chargerNow: OCPPTimestamp { now + charger.clockAdjustment }

    public init(charger: ChargePoint, now: OCPPTimestamp) {
        self.charger = charger
        self.csms = ScriptedCentralSystem(now: now)
        self.now = now
    }

    /// Opens the connection.
    public mutating func connect() {
        isConnected = true
        apply(charger.connected(now: chargerNow))
    }

    /// Closes the connection.
    public mutating func disconnect() {
        isConnected = false
        apply(charger.disconnected(now: chargerNow))
    }

    /// Moves the clock by `duration`, firing the charger's timer at each deadline on the way, or
    /// `late` after it (as a fleet's timer slack does).
    public mutating func advance(by duration: Duration, firingLate late: Duration = .zero) {
        let target = now + duration
        var steps = 0
        // The charger's deadlines are on its own (possibly adjusted) clock.
        while let deadline = charger.nextDeadline.map({ $0 + (.zero - charger.clockAdjustment) + late }),
            deadline <= target, steps < 100_000
        {
            steps += 1
            now = max(now, deadline)
            csms.now = now + centralSystemClockOffset
            apply(charger.timerFired(now: chargerNow))
        }
        now = target
        csms.now = now + centralSystemClockOffset
    }

    /// Runs one user/EV event: `event` gets the charger and ``chargerNow``.
    public mutating func act(_ event: (inout ChargePoint, OCPPTimestamp) -> [ChargePointAction]) {
        let actions = event(&charger, chargerNow)
        apply(actions)
    }

    /// The shell's download with `requestId` ended with `result`.
    public mutating func finishDownload(requestId: UInt64, result: FileTransferResult) {
        apply(charger.downloadFinished(requestId: requestId, result: result, now: chargerNow))
    }

    /// The shell's upload with `requestId` ended with `result`.
    public mutating func finishUpload(requestId: UInt64, result: FileTransferResult) {
        apply(charger.uploadFinished(requestId: requestId, result: result, now: chargerNow))
    }

    /// Sends a CALL from the central system and returns the charger's answer.
    @discardableResult
    public mutating func deliver<R: OCPPRequest>(_ request: R) -> R.Response? {
        let (messageId, bytes) = csms.call(request)
        apply(charger.received(text: bytes, now: chargerNow))
        return csms.answer(to: messageId, as: R.self)
    }

    /// Sends a CALL and returns the raw answer (to check CALLERRORs).
    public mutating func deliverRaw<R: OCPPRequest>(_ request: R) -> CallAnswer? {
        let (messageId, bytes) = csms.call(request)
        apply(charger.received(text: bytes, now: chargerNow))
        return csms.answers[messageId]
    }

    /// Carries out actions in order, feeding the central system's replies back in.
    public mutating func apply(_ actions: [ChargePointAction]) {
        var pending = actions[...]
        while let action = pending.popFirst() {
            switch action {
            case .send(let bytes):
                guard isConnected else {
                    lostWrites += 1
                    continue
                }
                checkPersisted(bytes)
                if let reply = csms.receive(bytes) {
                    pending.append(contentsOf: charger.received(text: reply, now: chargerNow))
                }
            case .persist(let entry):
                disk[entry.id] = entry.persistedBytes
            case .remove(let entryId):
                disk.removeValue(forKey: entryId)
            case .reboot(let type):
                reboots.append(type)
                isConnected = false
                pending.append(contentsOf: charger.disconnected(now: chargerNow))
            case .reconfigureConnection(let change):
                connectionChanges.append(change)
            case .download, .upload:
                transfers.append(action)
            }
        }
    }

    /// A transaction message must be on disk, with the same payload, before it is written.
    private mutating func checkPersisted(_ bytes: [UInt8]) {
        guard case .call(_, let action, let payload)? = try? RPCFrame.parse(bytes),
            [StartTransactionRequest.action, StopTransactionRequest.action, MeterValuesRequest.action]
                .contains(action)
        else { return }
        let stored = disk.values.compactMap { try? TransactionQueueEntry(persisted: $0) }
        let isTransactionMessage = action != MeterValuesRequest.action || payload.description.contains("transactionId")
        guard isTransactionMessage else { return }
        if !stored.contains(where: { $0.action == action && RawJSON($0.payload) == payload }) {
            // Triggered MeterValues with a transaction id are not queued; only flag the rest.
            if !payload.description.contains("\"Trigger\"") {
                shellViolations.append("\(action) sent without being persisted first: \(payload)")
            }
        }
    }
}

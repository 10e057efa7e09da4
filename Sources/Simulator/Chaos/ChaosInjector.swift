import Foundation
import OCPP16

/// Chaos for one charger as a sans-I/O machine: faults injected by call
/// (``inject(_:now:)``) or drawn at random from a ``ChaosProfile`` (a Poisson process per
/// charger), turned into ``ChaosEffect``s for the shell at the right time; the frames the
/// charger writes pass through ``outgoing(_:now:)``, which delays, drops or spoils answers to
/// the central system's CALLs and holds everything while the socket is stalled (half-open).
/// The charger's own CALLs are never changed: transaction messages stay exactly-once.
public struct ChaosInjector: Sendable {
    /// A fault waiting for its moment.
    struct Pending: Sendable, Equatable {
        var fault: ChaosFault
        var at: OCPPTimestamp
    }

    /// An effect due later (a fault clearing, a held frame going out).
    struct Timed: Sendable, Equatable {
        var at: OCPPTimestamp
        var effect: ChaosEffect
    }

    /// The profile behind one reference: inline, the optional would cost every charger ~500
    /// bytes with or without chaos (issue 11: memory per idle charger).
    private final class SharedProfile: Sendable {
        let value: ChaosProfile
        init(_ value: ChaosProfile) { self.value = value }
    }

    private let sharedProfile: SharedProfile?
    var profile: ChaosProfile? { sharedProfile?.value }
    var random: SeededRandomNumberGenerator
    /// The next random fault (nil: none drawn).
    var nextRandomAt: OCPPTimestamp?
    var pending: [Pending] = []
    var timed: [Timed] = []
    /// Misbehaving answers still to give, in order.
    public private(set) var answerModes: [ChaosAnswer] = []
    /// The socket is stalled until then; frames are withheld.
    var stalledUntil: OCPPTimestamp?
    var stallReconnectAfter: Duration = .zero
    /// Connector ids to pick from.
    let connectorIds: [Int]

    /// How long a fault that cuts the connection waits before looking again for a quiet moment.
    static let quietRetry: Duration = .milliseconds(50)

    public init(profile: ChaosProfile?, connectorIds: [Int], random: SeededRandomNumberGenerator, now: OCPPTimestamp) {
        self.sharedProfile = profile.map(SharedProfile.init)
        self.connectorIds = connectorIds
        self.random = random
        scheduleRandom(after: now)
    }

    /// The earliest instant something is due.
    public var nextDeadline: OCPPTimestamp? {
        // Read on every re-arm of every charger: a running minimum, no arrays.
        var earliest = nextRandomAt
        func consider(_ candidate: OCPPTimestamp?) {
            guard let candidate else { return }
            if let current = earliest, current <= candidate { return }
            earliest = candidate
        }
        consider(stalledUntil)
        for item in pending { consider(item.at) }
        for item in timed { consider(item.at) }
        return earliest
    }

    /// A fault by call, carried out at once (or at the next quiet moment).
    public mutating func inject(_ fault: ChaosFault, now: OCPPTimestamp, quiet: Bool) -> [ChaosEffect] {
        if fault.cutsConnection, !quiet || stalledUntil != nil {
            pending.append(Pending(fault: fault, at: now + (quiet ? .zero : Self.quietRetry)))
            return []
        }
        return effects(of: fault, now: now)
    }

    /// What is due at `now`; `quiet`: no CALL of the charger is in flight.
    public mutating func timerFired(now: OCPPTimestamp, quiet: Bool) -> [ChaosEffect] {
        var effects: [ChaosEffect] = []
        if let until = stalledUntil, until <= now {
            stalledUntil = nil
            // The charger gives the dead connection up; what it held is lost with it.
            timed.removeAll { if case .write = $0.effect { return true } else { return false } }
            effects.append(.dropConnection(reconnectAfter: stallReconnectAfter))
        }
        let due = timed.filter { $0.at <= now }
        timed.removeAll { $0.at <= now }
        effects += due.map(\.effect)
        if let at = nextRandomAt, at <= now {
            nextRandomAt = nil
            if let fault = drawFault() { pending.append(Pending(fault: fault, at: now)) }
            scheduleRandom(after: now)
        }
        let ready = pending.filter { $0.at <= now }
        pending.removeAll { $0.at <= now }
        for item in ready {
            if item.fault.cutsConnection, !quiet || stalledUntil != nil {
                pending.append(Pending(fault: item.fault, at: now + Self.quietRetry))
            } else {
                effects += self.effects(of: item.fault, now: now)
            }
        }
        return effects
    }

    /// True when ``outgoing(_:now:)`` would write every frame as it is (no stall, no answer
    /// chaos): the shell then skips it, and the clock read it needs (issue 11: every frame of
    /// every charger passes here, and most fleets run without chaos).
    public var passesFramesThrough: Bool {
        stalledUntil == nil && answerModes.isEmpty && (sharedProfile == nil || !hasRandomAnswers)
    }

    /// A frame the charger is about to write.
    public mutating func outgoing(_ bytes: [UInt8], now: OCPPTimestamp) -> ChaosOutgoing {
        if stalledUntil != nil { return .withheld }
        // Every frame of every charger passes here: without answer chaos, no parsing.
        guard !answerModes.isEmpty || hasRandomAnswers else { return .write(bytes) }
        // Only answers (CALLRESULT, message type 3) to the central system are touched.
        guard case .callResult(let messageId, _)? = try? RPCFrame.parse(bytes) else { return .write(bytes) }
        guard let mode = nextAnswerMode() else { return .write(bytes) }
        switch mode {
        case .slow(let delay):
            timed.append(Timed(at: now + delay, effect: .write(bytes)))
            return .withheld
        case .missing:
            return .withheld
        case .callError:
            let error = CallError(.internalError, "Simulated failure (chaos)")
            return .write(RPCFrame.callError(messageId: messageId, error: error).serialized())
        case .malformed:
            return .write(Array("[3,\"\(messageId)\",{\"status\":".utf8))
        }
    }

    /// The connection closed: held frames and the stall go with it.
    public mutating func connectionClosed() {
        stalledUntil = nil
        timed.removeAll { if case .write = $0.effect { return true } else { return false } }
    }

    // MARK: - Faults

    private mutating func effects(of fault: ChaosFault, now: OCPPTimestamp) -> [ChaosEffect] {
        switch fault {
        case .connectorFault(let connectorId, let errorCode, let vendorErrorCode, let duration):
            timed.append(
                Timed(at: now + duration, effect: .clearFault(connectorId: connectorId, errorCode: errorCode)))
            return [.setFault(connectorId: connectorId, errorCode: errorCode, vendorErrorCode: vendorErrorCode)]
        case .evSuspended(let connectorId, let duration):
            timed.append(Timed(at: now + duration, effect: .suspendEV(connectorId: connectorId, false)))
            return [.suspendEV(connectorId: connectorId, true)]
        case .connectionDrop(let reconnectAfter):
            return [.dropConnection(reconnectAfter: reconnectAfter)]
        case .halfOpen(let duration, let reconnectAfter):
            stalledUntil = now + duration
            stallReconnectAfter = reconnectAfter
            return [.stopReading]
        case .reboot:
            return [.reboot]
        case .malformedFrame:
            let garbage = [
                "not json at all", "[2,\"chaos\",\"Heartbeat\"", "{\"messageTypeId\":2}", "[9,\"chaos\",{}]",
            ]
            let text = garbage.randomElement(using: &random) ?? garbage[0]
            return [.write(Array(text.utf8))]
        case .answers(let mode, let count):
            answerModes += Array(repeating: mode, count: max(count, 0))
            return []
        }
    }

    /// Whether the profile draws a mode for answers at all (``nextAnswerMode()`` is nil otherwise).
    private var hasRandomAnswers: Bool {
        guard let profile else { return false }
        return profile.slowAnswerShare + profile.missingAnswerShare + profile.callErrorAnswerShare
            + profile.malformedAnswerShare > 0
    }

    private mutating func nextAnswerMode() -> ChaosAnswer? {
        if !answerModes.isEmpty { return answerModes.removeFirst() }
        guard let profile else { return nil }
        let total =
            profile.slowAnswerShare + profile.missingAnswerShare + profile.callErrorAnswerShare
            + profile.malformedAnswerShare
        guard total > 0 else { return nil }
        var draw = Double.random(in: 0..<1, using: &random)
        if draw < profile.slowAnswerShare {
            return .slow(delay: Self.duration(seconds: profile.slowAnswerSeconds.draw(using: &random)))
        }
        draw -= profile.slowAnswerShare
        if draw < profile.missingAnswerShare { return .missing }
        draw -= profile.missingAnswerShare
        if draw < profile.callErrorAnswerShare { return .callError }
        draw -= profile.callErrorAnswerShare
        if draw < profile.malformedAnswerShare { return .malformed }
        return nil
    }

    private mutating func scheduleRandom(after now: OCPPTimestamp) {
        let total = profile?.rates.reduce(0) { $0 + $1.perHour } ?? 0
        guard total > 0 else { return }
        let hours = -log(1 - Double.random(in: 0..<1, using: &random)) / total
        nextRandomAt = now + Self.duration(seconds: hours * 3600)
    }

    private mutating func drawFault() -> ChaosFault? {
        guard let profile else { return nil }
        let total = profile.rates.reduce(0) { $0 + $1.perHour }
        guard total > 0 else { return nil }
        var draw = Double.random(in: 0..<total, using: &random)
        var kind = ChaosProfile.RandomKind.malformedFrame
        for (candidate, rate) in profile.rates where rate > 0 {
            kind = candidate
            if draw < rate { break }
            draw -= rate
        }
        let connectorId = connectorIds.randomElement(using: &random) ?? 1
        switch kind {
        case .connectorFault:
            return .connectorFault(
                connectorId: connectorId,
                errorCode: profile.connectorFaultCodes.randomElement(using: &random) ?? .internalError,
                vendorErrorCode: nil,
                duration: Self.duration(seconds: profile.connectorFaultSeconds.draw(using: &random)))
        case .evSuspension:
            return .evSuspended(
                connectorId: connectorId,
                duration: Self.duration(seconds: profile.evSuspensionSeconds.draw(using: &random)))
        case .connectionDrop:
            return .connectionDrop(
                reconnectAfter: Self.duration(seconds: profile.reconnectDelaySeconds.draw(using: &random)))
        case .halfOpen:
            return .halfOpen(
                duration: Self.duration(seconds: profile.halfOpenSeconds.draw(using: &random)),
                reconnectAfter: Self.duration(seconds: profile.reconnectDelaySeconds.draw(using: &random)))
        case .reboot:
            return .reboot
        case .malformedFrame:
            return .malformedFrame
        }
    }

    static func duration(seconds: Double) -> Duration {
        TrafficGenerator.duration(seconds: seconds)
    }
}

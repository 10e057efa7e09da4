import NIOCore
import OCPP16

/// The metrics of the chargers pinned to one event loop, written there on every frame with no
/// lock and no atomic, and read there at scrape time (`eventLoop.submit`), like ``LoopCounters``.
///
/// `@unchecked Sendable`: every property is only touched on `eventLoop` (``record(_:charger:at:)``
/// is called by the charger on its loop; ``ControlMetrics`` reads through `eventLoop.submit`).
final class LoopMetrics: @unchecked Sendable {
    struct MessageKey: Hashable {
        /// `in` (from the central system) or `out`.
        var direction: String
        var action: String
        /// `call`, `result` or `error`.
        var kind: String
    }

    struct ErrorKey: Hashable {
        var direction: String
        var code: String
    }

    /// What a scrape reads.
    struct Totals: Sendable {
        var messages: [MessageKey: Int] = [:]
        var callErrors: [ErrorKey: Int] = [:]
        var roundTripBuckets: [Int]
        var roundTripSum: Double = 0
        var roundTripCount = 0
        var connections = 0
        var reconnects = 0
    }

    /// Upper bounds of the round-trip histogram, seconds.
    static let roundTripBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    let eventLoop: any EventLoop
    private(set) var totals = Totals(roundTripBuckets: Array(repeating: 0, count: roundTripBounds.count + 1))
    /// The charger's CALL awaiting the central system's answer (OCPP-J: one at a time).
    private var callsOut: [ObjectIdentifier: (messageId: String, action: String, at: OCPPTimestamp)] = [:]
    /// The central system's CALL awaiting the charger's answer.
    private var callsIn: [ObjectIdentifier: (messageId: String, action: String)] = [:]
    private var connectedBefore: Set<ObjectIdentifier> = []

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func record(_ event: ChargerEvent, charger: ChargerRuntime, at: OCPPTimestamp) {
        let key = ObjectIdentifier(charger)
        switch event {
        case .frame(let direction, let text):
            guard let header = OCPPFrameHeader(text) else { return }
            let outgoing = direction == .sent
            let label = outgoing ? "out" : "in"
            let action: String
            switch header.kind {
            case .call:
                action = header.name ?? "?"
                if outgoing {
                    callsOut[key] = (header.messageId, action, at)
                } else {
                    callsIn[key] = (header.messageId, action)
                }
            case .result, .error:
                if outgoing {
                    action = callsIn[key].flatMap { $0.messageId == header.messageId ? $0.action : nil } ?? "?"
                    callsIn[key] = nil
                } else if let call = callsOut[key], call.messageId == header.messageId {
                    action = call.action
                    callsOut[key] = nil
                    observeRoundTrip(call.at.duration(to: at))
                } else {
                    action = "?"
                }
                if header.kind == .error {
                    totals.callErrors[ErrorKey(direction: label, code: header.name ?? "?"), default: 0] += 1
                }
            }
            totals.messages[MessageKey(direction: label, action: action, kind: header.kind.rawValue), default: 0] += 1
        case .link(let state):
            switch state {
            case .connected:
                totals.connections += 1
                if !connectedBefore.insert(key).inserted { totals.reconnects += 1 }
            case .disconnected, .offline, .stopped:
                callsOut[key] = nil
                callsIn[key] = nil
            case .connecting:
                break
            }
        case .connectors:
            break
        }
    }

    private func observeRoundTrip(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let value = max(Double(seconds) + Double(attoseconds) / 1e18, 0)
        let bucket = Self.roundTripBounds.firstIndex { value <= $0 } ?? Self.roundTripBounds.count
        totals.roundTripBuckets[bucket] += 1
        totals.roundTripSum += value
        totals.roundTripCount += 1
    }
}

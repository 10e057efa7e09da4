import NIOCore
import OCPP16

extension Fleet {
    /// Which chargers (0-based positions in ``chargers``) a share of `share` (0...1) picks: spread
    /// evenly, position `p` when `floor((p + 1) * share) > floor(p * share)`, so 0.2 picks every
    /// fifth charger and the pick is the same in every run.
    public static func chargingPositions(count: Int, share: Double) -> [Int] {
        guard share > 0 else { return [] }
        return (0..<count).filter { position in
            (Double(position + 1) * share).rounded(.down) > (Double(position) * share).rounded(.down)
        }
    }

    /// Keeps a share of the chargers charging, for load tests: each picked charger, once booted
    /// with connector 1 free, has an EV plugged into connector 1 and presents its own tag,
    /// `<idTagPrefix><the last 16 characters of its id>` (one tag per charger: a central system
    /// answers ConcurrentTx to a tag already charging elsewhere). The picked chargers start
    /// looking at evenly spread phases of one `retry` period. Every `retry` until its
    /// transaction starts, a charger is looked at again: not ready yet, it waits; its cable in but
    /// its tag refused or unanswered (an Authorize that timed out on an overloaded central
    /// system), it presents the tag again, as a driver would, up to
    /// ``keepChargingPresentations`` times in all. Its MeterValues then follow its
    /// `MeterValueSampleInterval`.
    public func keepCharging(share: Double, idTagPrefix: String = "LT", retry: Duration = .seconds(1)) {
        let positions = Self.chargingPositions(count: chargers.count, share: share)
        let retryNanoseconds = retry.wholeMilliseconds * 1_000_000
        for (order, position) in positions.enumerated() {
            let charger = chargers[position]
            let idTag = String((idTagPrefix + charger.chargePointId).suffix(20))
            // Each charger looks at its connector at its own phase of the retry period: drivers do
            // not all plug in at the same instant, and chargers whose transactions started in the
            // same millisecond would send every MeterValues together, a burst the central system
            // can only queue (issue 11: bursts of hundreds per 10 ms set the round-trip tail).
            let phase = retryNanoseconds * Int64(order) / Int64(positions.count)
            charger.eventLoop.scheduleTask(in: .nanoseconds(phase)) {
                Self.startCharging(charger, idTag: idTag, retry: retry, presented: 0)
            }
        }
    }

    /// How often ``keepCharging(share:idTagPrefix:retry:)`` presents a charger's tag before it
    /// gives up on that charger (a central system that refuses the tag for good).
    public static let keepChargingPresentations = 5

    /// What a load-test driver does next at connector 1 of a charger.
    private enum ChargingStep: Sendable {
        case started, wait, plugInAndPresentTag, presentTagAgain
    }

    private static func startCharging(_ charger: ChargerRuntime, idTag: String, retry: Duration, presented: Int) {
        let step = charger.inspect { machine -> ChargingStep in
            guard machine.isAccepted else { return .wait }
            if machine.hasTransaction(onConnector: 1) { return .started }
            if machine.connectorStatuses[1] == .available { return .plugInAndPresentTag }
            return machine.awaitsIdTag(onConnector: 1) ? .presentTagAgain : .wait
        }
        step.whenSuccess { step in
            var presented = presented
            switch step {
            case .started:
                return
            case .wait:
                break
            case .plugInAndPresentTag, .presentTagAgain:
                guard presented < keepChargingPresentations else { return }
                presented += 1
                charger.perform { machine, now in
                    (step == .plugInAndPresentTag ? machine.plugInRandomEV(connectorId: 1, now: now) : [])
                        + machine.presentIdTag(idTag, connectorId: 1, now: now)
                }
            }
            charger.eventLoop.scheduleTask(in: .milliseconds(retry.wholeMilliseconds)) {
                startCharging(charger, idTag: idTag, retry: retry, presented: presented)
            }
        }
    }
}

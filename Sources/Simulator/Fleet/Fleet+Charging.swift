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
    /// with connector 1 free, has its driver present their own tag,
    /// `<idTagPrefix><the last 16 characters of its id>` (one tag per charger: a central system
    /// answers ConcurrentTx to a tag already charging elsewhere), and once the tag is accepted,
    /// plug an EV into connector 1, which starts the transaction.
    ///
    /// Each driver acts at its own phase of one `retry` period (the phases spread evenly), so
    /// that the transactions, and with them every MeterValues of the sessions, start at spread
    /// instants (issue 11: at 19,000 chargers, chargers that started together sent half of all
    /// MeterValues in groups of 10-50 within a millisecond, which set the round trip's p99):
    /// - the cable goes in at a look, not when the Authorize answer comes back: a central system
    ///   busy with a ramp's boots answers in batches;
    /// - a look keeps its phase when its loop ran it late, and a late look does not plug in (up
    ///   to twice in a row): a loop held up by a ramp's connections runs the looks due meanwhile
    ///   at the same instant.
    ///
    /// Every `retry` until its transaction starts, a charger is looked at again: not ready yet,
    /// it waits; its tag refused or unanswered (an Authorize that timed out on an overloaded
    /// central system), or the cable not in within ConnectionTimeOut, the tag is presented
    /// again, as a driver would, up to ``keepChargingPresentations`` times in all. Its
    /// MeterValues then follow its `MeterValueSampleInterval`.
    public func keepCharging(share: Double, idTagPrefix: String = "LT", retry: Duration = .seconds(1)) {
        let positions = Self.chargingPositions(count: chargers.count, share: share)
        // At least 1 ms: a zero period would divide by zero and spin the loop.
        let period = TimeAmount.milliseconds(max(retry.wholeMilliseconds, 1))
        for (order, position) in positions.enumerated() {
            let charger = chargers[position]
            let idTag = String((idTagPrefix + charger.chargePointId).suffix(20))
            // Drivers do not all plug in at the same instant (see above).
            let first = NIODeadline.now() + .nanoseconds(period.nanoseconds * Int64(order) / Int64(positions.count))
            charger.eventLoop.scheduleTask(deadline: first) {
                Self.startCharging(charger, idTag: idTag, period: period, look: first, presented: 0, lateLooks: 0)
            }
        }
    }

    /// How often ``keepCharging(share:idTagPrefix:retry:)`` presents a charger's tag before it
    /// gives up on that charger (a central system that refuses the tag for good).
    public static let keepChargingPresentations = 5

    /// What a load-test driver does next at connector 1 of a charger.
    private enum ChargingStep: Sendable {
        /// The transaction runs.
        case started
        /// Not booted, or the tag's Authorize is in flight.
        case wait
        /// Connector 1 is free (again), or has a cable in waiting for a tag: present the tag.
        case presentTag
        /// The tag was accepted: plug in, which starts the transaction.
        case plugIn
    }

    /// How late a look may run and still plug in.
    static let onTimeLook = TimeAmount.milliseconds(1)

    /// One look at `charger`, the one due at `look`; `presented` tags so far, `lateLooks` looks so
    /// far that were too late to plug in.
    private static func startCharging(
        _ charger: ChargerRuntime, idTag: String, period: TimeAmount, look: NIODeadline, presented: Int, lateLooks: Int
    ) {
        let step = charger.inspect { machine -> ChargingStep in
            guard machine.isAccepted else { return .wait }
            if machine.hasTransaction(onConnector: 1) { return .started }
            if machine.awaitsCable(onConnector: 1) { return .plugIn }
            let free = machine.connectorStatuses[1] == .available || machine.awaitsIdTag(onConnector: 1)
            return free ? .presentTag : .wait
        }
        step.whenSuccess { step in
            let now = NIODeadline.now()
            var presented = presented
            var lateLooks = lateLooks
            switch step {
            case .started:
                return
            case .wait:
                break
            case .plugIn:
                // The transaction starts now: a late look (the loop ran the looks due meanwhile
                // together) waits for the next one. A loop that is always late plugs in at the
                // third try.
                let late = now - look > Self.onTimeLook
                guard !late || lateLooks >= 2 else {
                    lateLooks += 1
                    break
                }
                charger.perform { machine, now in machine.plugInRandomEV(connectorId: 1, now: now) }
            case .presentTag:
                guard presented < keepChargingPresentations else { return }
                presented += 1
                charger.perform { machine, now in machine.presentIdTag(idTag, connectorId: 1, now: now) }
            }
            // The next look keeps the charger's phase, however late this one ran (the first
            // instant of its phase after now): scheduled from now, the looks a held-up loop ran
            // together would stay together for good.
            let next = look + period * ((now - look).nanoseconds / period.nanoseconds + 1)
            charger.eventLoop.scheduleTask(deadline: next) {
                startCharging(
                    charger, idTag: idTag, period: period, look: next, presented: presented, lateLooks: lateLooks)
            }
        }
    }
}

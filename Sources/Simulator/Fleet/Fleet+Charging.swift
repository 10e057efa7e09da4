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
    /// answers ConcurrentTx to a tag already charging elsewhere); a charger not ready yet is
    /// tried again every `retry`. Its MeterValues then follow its `MeterValueSampleInterval`.
    public func keepCharging(share: Double, idTagPrefix: String = "LT", retry: Duration = .seconds(1)) {
        for position in Self.chargingPositions(count: chargers.count, share: share) {
            let charger = chargers[position]
            let idTag = String((idTagPrefix + charger.chargePointId).suffix(20))
            Self.startCharging(charger, idTag: idTag, retry: retry)
        }
    }

    private static func startCharging(_ charger: ChargerRuntime, idTag: String, retry: Duration) {
        let ready = charger.inspect { machine in
            machine.isAccepted && !machine.hasTransaction(onConnector: 1)
                && machine.connectorStatuses[1] == .available
        }
        ready.whenSuccess { isReady in
            guard isReady else {
                charger.eventLoop.scheduleTask(in: .milliseconds(retry.wholeMilliseconds)) {
                    startCharging(charger, idTag: idTag, retry: retry)
                }
                return
            }
            charger.perform { machine, now in
                machine.plugInRandomEV(connectorId: 1, now: now) + machine.presentIdTag(idTag, connectorId: 1, now: now)
            }
        }
    }
}

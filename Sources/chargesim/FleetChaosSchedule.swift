import Foundation
import Simulator

/// The blackouts and surges of a chaos file, run by `chargesim fleet` when their time comes
/// (seconds after the fleet started).
struct FleetChaosSchedule {
    private enum Event {
        case blackout(ChaosProfile.Blackout)
        case surge(ChaosProfile.Surge)
    }

    private var events: [(at: Double, event: Event)]

    init(_ profile: ChaosProfile?) {
        let blackouts = (profile?.blackouts ?? []).map { (at: $0.atSeconds, event: Event.blackout($0)) }
        let surges = (profile?.surges ?? []).map { (at: $0.atSeconds, event: Event.surge($0)) }
        events = (blackouts + surges).sorted { $0.at < $1.at }
    }

    /// Starts every event due after `elapsed`; each runs once.
    mutating func runDue(on fleet: Fleet, elapsed: Duration, log: @escaping @Sendable (String) -> Void) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        while let next = events.first, next.at <= seconds {
            events.removeFirst()
            switch next.event {
            case .blackout(let blackout):
                log("chaos: blackout for \(blackout.durationSeconds) s, reconnect jitter \(blackout.jitterSeconds) s")
                _ = fleet.blackout(
                    for: .milliseconds(Int64(blackout.durationSeconds * 1000)),
                    reconnectJitter: .milliseconds(Int64(blackout.jitterSeconds * 1000)))
            case .surge(let surge):
                Task {
                    let started = (try? await fleet.surge(surge.chargers)) ?? []
                    log("chaos: surge of \(surge.chargers): \(started.count) chargers started a session")
                }
            }
        }
    }
}

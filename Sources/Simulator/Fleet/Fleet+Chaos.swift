import NIOCore
import OCPP16

// Fleet-wide chaos (issue 10): blackouts and surges, and each charger's traffic generator,
// chaos injector and clock.
extension Fleet {
    /// Every charger drops its connection (no close handshake) and stays off the network for
    /// `duration`, then reconnects at a random moment (seeded) in the `reconnectJitter` after
    /// it, as after a power cut or a network outage at the central system's side.
    /// Completes when every charger has dropped.
    public func blackout(for duration: Duration, reconnectJitter: Duration) -> EventLoopFuture<Void> {
        let jitterMilliseconds = max(reconnectJitter.wholeMilliseconds, 0)
        // One snapshot of the charger set: the control API may add or remove chargers meanwhile.
        let members = chargers
        let delays: [Duration] = chaosRandom.withLockedValue { random in
            members.map { _ in
                duration
                    + .milliseconds(
                        jitterMilliseconds == 0 ? 0 : Int64.random(in: 0...jitterMilliseconds, using: &random))
            }
        }
        let futures = zip(members, delays).map { charger, delay in
            charger.inject(.connectionDrop(reconnectAfter: delay))
        }
        return EventLoopFuture.andAllComplete(futures, on: loopCounters[0].eventLoop)  // never empty (init)
    }

    /// `count` chargers (picked at random, seeded, among those with a free connector) start a
    /// session at once: an EV from their profile's mix plugs in and an RFID card `SURGE<n>` is
    /// presented. Returns the ids of the chargers that started, fewer than `count` when not
    /// enough had a free connector.
    public func surge(_ count: Int) async throws -> [String] {
        let order: [ChargerRuntime] = chaosRandom.withLockedValue { random in chargers.shuffled(using: &random) }
        var started: [String] = []
        for charger in order where started.count < count {
            let tag = "SURGE" + String(started.count + 1)
            if try await charger.startSession(idTag: tag).get() != nil { started.append(charger.chargePointId) }
        }
        return started
    }

    /// The per-charger parts of issue 10: the traffic generator (and the energy time scale on
    /// the machine), the chaos injector, and the settings: `shared`, or its own with the charger's
    /// drifting clock.
    static func trafficAndChaos(
        configuration: FleetConfiguration, shared: ChargerRuntimeSettings.Shared, profile: ChargerProfile,
        index: Int, machine: inout ChargePoint, now: OCPPTimestamp
    ) -> (traffic: TrafficGenerator?, chaos: ChaosInjector, settings: ChargerRuntimeSettings.Shared) {
        var random = SeededRandomNumberGenerator(seed: configuration.seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var trafficRandom = SeededRandomNumberGenerator(seed: random.next())
        let chaosRandom = SeededRandomNumberGenerator(seed: random.next())
        let connectorIds = machine.template.connectorIds
        if configuration.timeScale != 1 { machine.setEnergyTimeScale(configuration.timeScale, now: now) }
        let traffic = configuration.traffic.map { traffic in
            TrafficGenerator(
                profile: traffic, connectorIds: connectorIds, evMix: profile.evMix, timeScale: configuration.timeScale,
                random: &trafficRandom, now: now)
        }
        var settings = shared
        if let chaos = configuration.chaos, chaos.clockOffsetSeconds != nil || chaos.clockDriftPPM != nil {
            let offsetSeconds = chaos.clockOffsetSeconds?.drawSigned(using: &random) ?? 0
            let skewed = ClockDrift(
                offset: .milliseconds(Int64((offsetSeconds * 1000).rounded())),
                ppm: chaos.clockDriftPPM?.drawSigned(using: &random) ?? 0, origin: now)
            var own = shared.value
            let wall = own.clock
            own.clock = { skewed.reading(at: wall()) }
            settings = ChargerRuntimeSettings.Shared(own)
            // The skew is the point: this charger keeps its wrong clock.
            machine.synchronizesClock = false
        }
        let chaos = ChaosInjector(
            profile: configuration.chaos, connectorIds: connectorIds, random: chaosRandom, now: now)
        return (traffic, chaos, settings)
    }
}

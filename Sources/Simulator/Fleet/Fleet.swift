import NIOCore
import OCPP16

/// Many ``ChargePoint`` machines in one process: one ``ChargerRuntime`` per charger, spread
/// round-robin over the event loops of one group, each resuming from its folder under the
/// state directory when there is one.
///
///     let fleet = try Fleet(configuration: configuration, eventLoopGroup: group)
///     fleet.start()                          // ramps up at `rampPerSecond`
///     let counts = try await fleet.counts().get()
///     try await fleet.stop(.leaveQueued).get()
public final class Fleet: Sendable {
    /// The chargers, in index order.
    public let chargers: [ChargerRuntime]
    /// What the fleet was built from.
    public let configuration: FleetConfiguration
    let loopCounters: [LoopCounters]
    private let byId: [String: ChargerRuntime]

    /// Builds every charger of the configuration's shard (reading and compacting its saved state); nothing connects until
    /// ``start()``.
    public init(configuration: FleetConfiguration, eventLoopGroup: any EventLoopGroup) throws(PersistenceError) {
        self.configuration = configuration
        var loops: [LoopCounters] = []
        var seen = Set<ObjectIdentifier>()
        for loop in eventLoopGroup.makeIterator() where seen.insert(ObjectIdentifier(loop)).inserted {
            loops.append(LoopCounters(eventLoop: loop))
        }
        if loops.isEmpty { loops.append(LoopCounters(eventLoop: eventLoopGroup.next())) }
        var chargers: [ChargerRuntime] = []
        chargers.reserveCapacity(configuration.count)
        let now = configuration.runtime.clock()
        var index = 0
        for group in configuration.groups {
            for _ in 0..<group.count {
                index += 1
                // --shard K/N: the other chargers run in other processes.
                guard configuration.shard.contains(chargerIndex: index) else { continue }
                let id = configuration.chargePointId(index: index)
                let storage = try configuration.stateDirectory.map { folder throws(PersistenceError) in
                    try ChargerStateDirectory(path: folder + "/" + id)
                }
                var random = SeededRandomNumberGenerator(
                    seed: configuration.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
                let backoffRandom = SeededRandomNumberGenerator(seed: random.next())
                let machine = ChargePoint(
                    profile: group.profile, chargePointId: id, index: index, random: random,
                    resumingFrom: storage?.resumeSnapshot, now: now)
                let counters = loops[(index - 1) % loops.count]
                // --source-address: the chargers take the fleet's source addresses in turn.
                let sources = configuration.runtime.sourceAddresses
                let source = sources.isEmpty ? nil : sources[(index - 1) % sources.count]
                chargers.append(
                    ChargerRuntime(
                        machine: machine, storage: storage, settings: configuration.runtime, random: backoffRandom,
                        eventLoop: counters.eventLoop, counters: counters, sourceAddress: source))
            }
        }
        self.chargers = chargers
        self.loopCounters = loops
        self.byId = Dictionary(chargers.map { ($0.chargePointId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Powers every charger on: charger `n` (from 0) connects after `n / rampPerSecond` seconds.
    public func start() {
        for (offset, charger) in chargers.enumerated() {
            let delay: Duration
            if let ramp = configuration.rampPerSecond, ramp > 0 {
                delay = .milliseconds(Int64((Double(offset) / ramp * 1000).rounded()))
            } else {
                delay = .zero
            }
            charger.start(after: delay)
        }
    }

    /// The charger with this id.
    public func charger(_ chargePointId: String) -> ChargerRuntime? {
        byId[chargePointId]
    }

    /// The counts, summed over the loops (each read on its own loop: no lock).
    public func counts() -> EventLoopFuture<FleetCounts> {
        let futures = loopCounters.map { counters in counters.eventLoop.submit { counters.counts } }
        guard let first = loopCounters.first else { preconditionFailure("a fleet without an event loop") }
        return EventLoopFuture.reduce(FleetCounts(), futures, on: first.eventLoop, +)
    }

    /// Stops every charger (see ``ChargerRuntime/stop(stoppingTransactions:)``) and completes
    /// when all have saved their state and closed their connection.
    public func stop(_ mode: FleetStopMode) -> EventLoopFuture<Void> {
        let stopping: Bool
        switch mode {
        case .stopTransactions: stopping = true
        case .leaveQueued: stopping = false
        }
        let futures = chargers.map { $0.stop(stoppingTransactions: stopping) }
        guard let first = loopCounters.first else { preconditionFailure("a fleet without an event loop") }
        return EventLoopFuture.andAllComplete(futures, on: first.eventLoop)
    }
}

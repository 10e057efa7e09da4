import Foundation
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
    private let loopCounters: [LoopCounters]
    private let byId: [String: ChargerRuntime]

    /// Builds every charger (reading and compacting its saved state); nothing connects until
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
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chargesim-fleet-\(UUID().uuidString)")
        for group in configuration.groups {
            for _ in 0..<group.count {
                index += 1
                let id = configuration.chargePointId(index: index)
                let storage = try configuration.stateDirectory.map { folder throws(PersistenceError) in
                    try ChargerStateDirectory(path: folder + "/" + id)
                }
                var random = SeededRandomNumberGenerator(
                    seed: configuration.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
                let backoffRandom = SeededRandomNumberGenerator(seed: random.next())
                var machine = ChargePoint(
                    profile: group.profile, chargePointId: id, index: index, random: random,
                    resumingFrom: storage?.resumeSnapshot, now: now)
                let certificateDirectory = Self.certificateDirectory(
                    chargePointId: id, storage: storage, scratch: scratch)
                do {
                    machine.useCertificateStore(
                        try CertificateStore(
                            storage: certificateDirectory,
                            maxLength: machine.configuration.integer(.certificateStoreMaxLength),
                            maxChainSize: machine.configuration.integer(.certificateSignedMaxChainSize)))
                } catch {
                    throw PersistenceError(path: certificateDirectory.directory.path, reason: "\(error)")
                }
                let counters = loops[(index - 1) % loops.count]
                chargers.append(
                    ChargerRuntime(
                        machine: machine, storage: storage, settings: configuration.runtime, random: backoffRandom,
                        eventLoop: counters.eventLoop, counters: counters, certificateDirectory: certificateDirectory))
            }
        }
        self.chargers = chargers
        self.loopCounters = loops
        self.byId = Dictionary(chargers.map { ($0.chargePointId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `<state dir>/<id>/certificates`, or without a state directory a folder of this process
    /// under the temporary directory (created only when a certificate is installed).
    private static func certificateDirectory(
        chargePointId: String, storage: ChargerStateDirectory?, scratch: URL
    ) -> CertificateStoreDirectory {
        let folder = storage.map { URL(fileURLWithPath: $0.path) } ?? scratch.appendingPathComponent(chargePointId)
        return CertificateStoreDirectory(directory: folder.appendingPathComponent("certificates"))
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

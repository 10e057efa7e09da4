import Foundation
import NIOConcurrencyHelpers
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
    /// The chargers, in the order they were added (index order for the configured ones).
    public var chargers: [ChargerRuntime] { members.withLockedValue { $0.chargers } }
    /// What the fleet was built from.
    public let configuration: FleetConfiguration
    let loopCounters: [LoopCounters]
    /// Where chargers without a state directory keep their certificates.
    private let scratchDirectory: URL
    /// `configuration.runtime`, shared by the chargers whose clock is the fleet's.
    private let sharedSettings: ChargerRuntimeSettings.Shared
    /// Draws for blackouts and surges (issue 10), seeded from the configuration's seed.
    let chaosRandom: NIOLockedValueBox<SeededRandomNumberGenerator>

    /// The charger set, which the control API changes at runtime.
    private struct Members {
        var chargers: [ChargerRuntime]
        var byId: [String: ChargerRuntime]
        /// The index the next added charger gets.
        var nextIndex: Int
        /// Set on every charger, present and future.
        var observer: (any ChargerObserver)?
    }
    private let members: NIOLockedValueBox<Members>

    /// Builds every charger of the configuration's shard (reading and compacting its saved state); nothing connects until
    /// ``start()``.
    public init(configuration: FleetConfiguration, eventLoopGroup: any EventLoopGroup) throws(PersistenceError) {
        self.configuration = configuration
        var loops: [LoopCounters] = []
        var seen = Set<ObjectIdentifier>()
        let slack = configuration.timerSlack
        // One count for all loops: the slack follows the process's load, not one loop's share.
        let firings = TimerFirings()
        for loop in eventLoopGroup.makeIterator() where seen.insert(ObjectIdentifier(loop)).inserted {
            loops.append(LoopCounters(eventLoop: loop, timerSlack: slack, firings: firings))
        }
        if loops.isEmpty {
            loops.append(LoopCounters(eventLoop: eventLoopGroup.next(), timerSlack: slack, firings: firings))
        }
        var chargers: [ChargerRuntime] = []
        chargers.reserveCapacity(configuration.count)
        let now = configuration.runtime.clock()
        var index = 0
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chargesim-fleet-\(UUID().uuidString)")
        self.scratchDirectory = scratch
        let sharedSettings = ChargerRuntimeSettings.Shared(configuration.runtime)
        self.sharedSettings = sharedSettings
        for group in configuration.groups {
            // One per group: its chargers share the profile's configuration and call handlers.
            let template = ChargePointTemplate(profile: group.profile)
            for _ in 0..<group.count {
                index += 1
                // --shard K/N: the other chargers run in other processes.
                guard configuration.shard.contains(chargerIndex: index) else { continue }
                let id = configuration.chargePointId(index: index)
                let storage = try configuration.stateDirectory.map { folder throws(PersistenceError) in
                    try ChargerStateDirectory(path: folder + "/" + id)
                }
                // Round-robin over the loops by position, not by index: a shard's indexes skip.
                chargers.append(
                    try Self.makeCharger(
                        template: template, id: id, index: index, storage: storage, configuration: configuration,
                        sharedSettings: sharedSettings, counters: loops[chargers.count % loops.count],
                        scratch: scratch, now: now))
            }
        }
        self.loopCounters = loops
        self.chaosRandom = NIOLockedValueBox(SeededRandomNumberGenerator(seed: configuration.seed ^ 0xB1AC_0D7E))
        self.members = NIOLockedValueBox(
            Members(
                chargers: chargers,
                byId: Dictionary(chargers.map { ($0.chargePointId, $0) }, uniquingKeysWith: { first, _ in first }),
                nextIndex: index + 1, observer: nil))
    }

    /// One charger: its machine (resumed from `storage`), its certificate store and its runtime.
    private static func makeCharger(
        template: ChargePointTemplate, id: String, index: Int, storage: ChargerStateDirectory?,
        configuration: FleetConfiguration, sharedSettings: ChargerRuntimeSettings.Shared, counters: LoopCounters,
        scratch: URL, now: OCPPTimestamp
    ) throws(PersistenceError) -> ChargerRuntime {
        var random = SeededRandomNumberGenerator(seed: configuration.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let backoffRandom = SeededRandomNumberGenerator(seed: random.next())
        let profile = template.profile
        var machine = ChargePoint(
            template: template, chargePointId: id, index: index, random: random, resumingFrom: storage?.resumeSnapshot,
            now: now)
        let certificateDirectory = Self.certificateDirectory(chargePointId: id, storage: storage, scratch: scratch)
        do {
            machine.useCertificateStore(
                try CertificateStore(
                    storage: certificateDirectory,
                    maxLength: machine.configuration.integer(.certificateStoreMaxLength),
                    maxChainSize: machine.configuration.integer(.certificateSignedMaxChainSize)))
        } catch {
            throw PersistenceError(path: certificateDirectory.directory.path, reason: "\(error)")
        }
        // Traffic and chaos (issue 10), with their own seeds: the charger's other draws stay as they were.
        let extras = Self.trafficAndChaos(
            configuration: configuration, shared: sharedSettings, profile: profile, index: index, machine: &machine,
            now: now)
        return ChargerRuntime(
            machine: machine, storage: storage, settings: extras.settings, random: backoffRandom,
            eventLoop: counters.eventLoop, counters: counters, certificateDirectory: certificateDirectory,
            traffic: extras.traffic, chaos: extras.chaos, sourceAddress: sourceAddress(index: index, configuration))
    }

    /// `--source-address`: the chargers take the fleet's source addresses in turn.
    private static func sourceAddress(index: Int, _ configuration: FleetConfiguration) -> SocketAddress? {
        let sources = configuration.runtime.sourceAddresses
        return sources.isEmpty ? nil : sources[(index - 1) % sources.count]
    }

    /// `<state dir>/<id>/certificates`, or without a state directory a folder of this process
    /// under the temporary directory (created only when a certificate is installed).
    private static func certificateDirectory(
        chargePointId: String, storage: ChargerStateDirectory?, scratch: URL
    ) -> CertificateStoreDirectory {
        guard let storage else { return CertificateStoreDirectory(folder: scratch, chargePointId: chargePointId) }
        return CertificateStoreDirectory(
            directory: URL(fileURLWithPath: storage.path).appendingPathComponent("certificates"))
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
        members.withLockedValue { $0.byId[chargePointId] }
    }

    /// Adds a charger of `profile` with this id (state resumed from the state directory if it has
    /// a folder there) and powers it on. Throws ``FleetMembershipError/duplicateId(_:)`` when a
    /// charger with this id is already in the fleet.
    @discardableResult
    public func add(profile: ChargerProfile, chargePointId id: String) throws -> ChargerRuntime {
        // Checked before the state folder is opened: a running charger's journal is not shared.
        if charger(id) != nil { throw FleetMembershipError.duplicateId(id) }
        let storage = try configuration.stateDirectory.map { folder throws(PersistenceError) in
            try ChargerStateDirectory(path: folder + "/" + id)
        }
        let charger = try members.withLockedValue { members throws -> ChargerRuntime in
            guard members.byId[id] == nil else { throw FleetMembershipError.duplicateId(id) }
            let index = members.nextIndex
            members.nextIndex += 1
            let charger = try Self.makeCharger(
                template: ChargePointTemplate(profile: profile), id: id, index: index, storage: storage,
                configuration: configuration, sharedSettings: sharedSettings,
                counters: loopCounters[(index - 1) % loopCounters.count], scratch: scratchDirectory,
                now: configuration.runtime.clock())
            members.chargers.append(charger)
            members.byId[id] = charger
            if let observer = members.observer { charger.setObserver(observer) }
            return charger
        }
        charger.start()
        return charger
    }

    /// Removes the charger with this id: it stops (see ``ChargerRuntime/stop(stoppingTransactions:)``)
    /// and leaves the fleet; nil when there is none.
    public func remove(_ chargePointId: String, stoppingTransactions: Bool = true) -> EventLoopFuture<Void>? {
        let removed = members.withLockedValue { members -> ChargerRuntime? in
            guard let charger = members.byId.removeValue(forKey: chargePointId) else { return nil }
            members.chargers.removeAll { $0 === charger }
            return charger
        }
        return removed?.stop(stoppingTransactions: stoppingTransactions)
    }

    /// Sets `observer` on every charger, and on those added later.
    public func setObserver(_ observer: (any ChargerObserver)?) {
        let chargers = members.withLockedValue { members in
            members.observer = observer
            return members.chargers
        }
        for charger in chargers { charger.setObserver(observer) }
    }

    /// The event loops the chargers are spread over.
    public var eventLoops: [any EventLoop] { loopCounters.map(\.eventLoop) }

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
        let futures = self.chargers.map { $0.stop(stoppingTransactions: stopping) }
        guard let first = loopCounters.first else { preconditionFailure("a fleet without an event loop") }
        return EventLoopFuture.andAllComplete(futures, on: first.eventLoop)
    }
}

import OCPP16
import Simulator
import TestSupport
import Testing

/// The traffic generator alone, on a manual clock: reproducible arrivals, rates by hour of
/// day, dwell and idle times, RFID and remote starts, lost arrivals and the time scale.
@Suite struct TrafficGeneratorTests {
    static let start = OCPPTimestamp(millisecondsSince1970: 1_764_000_000_000)

    static func profile(
        rates: [Double] = [2], dwell: TrafficDistribution = .fixed(30), idle: TrafficDistribution? = nil,
        remoteShare: Double = 0, startTime: Int? = 0
    ) -> TrafficProfile {
        TrafficProfile(
            arrivalsPerHour: rates, startTimeOfDay: startTime, dwellMinutes: dwell, idleAfterFullMinutes: idle,
            remoteStartShare: remoteShare, startTimeoutMinutes: 5, idTags: ["CARD-A", "CARD-B"],
            evMix: [
                EVMixEntry(
                    name: "Hatchback", weight: 1, batteryKWh: 58, startSoCPercent: 20...40, maxACPowerKW: 11,
                    acPhases: 3, maxDCPowerKW: 100)
            ])
    }

    /// A simple world: a plugged-in EV starts a transaction at once (RFID) and stays until it leaves.
    struct World {
        var generator: TrafficGenerator
        var plugged: [Int: TrafficEvent.Start] = [:]
        var full: [Int: OCPPTimestamp] = [:]
        var log: [(OCPPTimestamp, TrafficEvent)] = []

        var observations: [Int: TrafficObservation] {
            var result: [Int: TrafficObservation] = [:]
            for id in [1, 2] {
                let start = plugged[id]
                var transaction = false
                if case .rfid? = start { transaction = true }
                result[id] = TrafficObservation(
                    isFree: start == nil, isPlugged: start != nil, hasTransaction: transaction, evFullSince: full[id])
            }
            return result
        }

        /// Runs the generator's timer at each deadline until `end`.
        mutating func run(until end: OCPPTimestamp) {
            while let due = generator.nextDeadline(observing: observations), due <= end {
                for event in generator.timerFired(now: due, observing: observations) {
                    log.append((due, event))
                    switch event {
                    case .arrive(let id, _, let start): plugged[id] = start
                    case .leave(let id, _):
                        plugged[id] = nil
                        full[id] = nil
                    }
                }
            }
        }
    }

    static func world(_ profile: TrafficProfile, seed: UInt64, timeScale: Double = 1) -> World {
        var random = SeededGenerator(seed: seed)
        return World(
            generator: TrafficGenerator(
                profile: profile, connectorIds: [1, 2], evMix: [], timeScale: timeScale, random: &random, now: start))
    }

    @Test func theSameSeedGivesTheSameDay() {
        var first = Self.world(Self.profile(dwell: .init(kind: .lognormal, mean: 40, stddev: 20)), seed: 7)
        var second = Self.world(Self.profile(dwell: .init(kind: .lognormal, mean: 40, stddev: 20)), seed: 7)
        var other = Self.world(Self.profile(dwell: .init(kind: .lognormal, mean: 40, stddev: 20)), seed: 8)
        let end = Self.start + .seconds(24 * 3600)
        first.run(until: end)
        second.run(until: end)
        other.run(until: end)
        #expect(first.log.count > 40)
        #expect(first.log.map(\.0) == second.log.map(\.0))
        #expect(first.log.map(\.1) == second.log.map(\.1))
        #expect(first.log.map(\.0) != other.log.map(\.0))
        #expect(first.generator.statistics == second.generator.statistics)
    }

    @Test func arrivalsComeOnlyInHoursWithARate() {
        var rates = Array(repeating: 0.0, count: 24)
        rates[12] = 30
        rates[17] = 30
        var world = Self.world(Self.profile(rates: rates, dwell: .fixed(1)), seed: 3)
        world.run(until: Self.start + .seconds(24 * 3600))
        let arrivals = world.log.compactMap { instant, event -> Int? in
            guard case .arrive = event else { return nil }
            return Int(Self.start.duration(to: instant).components.seconds / 3600)
        }
        #expect(Set(arrivals) == [12, 17])
        // Two connectors, 30 an hour each, in two hours: about 120 (Poisson; far from the bounds).
        #expect((80...160).contains(world.generator.statistics.arrivals + world.generator.statistics.missed))
    }

    @Test func aDriverLeavesWhenTheDwellTimeEndsOnTheScaledClock() {
        // 60 times faster: a 30-minute stay lasts 30 wall-clock seconds.
        var world = Self.world(Self.profile(rates: [1], dwell: .fixed(30)), seed: 5, timeScale: 60)
        world.run(until: Self.start + .seconds(3 * 3600))
        var arrivals: [Int: OCPPTimestamp] = [:]
        var stays: [Duration] = []
        for (instant, event) in world.log {
            switch event {
            case .arrive(let id, _, _): arrivals[id] = instant
            case .leave(let id, let tag):
                if let arrived = arrivals[id] { stays.append(arrived.duration(to: instant)) }
                #expect(tag == "CARD-A" || tag == "CARD-B")
            }
        }
        #expect(stays.count > 50)
        #expect(stays.allSatisfy { $0 == .seconds(30) })
        // Simulated time runs 60 times faster: one wall hour is 60 simulated hours.
        #expect(world.generator.simulatedSeconds(at: Self.start + .seconds(3600)) == 60 * 3600)
    }

    @Test func aFullEVLeavesAfterItsIdleTime() throws {
        var world = Self.world(Self.profile(rates: [1], dwell: .fixed(600), idle: .fixed(10)), seed: 11)
        let observations = world.observations
        let firstArrival = try #require(world.generator.nextDeadline(observing: observations))
        world.run(until: firstArrival)
        let connector = try #require(world.plugged.keys.first)
        let fullAt = firstArrival + .seconds(20 * 60)
        world.full[connector] = fullAt
        #expect(world.generator.nextDeadline(observing: world.observations) == fullAt + .seconds(600))
        world.run(until: fullAt + .seconds(600))
        guard case .leave(let id, _)? = world.log.last?.1 else {
            Issue.record("no departure: \(world.log)")
            return
        }
        #expect(id == connector)
        #expect(world.log.last?.0 == fullAt + .seconds(600))
    }

    @Test func aRemoteDriverWithoutARemoteStartGivesUp() {
        var world = Self.world(Self.profile(rates: [1], dwell: .fixed(120), remoteShare: 1), seed: 2)
        world.run(until: Self.start + .seconds(6 * 3600))
        let statistics = world.generator.statistics
        #expect(statistics.remoteStarts == statistics.arrivals)
        #expect(statistics.rfidStarts == 0)
        #expect(statistics.gaveUp >= statistics.arrivals - 2)
        for (index, entry) in world.log.enumerated() {
            guard case .arrive(let id, _, let start) = entry.1 else { continue }
            #expect(start == .remote)
            // No transaction came: the driver unplugs after startTimeoutMinutes (5), without a card.
            let leave = world.log[(index + 1)...].first { if case .leave(id, _) = $0.1 { true } else { false } }
            if let leave {
                #expect(entry.0.duration(to: leave.0) == .seconds(300))
                #expect(leave.1 == .leave(connectorId: id, idTag: nil))
            }
        }
    }

    @Test func anArrivalAtABusyConnectorIsLost() {
        var random = SeededGenerator(seed: 4)
        var generator = TrafficGenerator(
            profile: Self.profile(rates: [60]), connectorIds: [1], evMix: [], timeScale: 1, random: &random,
            now: Self.start)
        let busy = [1: TrafficObservation(isFree: false, isPlugged: false, hasTransaction: false)]
        var now = Self.start
        for _ in 0..<20 {
            guard let due = generator.nextDeadline(observing: busy) else { break }
            now = due
            #expect(generator.timerFired(now: now, observing: busy) == [])
        }
        #expect(generator.statistics.missed == 20)
        #expect(generator.statistics.arrivals == 0)
    }

    @Test func theEVComesFromTheTrafficMixAndTheCardFromTheList() {
        var world = Self.world(Self.profile(rates: [4]), seed: 9)
        world.run(until: Self.start + .seconds(4 * 3600))
        for (_, event) in world.log {
            guard case .arrive(_, let ev, let start) = event else { continue }
            #expect(ev.name == "Hatchback")
            #expect((20...40).contains(ev.startSoCPercent))
            #expect(start == .rfid(idTag: "CARD-A") || start == .rfid(idTag: "CARD-B"))
        }
    }
}

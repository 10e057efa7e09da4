import Foundation
import OCPP16

/// Drivers arriving at and leaving one charger's connectors, as a sans-I/O machine: the shell
/// (``ChargerRuntime``) arms its one timer for ``nextDeadline(observing:)`` too and calls
/// ``timerFired(now:observing:)`` then, applying the ``TrafficEvent``s to the charger.
///
/// Time: the traffic runs on a simulated clock `timeScale` times faster than the wall clock
/// from `start` (`--time-scale`); rates by hour of day, dwell and idle times are in simulated
/// time, and the deadlines it hands out are wall-clock instants.
///
/// Arrivals per connector are a non-homogeneous Poisson process with the profile's rate for
/// each hour of day, drawn by thinning (Lewis and Shedler, 1979): candidates at the highest
/// rate, each kept with probability rate(hour)/highest. An arrival at a busy connector is lost
/// (counted in ``statistics``). Each connector draws from its own seeded generator, so a
/// run is reproducible whatever the order in which the timer finds events due.
public struct TrafficGenerator: Sendable {
    /// A driver at a connector.
    struct Visit: Sendable, Equatable {
        /// The card to stop with (RFID starts).
        var idTag: String?
        /// The dwell time ends then.
        var leaveAt: OCPPTimestamp
        /// How long a full EV stays (wall-clock).
        var idleAfterFull: Duration?
        /// The driver leaves then if the session has not started.
        var startBy: OCPPTimestamp
        /// Whether a transaction ran during the visit.
        var started = false
    }

    /// One connector's traffic.
    struct Lane: Sendable, Equatable {
        var random: SeededRandomNumberGenerator
        /// The next arrival, seconds of simulated time after the start; nil: none ever.
        var nextArrival: Double?
        var visit: Visit?
    }

    /// The traffic description.
    public let profile: TrafficProfile
    /// Simulated seconds per wall-clock second.
    public let timeScale: Double
    /// The wall-clock instant the simulated clock starts from.
    public let start: OCPPTimestamp
    /// The simulated time of day at `start`, seconds after midnight.
    public let startTimeOfDay: Double
    private let evMix: [EVMixEntry]
    private var lanes: [Int: Lane]
    /// Counts of what happened.
    public private(set) var statistics = TrafficStatistics()

    /// Traffic for the connectors `connectorIds`, from `now` on.
    ///
    /// - Parameters:
    ///   - evMix: the charger profile's mix, used when the traffic profile has none.
    ///   - random: seeds one generator per connector.
    public init(
        profile: TrafficProfile, connectorIds: [Int], evMix: [EVMixEntry], timeScale: Double,
        random: inout SeededRandomNumberGenerator, now: OCPPTimestamp
    ) {
        self.profile = profile
        self.timeScale = timeScale > 0 && timeScale.isFinite ? timeScale : 1
        self.start = now
        self.evMix = profile.evMix ?? evMix
        if let startTimeOfDay = profile.startTimeOfDay {
            self.startTimeOfDay = Double(startTimeOfDay)
        } else {
            let seconds = now.date.timeIntervalSince1970
            self.startTimeOfDay = seconds - (seconds / 86_400).rounded(.down) * 86_400
        }
        var lanes: [Int: Lane] = [:]
        for id in connectorIds.sorted() {
            lanes[id] = Lane(random: SeededRandomNumberGenerator(seed: random.next()), nextArrival: nil, visit: nil)
        }
        self.lanes = lanes
        for id in connectorIds.sorted() { scheduleArrival(id, after: 0) }
    }

    // MARK: - Clock

    /// Simulated seconds since the start at the wall-clock instant `now`.
    public func simulatedSeconds(at now: OCPPTimestamp) -> Double {
        Self.seconds(start.duration(to: now)) * timeScale
    }

    /// The wall-clock instant of `seconds` of simulated time after the start.
    public func wallClock(atSimulated seconds: Double) -> OCPPTimestamp {
        // Rounded up to the millisecond, so that at this instant the simulated time has come.
        let milliseconds = (min(max(seconds / timeScale, 0), 1e12) * 1000).rounded(.up)
        return start + .milliseconds(Int64(milliseconds))
    }

    /// The simulated hour of day (0...23) at `seconds` of simulated time after the start.
    public func hourOfDay(atSimulated seconds: Double) -> Int {
        Int(((startTimeOfDay + seconds) / 3600).rounded(.down)) % 24
    }

    // MARK: - Events

    /// When the generator must act next, given what the connectors are doing.
    public func nextDeadline(observing observations: [Int: TrafficObservation]) -> OCPPTimestamp? {
        var earliest: OCPPTimestamp?
        func consider(_ candidate: OCPPTimestamp?) {
            guard let candidate else { return }
            earliest = earliest.map { min($0, candidate) } ?? candidate
        }
        for (id, lane) in lanes {
            consider(lane.nextArrival.map(wallClock(atSimulated:)))
            guard let visit = lane.visit else { continue }
            let observed = observations[id]
            consider(visit.leaveAt)
            if observed?.hasTransaction != true, !visit.started { consider(visit.startBy) }
            if let fullSince = observed?.evFullSince, let idle = visit.idleAfterFull { consider(fullSince + idle) }
        }
        return earliest
    }

    /// Arrivals and departures due at `now`, connector by connector.
    public mutating func timerFired(now: OCPPTimestamp, observing observations: [Int: TrafficObservation])
        -> [TrafficEvent]
    {
        var events: [TrafficEvent] = []
        let simulatedNow = simulatedSeconds(at: now)
        for id in lanes.keys.sorted() {
            guard var lane = lanes[id] else { continue }
            let observed =
                observations[id] ?? TrafficObservation(isFree: false, isPlugged: false, hasTransaction: false)
            if var visit = lane.visit {
                if observed.hasTransaction { visit.started = true }
                lane.visit = visit
                if !observed.isPlugged {
                    // Unplugged by someone else (a surge, the control API): the visit is over.
                    lane.visit = nil
                    statistics.departures += 1
                } else if let reason = departure(visit, observed, now: now) {
                    events.append(.leave(connectorId: id, idTag: observed.hasTransaction ? visit.idTag : nil))
                    lane.visit = nil
                    statistics.departures += 1
                    if reason == .gaveUp { statistics.gaveUp += 1 }
                }
            }
            lanes[id] = lane
            while let arrival = lanes[id]?.nextArrival, arrival <= simulatedNow {
                if lanes[id]?.visit == nil, observed.isFree, events.allSatisfy({ !$0.concerns(id) }) {
                    // Times run from the scheduled arrival, not from when the timer woke: the
                    // run does not depend on the timer's lateness.
                    events.append(arrive(id, at: wallClock(atSimulated: arrival)))
                } else {
                    statistics.missed += 1
                }
                scheduleArrival(id, after: arrival)
            }
        }
        return events
    }

    private enum Departure { case done, gaveUp }

    private func departure(_ visit: Visit, _ observed: TrafficObservation, now: OCPPTimestamp) -> Departure? {
        if visit.leaveAt <= now { return .done }
        if let fullSince = observed.evFullSince, let idle = visit.idleAfterFull, fullSince + idle <= now {
            return .done
        }
        if !observed.hasTransaction, !visit.started, visit.startBy <= now { return .gaveUp }
        return nil
    }

    private mutating func arrive(_ id: Int, at now: OCPPTimestamp) -> TrafficEvent {
        guard var lane = lanes[id] else { preconditionFailure("no traffic lane for connector \(id)") }
        let ev =
            Self.pick(evMix, using: &lane.random)
            ?? EVModel(
                name: "EV", batteryCapacityKWh: 50, startSoCPercent: 30, maxACPowerKW: 11, acPhases: 3,
                maxDCPowerKW: 100)
        let remote = Double.random(in: 0..<1, using: &lane.random) < profile.remoteStartShare
        let start: TrafficEvent.Start
        if remote {
            start = .remote
            statistics.remoteStarts += 1
        } else {
            let tag =
                profile.idTags.randomElement(using: &lane.random)
                ?? "DRV" + String(format: "%05d", Int.random(in: 0..<100_000, using: &lane.random))
            start = .rfid(idTag: tag)
            statistics.rfidStarts += 1
        }
        let dwell = profile.dwellMinutes.draw(using: &lane.random) * 60
        let idle = profile.idleAfterFullMinutes.map { $0.draw(using: &lane.random) * 60 }
        var idTag: String?
        if case .rfid(let tag) = start { idTag = tag }
        lane.visit = Visit(
            idTag: idTag, leaveAt: now + Self.duration(seconds: dwell / timeScale),
            idleAfterFull: idle.map { Self.duration(seconds: $0 / timeScale) },
            startBy: now + Self.duration(seconds: profile.startTimeoutMinutes * 60 / timeScale))
        lanes[id] = lane
        statistics.arrivals += 1
        return .arrive(connectorId: id, ev: ev, start: start)
    }

    /// Draws the next arrival after `seconds` of simulated time (thinning).
    private mutating func scheduleArrival(_ id: Int, after seconds: Double) {
        guard var lane = lanes[id] else { return }
        let highest = profile.arrivalsPerHour.max() ?? 0
        lane.nextArrival = nil
        if highest > 0 {
            var candidate = seconds
            // Bounded: with a positive rate in some hour, a candidate is kept within a few days.
            for _ in 0..<1_000_000 {
                candidate += -log(1 - Double.random(in: 0..<1, using: &lane.random)) / highest * 3600
                let rate = profile.rate(atHour: hourOfDay(atSimulated: candidate))
                if Double.random(in: 0..<1, using: &lane.random) * highest < rate {
                    lane.nextArrival = candidate
                    break
                }
            }
        }
        lanes[id] = lane
    }

    /// An EV from `mix` by weight (``ChargerProfile/randomEV(using:)``'s rule).
    private static func pick(_ mix: [EVMixEntry], using random: inout SeededRandomNumberGenerator) -> EVModel? {
        ChargerProfile.pick(from: mix, using: &random)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    static func duration(seconds: Double) -> Duration {
        .milliseconds(Int64((min(max(seconds, 0), 1e12) * 1000).rounded()))
    }
}

extension TrafficEvent {
    /// Whether the event is about `connectorId`.
    func concerns(_ connectorId: Int) -> Bool {
        switch self {
        case .arrive(let id, _, _), .leave(let id, _): id == connectorId
        }
    }
}

import Foundation

/// One connector's energy meter and the EV plugged into it, integrated exactly over time.
///
/// Sans-I/O and clock-injected: every event carries `now`, and the model moves its state to
/// `now` before it applies the event, so a change at time t (a new limit, a stop) acts from
/// t on. Between events the power follows the EV's state of charge:
///
///     power = min(EV acceptance at the current SoC, connector rating, active charging limit)
///
/// The register grows by the integral of that power, computed in closed form (constant or
/// exponential pieces, since acceptance is linear in SoC between taper breakpoints), so the
/// result does not depend on how often `advance(to:)` is called.
public struct ConnectorMeter<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What the connector is doing, as the charger's status machine needs it.
    public enum Status: Sendable, Equatable {
        /// No EV plugged in.
        case noEV
        /// An EV is plugged in but the connector offers no energy (no transaction running).
        case notOffering
        /// Energy flows.
        case charging
        /// The EV reached its target state of charge and takes nothing (→ `SuspendedEV`).
        case evFull
        /// The EV takes nothing though it is not full, e.g. an AC-only car on a DC connector
        /// (→ `SuspendedEV`).
        case evDeclines
        /// The charging limit (or the rating) is 0, so the connector offers nothing
        /// (→ `SuspendedEVSE`); this wins over the EV's own reasons.
        case suspendedByLimit
    }

    /// The EV on the connector and its state of charge now.
    public struct PluggedEV: Sendable, Equatable {
        /// The vehicle.
        public var model: EVModel
        /// Its state of charge, 0...100 %.
        public var socPercent: Double
    }

    /// The connector's rating.
    public let rating: ConnectorRating
    /// The import register in Wh, unrounded; it never decreases.
    public private(set) var registerWh: Double
    /// The plugged-in EV, if any.
    public private(set) var ev: PluggedEV? {
        get { pluggedEV }
        set { pluggedEV = newValue }
    }
    /// Out of line: most connectors of a fleet have no EV, and inline the optional cost each one
    /// ~110 bytes (issue 11: memory per idle charger).
    @OutOfLine private var pluggedEV: PluggedEV? = nil
    /// The active charging limit, if any.
    public private(set) var limit: ChargingLimit?
    /// Whether the connector offers energy (a transaction is running and not suspended by the EVSE).
    public private(set) var isOfferingEnergy: Bool
    /// The instant the model was last moved to.
    public private(set) var lastUpdate: Instant
    /// How much faster than the clock energy flows and the battery fills: `--time-scale` runs
    /// an afternoon in minutes while OCPP timestamps stay wall-clock (issue 10). 1: real time.
    public var energyTimeScale: Double = 1
    /// The EV paused charging on its own (an EV-side fault: `SuspendedEV`, issue 10).
    public private(set) var evPaused = false

    /// A meter at `registerWh` (a persisted value, or 0 for a new charger) with nothing plugged in.
    public init(rating: ConnectorRating, registerWh: Double = 0, now: Instant) {
        self.rating = rating
        self.registerWh = max(registerWh, 0)
        self.limit = nil
        self.isOfferingEnergy = false
        self.lastUpdate = now
    }

    // MARK: Events

    /// Integrates the power from the last update to `now`. A `now` earlier than the last update
    /// counts as no time passing, so the register never runs backwards.
    @discardableResult
    public mutating func advance(to now: Instant) -> Status {
        guard now > lastUpdate else { return status }
        let seconds = Self.seconds(lastUpdate.duration(to: now)) * max(energyTimeScale, 0)
        lastUpdate = now
        if let plugged = ev, isOfferingEnergy, !evPaused {
            let step = integrate(from: plugged.socPercent, of: plugged.model, forAtMost: seconds)
            ev?.socPercent = step.socPercent
            registerWh += step.energyWs / 3600
        }
        return status
    }

    /// Plugs `model` in at `now`, at its start state of charge (replacing any EV already there).
    public mutating func plugIn(_ model: EVModel, at now: Instant) {
        advance(to: now)
        ev = PluggedEV(model: model, socPercent: min(max(model.startSoCPercent, 0), 100))
    }

    /// Unplugs the EV at `now`; energy stops flowing.
    public mutating func unplug(at now: Instant) {
        advance(to: now)
        ev = nil
        evPaused = false
    }

    /// The EV pauses (`true`) or resumes (`false`) charging at `now`, as an EV-side fault does.
    public mutating func setEVPaused(_ paused: Bool, at now: Instant) {
        advance(to: now)
        evPaused = paused && ev != nil
    }

    /// Starts (`true`) or stops (`false`) offering energy at `now`: a transaction starts or ends.
    public mutating func setOfferingEnergy(_ offering: Bool, at now: Instant) {
        advance(to: now)
        isOfferingEnergy = offering
    }

    /// Applies a new charging limit (or none) from `now` on.
    public mutating func setLimit(_ newLimit: ChargingLimit?, at now: Instant) {
        advance(to: now)
        limit = newLimit
    }

    // MARK: Queries

    /// What the connector is doing at the last update.
    public var status: Status {
        guard let plugged = ev else { return .noEV }
        guard isOfferingEnergy else { return .notOffering }
        if offeredCapW(atSoC: plugged.socPercent, of: plugged.model) <= 0 { return .suspendedByLimit }
        if plugged.socPercent >= plugged.model.targetSoCPercent { return .evFull }
        if evPaused { return .evDeclines }
        return powerW > 0 ? .charging : .evDeclines
    }

    /// The active import power at the last update, in W.
    public var powerW: Double {
        guard let plugged = ev, isOfferingEnergy, !evPaused, plugged.socPercent < plugged.model.targetSoCPercent
        else { return 0 }
        var lowest = Double.infinity
        for line in capLines(atSoC: plugged.socPercent, of: plugged.model) {
            lowest = min(lowest, line.value(at: plugged.socPercent))
        }
        return max(lowest, 0)
    }

    /// `Power.Offered` at the last update, in W: the rating and the limit, and for DC the
    /// connector's current at the battery's voltage; 0 when not offering energy.
    public var offeredPowerW: Double {
        guard isOfferingEnergy else { return 0 }
        return max(offeredCapW(atSoC: ev?.socPercent ?? 0, of: ev?.model), 0)
    }

    /// How long, from the last update, until the EV reaches its target state of charge if
    /// nothing changes; `nil` when it never will (no EV, no energy offered, a 0 limit, or a
    /// taper that falls to 0 before the target). Lets the charger schedule its `SuspendedEV`.
    public func timeUntilEVFull() -> Duration? {
        guard let plugged = ev, isOfferingEnergy, !evPaused, energyTimeScale > 0 else { return nil }
        if plugged.socPercent >= plugged.model.targetSoCPercent { return .zero }
        let step = integrate(from: plugged.socPercent, of: plugged.model, forAtMost: nil)
        guard step.socPercent >= plugged.model.targetSoCPercent, step.seconds.isFinite else { return nil }
        return .milliseconds(Int64((step.seconds / energyTimeScale * 1000).rounded(.up)))
    }

    /// A lower bound of ``timeUntilEVFull()`` that costs no integration: the energy the EV still
    /// takes, metered at the connector's rated power. `nil` when it gives no bound. A charger reads
    /// its next deadline after every event (issue 11: the exact integration there was ~1 % of a
    /// busy fleet's CPU); when this bound is already later than another deadline, the exact time
    /// cannot be earlier.
    public func shortestTimeUntilEVFull() -> Duration? {
        guard let plugged = ev, energyTimeScale > 0 else { return nil }
        let model = plugged.model
        let maxW = rating.maxPowerKW * 1000
        let kappa = Self.socPercentPerWattSecond(of: model)
        guard kappa > 0, kappa.isFinite, maxW > 0, maxW.isFinite else { return nil }
        let seconds = max(model.targetSoCPercent - plugged.socPercent, 0) / kappa / maxW / energyTimeScale
        guard seconds.isFinite else { return nil }
        return .milliseconds(Int64(min(seconds * 1000, 1e15).rounded(.down)))
    }

    /// κ: the % of `model`'s state of charge one W·s metered adds.
    private static func socPercentPerWattSecond(of model: EVModel) -> Double {
        model.efficiency * 100 / (model.batteryCapacityKWh * 1000 * 3600)
    }

    /// A snapshot for a MeterValues sample, with small voltage and frequency jitter drawn from
    /// `generator` (seed it for reproducible runs).
    public func reading(using generator: inout some RandomNumberGenerator) -> MeterReading {
        let power = powerW
        let offered = offeredPowerW
        let temperature = 25 + 20 * power / max(rating.maxPowerKW * 1000, 1)
        let register = Int((registerWh + 1e-6).rounded(.down))
        switch rating.currentType {
        case .ac:
            let phasesUsed = ev.map { acPhasesUsed(by: $0.model) } ?? rating.phases
            var voltages: [Double] = []
            var currents: [Double] = []
            for phase in 0..<max(rating.phases, 1) {
                let volts = rating.nominalVoltageV * (1 + Double.random(in: -0.01...0.01, using: &generator))
                voltages.append(volts)
                currents.append(phase < phasesUsed ? power / (volts * Double(phasesUsed)) : 0)
            }
            return MeterReading(
                energyActiveImportRegisterWh: register,
                powerActiveImportW: power,
                powerOfferedW: offered,
                currentImportA: currents,
                currentOfferedA: offered / (rating.nominalVoltageV * Double(max(phasesUsed, 1))),
                voltageV: voltages,
                socPercent: nil,
                frequencyHz: 50 + Double.random(in: -0.02...0.02, using: &generator),
                temperatureC: temperature
            )
        case .dc:
            let volts = ev.map { $0.model.batteryVoltage(atSoC: $0.socPercent) } ?? 0
            return MeterReading(
                energyActiveImportRegisterWh: register,
                powerActiveImportW: power,
                powerOfferedW: offered,
                currentImportA: [volts > 0 ? power / volts : 0],
                currentOfferedA: volts > 0 ? offered / volts : 0,
                voltageV: [volts],
                socPercent: ev?.socPercent,
                frequencyHz: nil,
                temperatureC: temperature
            )
        }
    }

    // MARK: Power as a function of state of charge

    /// A power cap that is linear in the state of charge s (in %): `offset + slope × s` W.
    private struct Line {
        var offset: Double
        var slope: Double

        func value(at soc: Double) -> Double { offset + slope * soc }

        static func constant(_ watts: Double) -> Line { Line(offset: watts, slope: 0) }
    }

    /// The caps on the power, at most four, held inline: they are built several times per
    /// event of every charging connector, and an array would be allocated each time (issue 11).
    private struct Lines: Sequence {
        private var lines: (Line, Line, Line, Line) = (.constant(0), .constant(0), .constant(0), .constant(0))
        private var count = 0

        init(_ first: Line) { append(first) }

        mutating func append(_ line: Line) {
            switch count {
            case 0: lines.0 = line
            case 1: lines.1 = line
            case 2: lines.2 = line
            case 3: lines.3 = line
            default: preconditionFailure("more than four power caps")
            }
            count += 1
        }

        func makeIterator() -> Iterator { Iterator(lines: self) }

        struct Iterator: IteratorProtocol {
            let lines: Lines
            var index = 0

            mutating func next() -> Line? {
                guard index < lines.count else { return nil }
                defer { index += 1 }
                switch index {
                case 0: return lines.lines.0
                case 1: return lines.lines.1
                case 2: return lines.lines.2
                default: return lines.lines.3
                }
            }
        }
    }

    /// AC phases the EV actually draws on: its own, the connector's and the limit's, whichever is fewest.
    private func acPhasesUsed(by model: EVModel) -> Int {
        min(model.acPhases, rating.phases, limit?.numberPhases ?? rating.phases)
    }

    /// The limit converted to W; a limit in A is per phase at the nominal voltage (for DC it
    /// is the grid-side current, OCPP 1.6 having no DC-current limit).
    private func limitW(phases: Int) -> Double? {
        guard let limit else { return nil }
        switch limit.unit {
        case .watts: return limit.value
        case .amperes: return limit.value * rating.nominalVoltageV * Double(limit.numberPhases ?? phases)
        }
    }

    /// What the EVSE side allows at `soc`, ignoring what the EV accepts.
    private func offeredCapW(atSoC soc: Double, of model: EVModel?) -> Double {
        // The lowest cap, kept as it goes (no array per call).
        var lowest = rating.maxPowerKW * 1000
        switch rating.currentType {
        case .ac:
            let phases = min(rating.phases, limit?.numberPhases ?? rating.phases)
            var amps = rating.maxCurrentA
            if let limit, limit.unit == .amperes { amps = min(amps, limit.value) }
            lowest = min(lowest, amps * rating.nominalVoltageV * Double(phases))
            if let limit, limit.unit == .watts { lowest = min(lowest, limit.value) }
        case .dc:
            if let model { lowest = min(lowest, rating.maxCurrentA * model.batteryVoltage(atSoC: soc)) }
            if let watts = limitW(phases: 3) { lowest = min(lowest, watts) }
        }
        return lowest
    }

    /// Every cap on the power, each linear in SoC on the taper segment that starts at `soc`.
    private func capLines(atSoC soc: Double, of model: EVModel) -> Lines {
        var lines = Lines(.constant(rating.maxPowerKW * 1000))
        switch rating.currentType {
        case .ac:
            let phases = acPhasesUsed(by: model)
            var amps = rating.maxCurrentA
            if let limit, limit.unit == .amperes { amps = min(amps, limit.value) }
            lines.append(.constant(amps * rating.nominalVoltageV * Double(phases)))
            lines.append(.constant(model.maxACPowerKW * 1000))
            if let limit, limit.unit == .watts { lines.append(.constant(limit.value)) }
        case .dc:
            let range = model.dcVoltageRangeV
            let voltageSlope = (range.upperBound - range.lowerBound) / 100
            lines.append(Line(offset: rating.maxCurrentA * range.lowerBound, slope: rating.maxCurrentA * voltageSlope))
            if let watts = limitW(phases: 3) { lines.append(.constant(watts)) }
            lines.append(taperLine(atSoC: soc, of: model))
        }
        return lines
    }

    /// The EV's DC acceptance on the taper segment that starts at `soc`, as a line.
    private func taperLine(atSoC soc: Double, of model: EVModel) -> Line {
        let maxW = model.maxDCPowerKW * 1000
        let points = model.dcTaper.points
        for (lower, upper) in zip(points, points.dropFirst())
        where lower.socPercent <= soc && soc < upper.socPercent && upper.socPercent > lower.socPercent {
            let slope = (upper.powerPercent - lower.powerPercent) / (upper.socPercent - lower.socPercent)
            let atLower = lower.powerPercent
            return Line(offset: maxW * (atLower - slope * lower.socPercent) / 100, slope: maxW * slope / 100)
        }
        return .constant(maxW * model.dcTaper.fraction(atSoC: soc))
    }

    // MARK: Integration

    /// Charges the EV from `soc` for at most `limitSeconds` (or until its target when `nil`),
    /// piece by piece: on each piece one cap is the lowest and it is constant or linear in SoC.
    /// With P = a + b·s and ds/dt = κ·P, P grows as P₀·e^(bκt), and the grid energy of a piece
    /// is Δs/κ, both exact.
    private func integrate(
        from soc: Double,
        of model: EVModel,
        forAtMost limitSeconds: Double?
    ) -> (socPercent: Double, energyWs: Double, seconds: Double) {
        let target = model.targetSoCPercent
        let kappa = Self.socPercentPerWattSecond(of: model)
        guard kappa > 0, kappa.isFinite else { return (soc, 0, limitSeconds ?? .infinity) }
        var s = soc
        var energy = 0.0
        var used = 0.0
        var pieces = 0
        while s < target, pieces < 256 {
            pieces += 1
            let remaining = limitSeconds.map { $0 - used }
            if let remaining, remaining <= 0 { break }
            // AC ignores the taper: its breakpoints are only looked up for DC.
            var end = target
            if rating.currentType == .dc { end = min(model.dcTaper.breakpoints(above: s).first ?? target, target) }
            let lines = capLines(atSoC: s, of: model)
            guard let active = lines.min(by: { ($0.value(at: s), $0.slope) < ($1.value(at: s), $1.slope) }) else {
                break
            }
            for line in lines where line.slope < active.slope {
                let crossing = (line.offset - active.offset) / (active.slope - line.slope)
                if crossing > s, crossing < end { end = crossing }
            }
            let p0 = active.value(at: s)
            guard p0 > 0 else { return (s, energy, limitSeconds ?? .infinity) }
            if abs(active.slope) * max(end - s, 1e-9) < 1e-9 * p0 {
                let dt = (end - s) / (kappa * p0)
                if let remaining, dt >= remaining {
                    s = min(s + kappa * p0 * remaining, end)
                    energy += p0 * remaining
                    used += remaining
                    break
                }
                energy += p0 * dt
                used += dt
                s = end
            } else {
                let p1 = active.value(at: end)
                let dt = p1 > 0 ? log(p1 / p0) / (active.slope * kappa) : Double.infinity
                if let remaining, dt >= remaining {
                    let pNow = p0 * exp(active.slope * kappa * remaining)
                    let next = min(s + (pNow - p0) / active.slope, end)
                    energy += (next - s) / kappa
                    s = next
                    used += remaining
                    break
                }
                guard dt.isFinite else { return (s, energy, .infinity) }
                energy += (end - s) / kappa
                used += dt
                s = end
            }
        }
        // A piece that ends a hair short of the target (rounding) counts as reaching it.
        if target - s < 1e-9 { s = max(s, target) }
        return (s, energy, used)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

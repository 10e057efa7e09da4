import OCPP16

/// One schedule period's limit as it applies at an instant: the value in the schedule's unit and the
/// period's phases (OCPP 1.6 section 7.13, ChargingSchedulePeriod).
struct ScheduledLimit: Sendable, Equatable {
    /// The limit, in `unit`.
    var value: Double
    /// A or W.
    var unit: ChargingRateUnit
    /// The period's `numberPhases`; `nil` means the connector's phases (3 when unknown, section 7.13).
    var numberPhases: Int?

    /// The limit in W: an A limit is per phase, so `A × phases × voltage`.
    func watts(connectorPhases: Int, voltage: Double) -> Double {
        switch unit {
        case .w: value
        case .a: value * Double(numberPhases ?? connectorPhases) * voltage
        }
    }

    /// The same limit in `target` units.
    func value(in target: ChargingRateUnit, connectorPhases: Int, voltage: Double) -> Double {
        let phases = Double(numberPhases ?? connectorPhases)
        switch (unit, target) {
        case (.a, .a), (.w, .w): return value
        case (.a, .w): return value * phases * voltage
        case (.w, .a): return phases * voltage > 0 ? value / (phases * voltage) : 0
        }
    }

    /// The stricter of two limits, compared in W; the first wins a tie.
    func stricter(_ other: ScheduledLimit, connectorPhases: Int, voltage: Double) -> ScheduledLimit {
        let mine = watts(connectorPhases: connectorPhases, voltage: voltage)
        let theirs = other.watts(connectorPhases: connectorPhases, voltage: voltage)
        return theirs < mine ? other : self
    }

    /// The limit as the meter takes it.
    var chargingLimit: ChargingLimit {
        switch unit {
        case .a: .amperes(value, numberPhases: numberPhases)
        case .w: .watts(value, numberPhases: numberPhases)
        }
    }

    /// The meter's limit as a schedule limit.
    init(_ limit: ChargingLimit) {
        value = limit.value
        numberPhases = limit.numberPhases
        switch limit.unit {
        case .amperes: unit = .a
        case .watts: unit = .w
        }
    }

    init(value: Double, unit: ChargingRateUnit, numberPhases: Int?) {
        self.value = value
        self.unit = unit
        self.numberPhases = numberPhases
    }
}

/// The active charging limit on a connector, as a smart-charging schedule period gives it
/// (OCPP 1.6 §3.13: a `limit` in W or in A per phase, with an optional `numberPhases`).
public struct ChargingLimit: Sendable, Equatable {
    /// The unit of `value`.
    public enum Unit: Sendable, Equatable {
        /// Total power in W.
        case watts
        /// Current per phase in A.
        case amperes
    }

    /// The limit, in `unit`; 0 suspends charging.
    public var value: Double
    /// W or A.
    public var unit: Unit
    /// The phases the limit allows; OCPP 1.6 says 3 when absent.
    public var numberPhases: Int?

    public init(value: Double, unit: Unit, numberPhases: Int? = nil) {
        self.value = value
        self.unit = unit
        self.numberPhases = numberPhases
    }

    /// A limit of `watts` W in total.
    public static func watts(_ watts: Double, numberPhases: Int? = nil) -> ChargingLimit {
        ChargingLimit(value: watts, unit: .watts, numberPhases: numberPhases)
    }

    /// A limit of `amperes` A per phase.
    public static func amperes(_ amperes: Double, numberPhases: Int? = nil) -> ChargingLimit {
        ChargingLimit(value: amperes, unit: .amperes, numberPhases: numberPhases)
    }
}

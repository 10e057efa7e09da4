/// One period of a charging schedule (reference §5; OCPP 1.6 §7.17).
public struct SchedulePeriod: Codable, Hashable, Sendable {
    /// `startPeriod`: Seconds from the schedule start.
    public var startPeriod: Int
    /// `limit`: Limit in the schedule's unit.
    public var limit: Double
    /// `numberPhases`: Phases, 3 by default.
    public var numberPhases: Int?

    /// Creates the value; optional fields default to absent.
    public init(startPeriod: Int, limit: Double, numberPhases: Int? = nil) {
        self.startPeriod = startPeriod
        self.limit = limit
        self.numberPhases = numberPhases
    }
}

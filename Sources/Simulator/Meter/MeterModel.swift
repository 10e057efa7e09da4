/// The meters of a whole charge point: one `ConnectorMeter` per connector, and connector 0
/// (the main meter, OCPP 1.6 §4.7) as their sum.
public struct MeterModel<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// The connector meters by connector id (1, 2, ...).
    public var connectors: ConnectorMeters<Instant>

    /// One meter per rating, keyed by connector id, with the registers at `registersWh`
    /// (missing ones start at 0).
    public init(ratings: [Int: ConnectorRating], registersWh: [Int: Double] = [:], now: Instant) {
        var meters: [Int: ConnectorMeter<Instant>] = [:]
        for (id, rating) in ratings {
            meters[id] = ConnectorMeter(rating: rating, registerWh: registersWh[id] ?? 0, now: now)
        }
        connectors = ConnectorMeters(meters)
    }

    /// Moves every connector to `now`.
    public mutating func advance(to now: Instant) {
        // In place: iterating `keys` while writing `connectors[id]` kept a second reference to the
        // storage, so every write copied the whole collection (on every event of every charger).
        connectors.updateEach { $0.advance(to: now) }
    }

    /// The main meter's register: the sum of the connectors', in Wh.
    public var totalRegisterWh: Double {
        connectors.values.reduce(0) { $0 + $1.registerWh }
    }

    /// The main meter's import power: the sum of the connectors', in W.
    public var totalPowerW: Double {
        connectors.values.reduce(0) { $0 + $1.powerW }
    }
}

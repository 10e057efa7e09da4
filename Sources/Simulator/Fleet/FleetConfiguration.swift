import OCPP16

/// What a ``Fleet`` runs: which chargers, against which central system, how fast they come up,
/// and where their state lives.
public struct FleetConfiguration: Sendable {
    /// A number of chargers of one model.
    public struct Group: Sendable {
        public var profile: ChargerProfile
        public var count: Int

        public init(profile: ChargerProfile, count: Int) {
            self.profile = profile
            self.count = count
        }
    }

    /// The chargers, group by group; indices run on across groups.
    public var groups: [Group]
    /// Charge point ids are `<idPrefix><index>`, the index from 1, zero-padded to the width of
    /// the largest one.
    public var idPrefix: String
    /// New connections per second while the fleet comes up; nil: all at once.
    public var rampPerSecond: Double?
    /// The folder holding one folder per charger (its journal and snapshot); nil: none.
    public var stateDirectory: String?
    /// Makes message ids, EV choices, meter jitter and reconnect jitter reproducible.
    public var seed: UInt64
    /// Connection, timing, clock and log settings shared by every charger.
    public var runtime: ChargerRuntimeSettings
    /// The slice of the chargers this process runs (`--shard K/N`); ``FleetShard/whole`` runs all.
    public var shard: FleetShard = .whole

    // Traffic and chaos (issue 10).
    /// Drivers for every charger (`--traffic`); nil: none.
    public var traffic: TrafficProfile?
    /// Simulated seconds per wall-clock second for the traffic and the energy model
    /// (`--time-scale`); OCPP timestamps stay wall-clock. 1: real time.
    public var timeScale: Double = 1
    /// Random chaos for every charger (`--chaos`); nil: none (faults can still be injected
    /// by call, ``ChargerRuntime/inject(_:)``).
    public var chaos: ChaosProfile?
    /// How late a charger's timer (MeterValues, heartbeat, WebSocket ping, reconnect) may fire so
    /// that the timers of one event loop due close together fire in one wake-up (issue 11: CPU
    /// per call), by load. Timestamps on the wire are read when the message is sent.
    public var timerSlack: TimerSlack = .adaptive

    public init(
        groups: [Group], idPrefix: String = "CP", rampPerSecond: Double? = nil, stateDirectory: String? = nil,
        seed: UInt64 = 1, runtime: ChargerRuntimeSettings
    ) {
        self.groups = groups
        self.idPrefix = idPrefix
        self.rampPerSecond = rampPerSecond
        self.stateDirectory = stateDirectory
        self.seed = seed
        self.runtime = runtime
    }

    /// The number of chargers.
    public var count: Int { groups.reduce(0) { $0 + $1.count } }

    /// The id of charger `index` (1-based): `CP007` for index 7 of 500.
    public func chargePointId(index: Int) -> String {
        let width = String(max(count, 1)).count
        let digits = String(index)
        return idPrefix + String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}

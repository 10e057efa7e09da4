import Foundation

/// A scenario file (`chargesim scenario run FILE.yaml`): which back end, which fleet, and the
/// steps a suite runs against them, in order. Schema: Examples/scenarios/README.md.
struct Scenario: Decodable, Sendable {
    /// Shown in the report (default: the file name).
    var name: String?
    /// Where the Public API and the OCPP endpoint are; absent = the embedded central system.
    var backEnd: ScenarioBackEnd?
    /// The chargers the `fleet: start` step connects.
    var fleet: ScenarioFleet
    /// What to do.
    var steps: [ScenarioStep]

    private enum CodingKeys: String, CodingKey {
        case name
        case backEnd = "backend"
        case fleet, steps
    }
}

/// An external back end: the Public API and the OCPP endpoint of a real tenant (values may name
/// environment variables as `${NAME}`).
struct ScenarioBackEnd: Decodable, Sendable {
    var apiBaseUrl: String
    var apiToken: String
    var ocppUrl: String
    /// Create or find the chargers through the API before connecting (as `fleet --register-via-api`).
    var register: Bool?
    /// The Basic-auth password the chargers connect with.
    var password: String?
}

/// The fleet of a scenario.
struct ScenarioFleet: Decodable, Sendable {
    /// A profile file, relative to the scenario file.
    var profile: String
    /// How many chargers.
    var count: Int?
    /// Ids are `<idPrefix><index>` (default `SCN`).
    var idPrefix: String?
    /// Configuration keys to override (e.g. `MeterValueSampleInterval: "1"`).
    var configuration: [String: String]?
    /// Seconds before the simulated EV plugs in after a remote start (default: the profile's).
    var autoPlugDelaySeconds: Double?
    /// Random faults per hour (default 0: scenarios are reproducible).
    var faultRatePerHour: Double?
    /// Seed of EVs and jitter.
    var seed: UInt64?
}

/// A raised `SecurityProfile` that has not yet carried a connection (Improved security for
/// OCPP 1.6-J, use case A05 "Upgrade Charge Point Security Profile"): the charger reconnects with
/// the new profile at once; if ``maximumAttempts`` connections in a row fail, it falls back to
/// the previous profile, the one that worked, so a central system that cannot take the new
/// profile never strands it.
public struct SecurityProfileUpgrade: Sendable, Equatable, Codable {
    /// What a failed connection attempt leads to.
    public enum Outcome: Sendable, Equatable {
        /// Try the new profile again.
        case retry
        /// Give up: go back to this profile.
        case fallBack(to: Int)
    }

    /// How many connections in a row may fail before the charger falls back.
    public static let maximumAttempts = 3

    /// The profile that carried the last good connection.
    public let previous: Int
    /// The profile being tried.
    public let target: Int
    /// The connections with `target` that failed so far.
    public private(set) var failedAttempts = 0

    public init(previous: Int, target: Int) {
        self.previous = previous
        self.target = target
    }

    /// A connection with ``target`` failed.
    public mutating func connectionFailed() -> Outcome {
        failedAttempts += 1
        return failedAttempts >= Self.maximumAttempts ? .fallBack(to: previous) : .retry
    }
}

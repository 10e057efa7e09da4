import Foundation

/// The delays between reconnect attempts: exponential from `initial`, capped at `maximum`,
/// each with random jitter so a fleet that lost its central system does not come back in one
/// burst (DESIGN.md, reliability rules). Sans-I/O; the randomness is injected.
public struct ReconnectBackoff: Sendable, Equatable {
    /// The shape of the delays.
    public struct Configuration: Sendable, Equatable {
        /// The delay after the first failure.
        public var initial: Duration
        /// The largest delay.
        public var maximum: Duration
        /// The factor from one delay to the next.
        public var multiplier: Double
        /// The share of each delay that is random: 0.5 gives a delay in [d/2, d].
        public var jitter: Double

        public init(
            initial: Duration = .seconds(1), maximum: Duration = .seconds(60), multiplier: Double = 2,
            jitter: Double = 0.5
        ) {
            self.initial = initial
            self.maximum = maximum
            self.multiplier = multiplier
            self.jitter = jitter
        }
    }

    public let configuration: Configuration
    private var random: SeededRandomNumberGenerator
    private var failures = 0

    public init(configuration: Configuration = .init(), random: SeededRandomNumberGenerator) {
        self.configuration = configuration
        self.random = random
    }

    /// A connection attempt failed or a connection was lost: the delay before the next attempt.
    public mutating func failed() -> Duration {
        let base = Self.seconds(configuration.initial) * pow(configuration.multiplier, Double(min(failures, 62)))
        let capped = min(base, Self.seconds(configuration.maximum))
        failures += 1
        let jitter = min(max(configuration.jitter, 0), 1)
        let factor = 1 - jitter * Double.random(in: 0...1, using: &random)
        return .milliseconds(Int64((capped * factor * 1000).rounded()))
    }

    /// A connection was established: the next failure starts again from `initial`.
    public mutating func succeeded() {
        failures = 0
    }

    /// How many attempts failed in a row.
    public var consecutiveFailures: Int { failures }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

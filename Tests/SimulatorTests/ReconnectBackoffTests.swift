import Simulator
import Testing

/// Reconnect delays: exponential, capped, jittered by the seeded generator, reset on success.
@Suite struct ReconnectBackoffTests {
    @Test func delaysGrowExponentiallyUpToTheCapWithJitter() {
        var backoff = ReconnectBackoff(
            configuration: .init(initial: .seconds(1), maximum: .seconds(30), multiplier: 2, jitter: 0.5),
            random: SeededRandomNumberGenerator(seed: 9))
        let delays = (0..<10).map { _ in backoff.failed() }
        let ceilings: [Duration] = [1, 2, 4, 8, 16, 30, 30, 30, 30, 30].map { .seconds($0) }
        for (delay, ceiling) in zip(delays, ceilings) {
            #expect(delay <= ceiling && delay >= ceiling / 2, "\(delay) outside [\(ceiling / 2), \(ceiling)]")
        }
        #expect(Set(delays.suffix(5)).count > 1, "capped delays still jitter")
        #expect(backoff.consecutiveFailures == 10)
    }

    @Test func theSameSeedGivesTheSameDelays() {
        func run(seed: UInt64) -> [Duration] {
            var backoff = ReconnectBackoff(random: SeededRandomNumberGenerator(seed: seed))
            return (0..<6).map { _ in backoff.failed() }
        }
        #expect(run(seed: 3) == run(seed: 3))
        #expect(run(seed: 3) != run(seed: 4))
    }

    @Test func successStartsOverFromTheInitialDelay() {
        var backoff = ReconnectBackoff(
            configuration: .init(initial: .milliseconds(100), maximum: .seconds(10), jitter: 0),
            random: SeededRandomNumberGenerator(seed: 1))
        #expect(backoff.failed() == .milliseconds(100))
        #expect(backoff.failed() == .milliseconds(200))
        #expect(backoff.failed() == .milliseconds(400))
        backoff.succeeded()
        #expect(backoff.failed() == .milliseconds(100))
    }
}

/// When a failed webhook delivery is tried again: exponential backoff from `initialDelay`,
/// multiplied by `multiplier` after each attempt, capped at `maximumDelay`, for at most
/// `maximumAttempts` attempts ([INF]: AMPECO retries but publishes no numbers, reference §4.13).
public struct WebhookRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first one included.
    public var maximumAttempts: Int
    /// The wait after the first failed attempt.
    public var initialDelay: Duration
    /// The factor between two consecutive waits.
    public var multiplier: Int
    /// The longest wait.
    public var maximumDelay: Duration

    /// Defaults: 6 attempts, waits of 1 s, 2 s, 4 s, 8 s, 16 s.
    public init(
        maximumAttempts: Int = 6, initialDelay: Duration = .seconds(1), multiplier: Int = 2,
        maximumDelay: Duration = .seconds(300)
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
    }

    /// Whether a delivery answered with `status` (nil: no HTTP answer) is done: any 2xx
    /// ([INF]: the reference documents 202).
    public static func isDelivered(status: Int?) -> Bool {
        guard let status else { return false }
        return (200..<300).contains(status)
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (from 1) failed; nil when
    /// no attempt is left.
    public func delay(afterAttempt attempt: Int) -> Duration? {
        guard attempt >= 1, attempt < maximumAttempts else { return nil }
        var delay = initialDelay
        for _ in 1..<attempt {
            delay *= multiplier
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }
}

import OCPP16

/// A token bucket (capacity `limit`, refilled continuously at `limit` per `window`) for one API
/// token. Sans-I/O: time comes in as `now`.
public struct TokenBucket: Sendable, Equatable {
    /// What a request may do.
    public enum Decision: Sendable, Equatable {
        /// Go ahead; `remaining` whole requests are left in the bucket.
        case allowed(remaining: Int)
        /// Throttled; a token is back after `retryAfterSeconds`.
        case throttled(retryAfterSeconds: Int)
    }

    /// Requests per window (the `X-RateLimit-Limit` header).
    public let limit: Int
    /// The window over which `limit` tokens refill.
    public let window: Duration
    private var tokens: Double
    private var updatedAt: OCPPTimestamp

    public init(limit: Int, window: Duration, now: OCPPTimestamp) {
        precondition(limit > 0 && window > .zero, "TokenBucket: limit and window must be positive")
        self.limit = limit
        self.window = window
        self.tokens = Double(limit)
        self.updatedAt = now
    }

    /// A request arrived at `now`.
    public mutating func requestArrived(now: OCPPTimestamp) -> Decision {
        let elapsedMs = max(0, now.millisecondsSince1970 - updatedAt.millisecondsSince1970)
        let windowMs = Double(window.components.seconds) * 1000 + Double(window.components.attoseconds) / 1e15
        let perMs = Double(limit) / windowMs
        tokens = min(Double(limit), tokens + Double(elapsedMs) * perMs)
        updatedAt = max(now, updatedAt)
        if tokens >= 1 {
            tokens -= 1
            return .allowed(remaining: Int(tokens.rounded(.down)))
        }
        let waitMs = (1 - tokens) / perMs
        return .throttled(retryAfterSeconds: max(1, Int((waitMs / 1000).rounded(.up))))
    }
}

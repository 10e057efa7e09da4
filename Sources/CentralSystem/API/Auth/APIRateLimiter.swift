import Hummingbird
import OCPP16
import Synchronization

/// Per-token request throttling for the Public API (reference §2.2: 429 with `X-RateLimit-*` and
/// `Retry-After`). One `TokenBucket` per token hash.
final class APIRateLimiter: Sendable {
    /// `X-RateLimit-Limit` (Laravel's throttle header names, reference §2.2 [INF]).
    static let limitHeader = HTTPFields.Element.Name("X-RateLimit-Limit") ?? .retryAfter
    /// `X-RateLimit-Remaining`.
    static let remainingHeader = HTTPFields.Element.Name("X-RateLimit-Remaining") ?? .retryAfter

    private let limit: Int
    private let window: Duration
    private let buckets = Mutex<[String: TokenBucket]>([:])

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// Takes one request from `key`'s bucket.
    func requestArrived(key: String, now: OCPPTimestamp) -> (limit: Int, decision: TokenBucket.Decision) {
        let decision = buckets.withLock { buckets in
            var bucket = buckets[key] ?? TokenBucket(limit: limit, window: window, now: now)
            let decision = bucket.requestArrived(now: now)
            buckets[key] = bucket
            return decision
        }
        return (limit, decision)
    }
}

import Foundation

/// The rate-limit headers of one answer (reference §2.2): `X-RateLimit-Limit`,
/// `X-RateLimit-Remaining` and, on 429, `Retry-After` (seconds). Absent headers are `nil`.
public struct RateLimitStatus: Hashable, Sendable {
    /// Requests allowed per window.
    public var limit: Int?
    /// Requests left in this window.
    public var remaining: Int?
    /// Seconds to wait before the next request (429 only).
    public var retryAfter: Int?

    /// Rate-limit values.
    public init(limit: Int? = nil, remaining: Int? = nil, retryAfter: Int? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.retryAfter = retryAfter
    }

    /// Reads the headers (names compared case-insensitively).
    public init(headers: [(name: String, value: String)]) {
        func value(_ name: String) -> Int? {
            headers.first { $0.name.lowercased() == name }.flatMap {
                Int($0.value.trimmingCharacters(in: .whitespaces))
            }
        }
        self.init(
            limit: value("x-ratelimit-limit"), remaining: value("x-ratelimit-remaining"),
            retryAfter: value("retry-after"))
    }
}

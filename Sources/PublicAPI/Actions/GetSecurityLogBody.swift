/// Body of get-security-log (reference §5); times are `Y-m-d H:i:s`.
public struct GetSecurityLogBody: Codable, Hashable, Sendable {
    /// `url`: Upload URL.
    public var url: String
    /// `reason`: Reason.
    public var reason: String
    /// `retries`: 0–10.
    public var retries: Int?
    /// `interval`: 0–3600 s.
    public var interval: Int?
    /// `startTime`: From.
    public var startTime: LocalDateTime?
    /// `stopTime`: To.
    public var stopTime: LocalDateTime?

    /// Creates the value; optional fields default to absent.
    public init(
        url: String, reason: String, retries: Int? = nil, interval: Int? = nil, startTime: LocalDateTime? = nil,
        stopTime: LocalDateTime? = nil
    ) {
        self.url = url
        self.reason = reason
        self.retries = retries
        self.interval = interval
        self.startTime = startTime
        self.stopTime = stopTime
    }
}

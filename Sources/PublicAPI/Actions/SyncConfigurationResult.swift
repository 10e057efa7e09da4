/// 202 answer of sync-configuration (reference §5).
public struct SyncConfigurationResult: Codable, Hashable, Sendable {
    /// `success`: Accepted.
    public var success: Bool
    /// `requestId`: Request; the result arrives as a webhook.
    public var requestId: Int?

    /// Creates the value; optional fields default to absent.
    public init(success: Bool, requestId: Int? = nil) {
        self.success = success
        self.requestId = requestId
    }
}

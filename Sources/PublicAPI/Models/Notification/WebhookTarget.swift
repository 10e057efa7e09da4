/// Subscription `webhook` (reference §4.13).
public struct WebhookTarget: Codable, Hashable, Sendable {
    /// `callbackUrl`: URI (≤500) deliveries are POSTed to.
    public var callbackUrl: String

    /// Creates the value; optional fields default to absent.
    public init(callbackUrl: String) {
        self.callbackUrl = callbackUrl
    }
}

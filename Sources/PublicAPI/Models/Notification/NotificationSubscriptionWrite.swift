/// Body of subscribe (POST, 201) and update (PUT) (reference §4.13); `id` is not demanded (§6.5).
public struct NotificationSubscriptionWrite: Codable, Hashable, Sendable {
    /// `id`: Ignored if sent.
    public var id: Int?
    /// `via`: webhook or kafka.
    public var via: NotificationChannel
    /// `notifications`: Event names.
    public var notifications: [NotificationEvent]
    /// `webhook`: Callback.
    public var webhook: WebhookTarget?
    /// `kafka`: Kafka settings.
    public var kafka: KafkaTarget?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int? = nil, via: NotificationChannel, notifications: [NotificationEvent], webhook: WebhookTarget? = nil,
        kafka: KafkaTarget? = nil
    ) {
        self.id = id
        self.via = via
        self.notifications = notifications
        self.webhook = webhook
        self.kafka = kafka
    }
}

/// A webhook (or Kafka) subscription, notifications v2.0 (reference §4.13).
public struct NotificationSubscription: Codable, Hashable, Sendable {
    /// `id`: System id (read-only although listed as required).
    public var id: Int
    /// `via`: webhook or kafka.
    public var via: NotificationChannel
    /// `notifications`: Event names.
    public var notifications: [NotificationEvent]
    /// `webhook`: Required when `via` is webhook.
    public var webhook: WebhookTarget?
    /// `kafka`: Kafka settings.
    public var kafka: KafkaTarget?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, via: NotificationChannel, notifications: [NotificationEvent], webhook: WebhookTarget? = nil,
        kafka: KafkaTarget? = nil
    ) {
        self.id = id
        self.via = via
        self.notifications = notifications
        self.webhook = webhook
        self.kafka = kafka
    }
}

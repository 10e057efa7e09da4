/// Subscription `kafka` (reference §4.13).
public struct KafkaTarget: Codable, Hashable, Sendable {
    /// `topic`: Topic.
    public var topic: String?
    /// `brokers`: Brokers.
    public var brokers: [String]?
    /// `compressionCodec`: gzip by default.
    public var compressionCodec: KafkaCompressionCodec?
    /// `securityProtocol`: PLAINTEXT or SASL_SSL.
    public var securityProtocol: KafkaSecurityProtocol?
    /// `saslMechanism`: SASL mechanism.
    public var saslMechanism: String?
    /// `saslUsername`: SASL user.
    public var saslUsername: String?
    /// `saslPassword`: SASL password.
    public var saslPassword: String?

    /// Creates the value; optional fields default to absent.
    public init(
        topic: String? = nil, brokers: [String]? = nil, compressionCodec: KafkaCompressionCodec? = nil,
        securityProtocol: KafkaSecurityProtocol? = nil, saslMechanism: String? = nil, saslUsername: String? = nil,
        saslPassword: String? = nil
    ) {
        self.topic = topic
        self.brokers = brokers
        self.compressionCodec = compressionCodec
        self.securityProtocol = securityProtocol
        self.saslMechanism = saslMechanism
        self.saslUsername = saslUsername
        self.saslPassword = saslPassword
    }
}

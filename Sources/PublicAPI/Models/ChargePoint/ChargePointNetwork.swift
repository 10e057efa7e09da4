/// Charge point v2.0 `network` (reference §4.1).
public struct ChargePointNetwork: Codable, Hashable, Sendable {
    /// `id`: OCPP identifier: the charge box identity in the WebSocket URL.
    public var id: String?
    /// `protocol`: OCPP version.
    public var ocppProtocol: NetworkProtocol?
    /// `password`: Basic-auth password for security profiles 1 and 2.
    public var password: String?
    /// `ip`: SOAP (1.5) only.
    public var ip: String?
    /// `port`: SOAP (1.5) only.
    public var port: Int?

    private enum CodingKeys: String, CodingKey {
        case id
        case ocppProtocol = "protocol"
        case password
        case ip
        case port
    }

    /// Creates the value; optional fields default to absent.
    public init(
        id: String? = nil, ocppProtocol: NetworkProtocol? = nil, password: String? = nil, ip: String? = nil,
        port: Int? = nil
    ) {
        self.id = id
        self.ocppProtocol = ocppProtocol
        self.password = password
        self.ip = ip
        self.port = port
    }
}

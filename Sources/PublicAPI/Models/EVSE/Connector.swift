/// A connector of an EVSE (reference §4.5).
public struct Connector: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `type`: Plug type.
    public var type: ConnectorType
    /// `format`: socket or cable.
    public var format: ConnectorFormat?
    /// `status`: enabled/disabled (v1.0: active).
    public var status: AdminStatus?

    /// Creates the value; optional fields default to absent.
    public init(id: Int, type: ConnectorType, format: ConnectorFormat? = nil, status: AdminStatus? = nil) {
        self.id = id
        self.type = type
        self.format = format
        self.status = status
    }
}

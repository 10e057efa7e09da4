/// Body of connector create (POST, 201; `type` required) and update (PATCH) (reference §4.5).
public struct ConnectorWrite: Codable, Hashable, Sendable {
    /// `type`: Plug type.
    public var type: ConnectorType?
    /// `format`: socket or cable.
    public var format: ConnectorFormat?
    /// `status`: enabled or disabled.
    public var status: AdminStatus?

    /// Creates the value; optional fields default to absent.
    public init(type: ConnectorType? = nil, format: ConnectorFormat? = nil, status: AdminStatus? = nil) {
        self.type = type
        self.format = format
        self.status = status
    }
}

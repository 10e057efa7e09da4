/// Body of set-configuration v2.0 (reference §5); the last three are OCPP 2.0.1 only.
public struct SetConfigurationBody: Codable, Hashable, Sendable {
    /// `name`: Key.
    public var name: String
    /// `value`: Value.
    public var value: String
    /// `instance`: 2.0.1 instance.
    public var instance: String?
    /// `componentName`: 2.0.1 component.
    public var componentName: String?
    /// `evseId`: 2.0.1 EVSE.
    public var evseId: Int?

    /// Creates the value; optional fields default to absent.
    public init(name: String, value: String, instance: String? = nil, componentName: String? = nil, evseId: Int? = nil)
    {
        self.name = name
        self.value = value
        self.instance = instance
        self.componentName = componentName
        self.evseId = evseId
    }
}

/// Body of sync-configuration (reference §5); empty = all keys.
public struct SyncConfigurationBody: Codable, Hashable, Sendable {
    /// `keys`: OCPP key names.
    public var keys: [String]?

    /// Creates the value; optional fields default to absent.
    public init(keys: [String]? = nil) {
        self.keys = keys
    }
}

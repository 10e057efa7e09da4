/// Charge point v2.0 `user` (reference §4.1).
public struct ChargePointOwner: Codable, Hashable, Sendable {
    /// `id`: Owner user id.
    public var id: Int?
    /// `automaticFirmwareUpdatesEnabled`: Firmware updates without asking.
    public var automaticFirmwareUpdatesEnabled: Bool?

    /// Creates the value; optional fields default to absent.
    public init(id: Int? = nil, automaticFirmwareUpdatesEnabled: Bool? = nil) {
        self.id = id
        self.automaticFirmwareUpdatesEnabled = automaticFirmwareUpdatesEnabled
    }
}

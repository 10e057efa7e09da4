/// Body of trigger-message, charge point and EVSE variants (reference §5).
public struct TriggerMessageBody: Codable, Hashable, Sendable {
    /// `type`: Message to trigger.
    public var type: TriggerMessageType

    /// Creates the value; optional fields default to absent.
    public init(type: TriggerMessageType) {
        self.type = type
    }
}

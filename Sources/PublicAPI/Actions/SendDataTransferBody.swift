/// Body of send-data-transfer (reference §5).
public struct SendDataTransferBody: Codable, Hashable, Sendable {
    /// `vendorId`: Vendor.
    public var vendorId: String
    /// `messageId`: Message.
    public var messageId: String?
    /// `data`: Payload.
    public var data: String?

    /// Creates the value; optional fields default to absent.
    public init(vendorId: String, messageId: String? = nil, data: String? = nil) {
        self.vendorId = vendorId
        self.messageId = messageId
        self.data = data
    }
}

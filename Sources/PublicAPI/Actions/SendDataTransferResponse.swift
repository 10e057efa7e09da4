/// 200 answer of send-data-transfer, unwrapped (reference §5).
public struct SendDataTransferResponse: Codable, Hashable, Sendable {
    /// `status`: Charger's answer.
    public var status: DataTransferStatus
    /// `data`: Charger's payload.
    public var data: String?

    /// Creates the value; optional fields default to absent.
    public init(status: DataTransferStatus, data: String? = nil) {
        self.status = status
        self.data = data
    }
}

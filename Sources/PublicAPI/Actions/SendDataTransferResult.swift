/// 200 answer of send-data-transfer, unwrapped (reference §5).
public struct SendDataTransferResult: Codable, Hashable, Sendable {
    /// `status`: Charger's answer.
    public var status: DataTransferOutcome
    /// `data`: Charger's payload.
    public var data: String?

    /// Creates the value; optional fields default to absent.
    public init(status: DataTransferOutcome, data: String? = nil) {
        self.status = status
        self.data = data
    }
}

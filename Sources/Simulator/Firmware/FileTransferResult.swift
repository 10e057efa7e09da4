/// How a firmware download or a diagnostics upload ended: the I/O shell reports it with
/// ``ChargePoint/downloadFinished(requestId:result:now:)`` or
/// ``ChargePoint/uploadFinished(requestId:result:now:)``.
public enum FileTransferResult: Sendable, Equatable {
    /// The transfer completed: `byteCount` bytes moved, and the server's response headers
    /// (names lowercased; a repeated header keeps its last value). A download carries the
    /// `body` it received, which SignedUpdateFirmware verifies; an upload has none.
    case success(byteCount: Int, headers: [String: String], body: [UInt8]? = nil)
    /// The transfer failed; `reason` names the cause (DNS, connection refused, an HTTP status, ...).
    case failure(reason: String)

    /// The failure's reason; nil for a success.
    public var failureReason: String? {
        switch self {
        case .success: nil
        case .failure(let reason): reason
        }
    }
}

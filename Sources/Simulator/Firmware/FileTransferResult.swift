/// How a firmware download or a diagnostics upload ended: the I/O shell reports it with
/// ``ChargePoint/downloadFinished(requestId:result:now:)`` or
/// ``ChargePoint/uploadFinished(requestId:result:now:)``.
public enum FileTransferResult: Sendable, Equatable {
    /// The transfer completed: `byteCount` bytes moved, and the server's response headers
    /// (names lowercased; a repeated header keeps its last value).
    case success(byteCount: Int, headers: [String: String])
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

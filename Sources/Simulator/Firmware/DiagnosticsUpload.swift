import OCPP16

/// One GetDiagnostics (OCPP 1.6 §5.9, §6.33) from acceptance to Uploaded or UploadFailed: the
/// file is built once, then uploaded with `retries` attempts spaced `retryInterval`.
struct DiagnosticsUpload: Sendable, Equatable {
    /// Where the upload stands.
    enum Phase: Sendable, Equatable {
        /// Built; the first attempt starts once the GetDiagnostics answer is out.
        case ready
        /// Attempt number `attempt` (from 1) is out as an `.upload` action.
        case uploading(attempt: Int)
        /// Attempt `failedAttempts` failed; the next starts at `retryAt`.
        case waitingToRetry(failedAttempts: Int, retryAt: OCPPTimestamp)
    }

    /// The directory URI to upload to (`location`).
    let location: String
    /// The name of the file (given in the GetDiagnostics confirmation).
    let fileName: String
    /// The file's bytes.
    let content: [UInt8]
    /// Upload attempts and the wait between them.
    let retry: TransferRetryPolicy
    /// The id the shell echoes in ``ChargePoint/uploadFinished(requestId:result:now:)``.
    let requestId: UInt64
    /// The GetLog `requestId` for a log upload (reported with LogStatusNotification); nil for
    /// GetDiagnostics (DiagnosticsStatusNotification).
    let logRequestId: Int?
    var phase: Phase

    init(_ request: GetDiagnosticsRequest, fileName: String, content: [UInt8], requestId: UInt64) {
        location = request.location
        self.fileName = fileName
        self.content = content
        retry = TransferRetryPolicy(retries: request.retries, retryInterval: request.retryInterval)
        self.requestId = requestId
        logRequestId = nil
        phase = .ready
    }

    /// The upload of a GetLog file (security extension, use case N01).
    init(logRequest request: GetLogRequest, fileName: String, content: [UInt8], requestId: UInt64) {
        location = request.log.remoteLocation.value
        self.fileName = fileName
        self.content = content
        retry = TransferRetryPolicy(retries: request.retries, retryInterval: request.retryInterval)
        self.requestId = requestId
        logRequestId = request.requestId
        phase = .ready
    }

    /// Upload attempt `attempt` failed at `now`: waits for the next one and returns true, or
    /// returns false when that was the last.
    mutating func attemptFailed(_ attempt: Int, now: OCPPTimestamp) -> Bool {
        guard let retryAt = retry.retryAt(afterFailedAttempt: attempt, now: now) else { return false }
        phase = .waitingToRetry(failedAttempts: attempt, retryAt: retryAt)
        return true
    }

    /// When the upload must be looked at again, if a timer drives it.
    var nextDeadline: OCPPTimestamp? {
        switch phase {
        case .ready, .uploading: nil
        case .waitingToRetry(_, let retryAt): retryAt
        }
    }
}

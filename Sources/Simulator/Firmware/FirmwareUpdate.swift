import OCPP16

/// One UpdateFirmware (OCPP 1.6 §5.19, §6.28) from acceptance to the reboot: wait for
/// `retrieveDate`, download (with `retries` attempts spaced `retryInterval`), install, then
/// reboot into the new version. Each phase carries what it needs.
struct FirmwareUpdate: Sendable, Equatable {
    /// Where the update stands.
    enum Phase: Sendable, Equatable {
        /// Accepted; the download starts at `retrieveDate`.
        case scheduled(retrieveDate: OCPPTimestamp)
        /// Attempt number `attempt` (from 1) is out as a `.download` action.
        case downloading(attempt: Int)
        /// Attempt `failedAttempts` failed; the next starts at `retryAt`.
        case waitingToRetry(failedAttempts: Int, retryAt: OCPPTimestamp)
        /// Downloaded and installing `version` until `doneAt`.
        case installing(version: String, doneAt: OCPPTimestamp)
        /// Installed `version`: the reboot waits for the Installed notification to go out and,
        /// as the profile says, for transactions to end (or stops them first).
        case installed(version: String, since: OCPPTimestamp)
    }

    /// The firmware's URI (`location`).
    let location: String
    /// Download attempts and the wait between them.
    let retry: TransferRetryPolicy
    /// The id the shell echoes in ``ChargePoint/downloadFinished(requestId:result:now:)``.
    let requestId: UInt64
    var phase: Phase

    /// How long installing takes.
    static let installDuration: Duration = .seconds(5)
    /// The longest the reboot waits for the Installed notification to be answered.
    static let notificationTimeout: Duration = .seconds(30)

    /// An update from `request`.
    init(_ request: UpdateFirmwareRequest, requestId: UInt64) {
        location = request.location
        retry = TransferRetryPolicy(retries: request.retries, retryInterval: request.retryInterval)
        self.requestId = requestId
        phase = .scheduled(retrieveDate: request.retrieveDate)
    }

    /// Download attempt `attempt` failed at `now`: waits for the next one and returns true, or
    /// returns false when that was the last.
    mutating func attemptFailed(_ attempt: Int, now: OCPPTimestamp) -> Bool {
        guard let retryAt = retry.retryAt(afterFailedAttempt: attempt, now: now) else { return false }
        phase = .waitingToRetry(failedAttempts: attempt, retryAt: retryAt)
        return true
    }

    /// The status a FirmwareStatusNotification triggered now reports (§5.17: Idle when idle).
    var status: FirmwareStatus {
        switch phase {
        case .scheduled: .idle
        case .downloading, .waitingToRetry: .downloading
        case .installing: .installing
        case .installed: .installed
        }
    }

    /// When the update must be looked at again, if a timer drives it.
    var nextDeadline: OCPPTimestamp? {
        switch phase {
        case .scheduled(let retrieveDate): retrieveDate
        case .downloading: nil
        case .waitingToRetry(_, let retryAt): retryAt
        case .installing(_, let doneAt): doneAt
        case .installed(_, let since): since + Self.notificationTimeout
        }
    }
}

import Foundation
import OCPP16
import WebSocket

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

    /// What a SignedUpdateFirmware (security extension, L01) adds: the signature to check over
    /// the downloaded file and the id its SignedFirmwareStatusNotifications carry.
    struct Signature: Sendable, Equatable {
        /// The certificate whose public key made the signature.
        let certificate: X509Certificate
        /// The decoded `signature` (nil when it is not base64, which fails the verification).
        let signature: [UInt8]?
        /// The request's `requestId`.
        let requestId: Int
    }

    /// The firmware's URI (`location`).
    let location: String
    /// Download attempts and the wait between them.
    let retry: TransferRetryPolicy
    /// The id the shell echoes in ``ChargePoint/downloadFinished(requestId:result:now:)``.
    let requestId: UInt64
    /// Set for a SignedUpdateFirmware.
    let signed: Signature?
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
        signed = nil
        phase = .scheduled(retrieveDate: request.retrieveDate)
    }

    /// A signed update from `request`, signed by `certificate` (already checked).
    init(_ request: SignedUpdateFirmwareRequest, certificate: X509Certificate, requestId: UInt64) {
        location = request.firmware.location.value
        retry = TransferRetryPolicy(retries: request.retries, retryInterval: request.retryInterval)
        self.requestId = requestId
        signed = Signature(
            certificate: certificate,
            signature: Data(base64Encoded: request.firmware.signature.value, options: .ignoreUnknownCharacters)
                .map { [UInt8]($0) },
            requestId: request.requestId)
        phase = .scheduled(retrieveDate: request.firmware.retrieveDateTime)
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

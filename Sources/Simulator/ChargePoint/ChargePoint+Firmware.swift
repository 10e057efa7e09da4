import Foundation
import OCPP16
import WebSocket

// Firmware management (OCPP 1.6 §5.19 UpdateFirmware, §4.5 FirmwareStatusNotification): the
// charger answers at once, waits for `retrieveDate`, hands the download to the shell as a
// `.download` action, installs, and reboots into the new version. Statuses in order:
// Downloading → Downloaded → Installing → Installed, or Downloading → DownloadFailed (after
// the attempts), or … → Installing → InstallationFailed (the profile's
// `behaviour.firmwareInstallFailureRate`). After Installed, once that notification is answered,
// the reboot stops running transactions with reason Reboot (their StopTransactions go out
// first, as for a Reset), or with `behaviour.firmwareWaitsForTransactions` waits until they
// end; then `.reboot(.hard)`, and the next BootNotification carries the new version
// (``FirmwareVersionRule``).
extension ChargePoint {
    /// §5.19: always accepted (UpdateFirmware.conf has no status); a new request replaces one
    /// still in progress, whose late download result is then ignored.
    mutating func updateFirmware(_ request: UpdateFirmwareRequest) -> UpdateFirmwareResponse {
        firmwareUpdate = FirmwareUpdate(request, requestId: takeTransferId())
        return UpdateFirmwareResponse()
    }

    /// SignedUpdateFirmware (security extension, L01): InvalidCertificate (and a
    /// `InvalidFirmwareSigningCertificate` security event) when `signingCertificate` is not one
    /// PEM certificate or, when ManufacturerRootCertificates are installed, does not chain to one
    /// of them now; otherwise Accepted (AcceptedCanceled when it replaces an update in
    /// progress), and the update runs like UpdateFirmware with
    /// SignedFirmwareStatusNotifications and the signature checked after the download.
    mutating func signedUpdateFirmware(_ request: SignedUpdateFirmwareRequest) -> SignedUpdateFirmwareResponse {
        let pem = request.firmware.signingCertificate.value
        let certificate: X509Certificate
        do {
            certificate = try X509Certificate(pem: pem)
        } catch {
            recordSecurityEvent(.invalidFirmwareSigningCertificate, techInfo: "\(error)")
            return SignedUpdateFirmwareResponse(status: .invalidCertificate)
        }
        let roots = certificates?.certificates(of: .manufacturerRootCertificate) ?? []
        if !roots.isEmpty {
            let chain = (try? X509Certificate.chain(pem: pem)) ?? []
            if case .failure(let reason) = certificate.verify(
                chain: Array(chain.dropFirst()), trustedRoots: roots, at: now.date)
            {
                recordSecurityEvent(.invalidFirmwareSigningCertificate, techInfo: "\(reason)")
                return SignedUpdateFirmwareResponse(status: .invalidCertificate)
            }
        }
        // L01: a new request cancels the update in progress (its late download is ignored).
        let replaces = firmwareUpdate != nil
        firmwareUpdate = FirmwareUpdate(request, certificate: certificate, requestId: takeTransferId())
        return SignedUpdateFirmwareResponse(status: replaces ? .acceptedCanceled : .accepted)
    }

    /// The shell finished the `.download` action with `requestId`.
    public mutating func downloadFinished(
        requestId: UInt64,
        result: FileTransferResult,
        now: OCPPTimestamp
    ) -> [ChargePointAction] {
        begin(now)
        guard var update = firmwareUpdate, update.requestId == requestId,
            case .downloading(let attempt) = update.phase
        else { return finish() }
        switch result {
        case .success(_, let headers, let body):
            if let signed = update.signed {
                reportFirmware(.downloaded)
                guard Self.verify(signed, body: body) else {
                    lastTransferFailure = "firmware from \(update.location): the signature does not verify"
                    enqueue(
                        SignedFirmwareStatusNotificationRequest(
                            status: .invalidSignature, requestId: signed.requestId),
                        purpose: .report)
                    recordSecurityEvent(.invalidFirmwareSignature, techInfo: "firmware from \(update.location)")
                    firmwareUpdate = nil
                    return finish()
                }
                enqueue(
                    SignedFirmwareStatusNotificationRequest(status: .signatureVerified, requestId: signed.requestId),
                    purpose: .report)
                reportFirmware(.installing)
                let version =
                    FirmwareVersionRule.version(location: update.location, headers: headers) ?? firmwareVersion
                update.phase = .installing(version: version, doneAt: now + FirmwareUpdate.installDuration)
                firmwareUpdate = update
                return finish()
            }
            let version = FirmwareVersionRule.version(location: update.location, headers: headers) ?? firmwareVersion
            reportFirmware(.downloaded)
            reportFirmware(.installing)
            update.phase = .installing(version: version, doneAt: now + FirmwareUpdate.installDuration)
            firmwareUpdate = update
        case .failure(let reason):
            lastTransferFailure = "firmware download from \(update.location) failed: \(reason)"
            let retries = update.attemptFailed(attempt, now: now)
            firmwareUpdate = retries ? update : nil
            if !retries { reportFirmware(.downloadFailed) }
        }
        return finish()
    }

    /// The shell finished `action` (a `.download` or `.upload` it was given) with `result`: the
    /// same as ``downloadFinished(requestId:result:now:)`` or ``uploadFinished(requestId:result:now:)``.
    public mutating func transferFinished(
        _ action: ChargePointAction,
        result: FileTransferResult,
        now: OCPPTimestamp
    ) -> [ChargePointAction] {
        switch action {
        case .download(_, let requestId):
            downloadFinished(requestId: requestId, result: result, now: now)
        case .upload(_, _, _, let requestId):
            uploadFinished(requestId: requestId, result: result, now: now)
        case .send, .persist, .remove, .reboot, .reconfigureConnection:
            []
        }
    }

    /// The firmware status a triggered FirmwareStatusNotification reports (§5.17: Idle when no
    /// update is downloading or installing, including while one waits for its `retrieveDate`).
    public var firmwareStatus: FirmwareStatus { firmwareUpdate?.status ?? .idle }

    /// Moves the update on as far as `now` allows.
    mutating func stepFirmware() {
        var steps = 0
        while stepFirmwareOnce(), steps < 8 { steps += 1 }
    }

    /// One phase change of the update, if due; false when it waits.
    private mutating func stepFirmwareOnce() -> Bool {
        guard var update = firmwareUpdate else { return false }
        switch update.phase {
        case .scheduled(let retrieveDate):
            guard retrieveDate <= now else { return false }
            if let unsupported = TransferRetryPolicy.unsupportedSchemeReason(update.location) {
                // Not transient: no point in retrying.
                lastTransferFailure = "firmware download from \(update.location) failed: \(unsupported)"
                reportFirmware(.downloadFailed)
                firmwareUpdate = nil
                return true
            }
            reportFirmware(.downloading)
            update.phase = .downloading(attempt: 1)
            output.append(.download(url: update.location, requestId: update.requestId))
        case .downloading:
            return false
        case .waitingToRetry(let failedAttempts, let retryAt):
            guard retryAt <= now else { return false }
            update.phase = .downloading(attempt: failedAttempts + 1)
            output.append(.download(url: update.location, requestId: update.requestId))
        case .installing(let version, let doneAt):
            guard doneAt <= now else { return false }
            let failureRate = profile.behaviour.firmwareInstallFailureRate
            // Drawn only when the rate is set, so other random choices do not depend on updates.
            if failureRate > 0, Double.random(in: 0..<1, using: &random) < failureRate {
                lastTransferFailure = "firmware \(version) from \(update.location): simulated installation failure"
                reportFirmware(.installationFailed)
                firmwareUpdate = nil
                return true
            }
            reportFirmware(.installed)
            update.phase = .installed(version: version, since: now)
        case .installed(let version, let since):
            if isFirmwareNotificationPending, now < since + FirmwareUpdate.notificationTimeout { return false }
            let hasTransactions = connectors.contains { $0.transaction != nil }
            if profile.behaviour.firmwareWaitsForTransactions, hasTransactions { return false }
            firmwareUpdate = nil
            firmwareVersionAfterReboot = version
            beginReset(.hard, reason: .reboot)
            return true
        }
        firmwareUpdate = update
        return true
    }

    /// When the update needs the timer next (nil while it waits for the shell or an event).
    var firmwareDeadline: OCPPTimestamp? {
        guard let update = firmwareUpdate else { return nil }
        if case .installed(_, let since) = update.phase {
            // Waiting for transactions to end is driven by the events that end them.
            let timeout = since + FirmwareUpdate.notificationTimeout
            return isFirmwareNotificationPending && now < timeout ? timeout : nil
        }
        return update.nextDeadline
    }

    /// Whether a FirmwareStatusNotification waits to go out or for its answer.
    var isFirmwareNotificationPending: Bool {
        guard isConnected else { return false }
        let actions = [FirmwareStatusNotificationRequest.action, SignedFirmwareStatusNotificationRequest.action]
        if volatileCalls.contains(where: { actions.contains($0.action) }) { return true }
        if case .volatile(let call)? = inFlight?.call, actions.contains(call.action) { return true }
        return false
    }

    /// Queues a FirmwareStatusNotification (§4.5), or for a signed update the
    /// SignedFirmwareStatusNotification with its `requestId`; lost when offline, like any report.
    mutating func reportFirmware(_ status: FirmwareStatus) {
        guard let signed = firmwareUpdate?.signed else {
            enqueue(FirmwareStatusNotificationRequest(status: status), purpose: .report)
            return
        }
        enqueue(
            SignedFirmwareStatusNotificationRequest(status: Self.signedStatus(status), requestId: signed.requestId),
            purpose: .report)
    }

    private static func signedStatus(_ status: FirmwareStatus) -> SignedFirmwareStatus {
        switch status {
        case .downloaded: .downloaded
        case .downloadFailed: .downloadFailed
        case .downloading: .downloading
        case .idle: .idle
        case .installationFailed: .installationFailed
        case .installing: .installing
        case .installed: .installed
        }
    }

    /// Whether `body` carries the signature `signed` names (any failure to check is a no).
    private static func verify(_ signed: FirmwareUpdate.Signature, body: [UInt8]?) -> Bool {
        guard let body, let signature = signed.signature else { return false }
        return (try? signed.certificate.verifySignature(signature, of: body)) ?? false
    }

    /// A fresh id for a `.download` or `.upload` action.
    mutating func takeTransferId() -> UInt64 {
        defer { nextTransferId += 1 }
        return nextTransferId
    }
}

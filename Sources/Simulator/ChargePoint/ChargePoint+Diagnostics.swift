import OCPP16

// Diagnostics (OCPP 1.6 §5.9 GetDiagnostics, §4.4 DiagnosticsStatusNotification): the charger
// builds a ``DiagnosticsReport`` at once, names the file in its answer, then hands the upload
// to the shell as an `.upload` action: Uploading → Uploaded, or UploadFailed after the
// attempts. A location the charger cannot upload to (ftp://, anything but http and https)
// fails at once with UploadFailed and the reason in ``ChargePoint/lastTransferFailure``.
extension ChargePoint {
    /// §5.9: the confirmation names the file; a new request replaces one still in progress.
    mutating func getDiagnostics(_ request: GetDiagnosticsRequest) -> GetDiagnosticsResponse {
        let fileName = DiagnosticsReport.fileName(chargePointId: chargePointId, at: now)
        let report = diagnosticsReport(from: request.startTime, to: request.stopTime)
        diagnosticsUpload = DiagnosticsUpload(
            request, fileName: fileName, content: report.encoded(), requestId: takeTransferId())
        return GetDiagnosticsResponse(fileName: CiString255(truncating: fileName))
    }

    /// The shell finished the `.upload` action with `requestId`.
    public mutating func uploadFinished(
        requestId: UInt64,
        result: FileTransferResult,
        now: OCPPTimestamp
    ) -> [ChargePointAction] {
        begin(now)
        guard var upload = diagnosticsUpload, upload.requestId == requestId,
            case .uploading(let attempt) = upload.phase
        else { return finish() }
        switch result {
        case .success:
            reportDiagnostics(.uploaded, for: upload)
            diagnosticsUpload = nil
        case .failure(let reason):
            lastTransferFailure = "diagnostics upload of \(upload.fileName) to \(upload.location) failed: \(reason)"
            let retries = upload.attemptFailed(attempt, now: now)
            diagnosticsUpload = retries ? upload : nil
            if !retries { reportDiagnostics(.uploadFailed, for: upload) }
        }
        return finish()
    }

    /// The diagnostics status a triggered DiagnosticsStatusNotification reports (§5.17: Idle
    /// when no upload runs).
    public var diagnosticsStatus: DiagnosticsStatus {
        diagnosticsUpload == nil || diagnosticsUpload?.logRequestId != nil ? .idle : .uploading
    }

    /// What a diagnostics file made now would hold, with the frames logged from `start` to `stop`.
    public func diagnosticsReport(from start: OCPPTimestamp?, to stop: OCPPTimestamp?) -> DiagnosticsReport {
        let readable = configuration.get(GetConfigurationRequest()).configurationKey ?? []
        var values: [String: String] = [:]
        for entry in readable { values[entry.key.value] = entry.value?.value ?? "" }
        return DiagnosticsReport(
            chargePointId: chargePointId, vendor: identity.chargePointVendor, model: identity.chargePointModel,
            firmwareVersion: firmwareVersion, generatedAt: now,
            window: DiagnosticsReport.Window(startTime: start, stopTime: stop),
            connectors: connectors.map { connector in
                DiagnosticsReport.Connector(
                    connectorId: connector.id, status: connector.observed.status,
                    errorCode: connector.observed.errorCode, transactionId: connector.transaction?.transactionId,
                    registerWh: meters.connectors[connector.id]?.registerWh)
            },
            configuration: values,
            messages: messageLog.entries(from: start, to: stop))
    }

    /// Starts the upload's first attempt (after the GetDiagnostics answer) or a due retry.
    mutating func stepDiagnostics() {
        guard var upload = diagnosticsUpload else { return }
        let attempt: Int
        switch upload.phase {
        case .ready:
            if let unsupported = TransferRetryPolicy.unsupportedSchemeReason(upload.location) {
                lastTransferFailure =
                    "diagnostics upload of \(upload.fileName) to \(upload.location) failed: \(unsupported)"
                reportDiagnostics(.uploadFailed, for: upload)
                diagnosticsUpload = nil
                return
            }
            reportDiagnostics(.uploading, for: upload)
            attempt = 1
        case .uploading:
            return
        case .waitingToRetry(let failedAttempts, let retryAt):
            guard retryAt <= now else { return }
            attempt = failedAttempts + 1
        }
        upload.phase = .uploading(attempt: attempt)
        diagnosticsUpload = upload
        output.append(
            .upload(
                url: upload.location, fileName: upload.fileName, content: upload.content, requestId: upload.requestId))
    }

    /// Queues a DiagnosticsStatusNotification (§4.4), or for a GetLog upload a
    /// LogStatusNotification; lost when offline, like any report.
    mutating func reportDiagnostics(_ status: DiagnosticsStatus, for upload: DiagnosticsUpload) {
        guard let logRequestId = upload.logRequestId else {
            enqueue(DiagnosticsStatusNotificationRequest(status: status), purpose: .report)
            return
        }
        let logStatus: UploadLogStatus
        switch status {
        case .idle: logStatus = .idle
        case .uploading: logStatus = .uploading
        case .uploaded: logStatus = .uploaded
        case .uploadFailed: logStatus = .uploadFailure
        }
        enqueue(LogStatusNotificationRequest(status: logStatus, requestId: logRequestId), purpose: .report)
    }
}

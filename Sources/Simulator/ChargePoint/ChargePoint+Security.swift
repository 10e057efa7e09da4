import Foundation
import OCPP16
import WebSocket

// The security extension (Improved security for OCPP 1.6-J): certificate management (A02/A03,
// M03–M05) on the ``CertificateStore`` the shell gave with ``useCertificateStore(_:)``, security
// events and the security log (A04), the security profile upgrade with its fall-back (A05),
// ExtendedTriggerMessage and GetLog (N01).
//
// Every security event goes to the security log and, once the charger has a certificate store
// (the security extension is on), out as SecurityEventNotification.req. The
// notification travels in the persistent transaction queue: written to storage before it is
// sent, kept while offline, sent in order once the charger is accepted, and removed only when
// confirmed — the extension asks that for critical events; the simulator does it for all, so a
// central system under test sees every one.
extension ChargePoint {
    static func registerSecurityExtension(_ registry: inout ActionRegistry<ChargePoint>) {
        registry.register(InstallCertificateRequest.self) { request, machine in
            guard machine.certificates != nil else { throw Self.noCertificateStore }
            let now = machine.now
            let response = machine.certificates?.install(request, now: now)
            if response?.status == .accepted {
                machine.recordSecurityEvent(
                    .reconfigurationOfSecurityParameters,
                    techInfo: "installed a \(request.certificateType.rawValue)")
            }
            return response ?? InstallCertificateResponse(status: .failed)
        }
        registry.register(DeleteCertificateRequest.self) { request, machine in
            guard machine.certificates != nil else { throw Self.noCertificateStore }
            let response = machine.certificates?.delete(request)
            if response?.status == .accepted {
                machine.recordSecurityEvent(.reconfigurationOfSecurityParameters, techInfo: "deleted a certificate")
            }
            return response ?? DeleteCertificateResponse(status: .failed)
        }
        registry.register(GetInstalledCertificateIdsRequest.self) { request, machine in
            guard let store = machine.certificates else { throw Self.noCertificateStore }
            return store.installedIds(request)
        }
        registry.register(CertificateSignedRequest.self) { request, machine in
            guard machine.certificates != nil else { throw Self.noCertificateStore }
            let now = machine.now
            guard let (response, event) = machine.certificates?.accept(request, now: now) else {
                throw Self.noCertificateStore
            }
            if let event { machine.record(event) }
            return response
        }
        registry.register(ExtendedTriggerMessageRequest.self) { request, machine in machine.extendedTrigger(request) }
        registry.register(GetLogRequest.self) { request, machine in machine.getLog(request) }
    }

    private static var noCertificateStore: CallError {
        CallError(.notSupported, "this charge point has no certificate store")
    }

    /// Gives the charger its certificate store (in its state directory); until then the
    /// certificate messages are answered with CALLERROR NotSupported.
    public mutating func useCertificateStore(_ store: CertificateStore) {
        certificates = store
    }

    // MARK: - Security events (A04)

    /// Logs a security event of `type` at the instant being handled and queues its
    /// SecurityEventNotification.
    mutating func recordSecurityEvent(_ type: SecurityEventType, techInfo: String? = nil) {
        record(SecurityEvent(type: type, timestamp: now, techInfo: techInfo))
    }

    mutating func record(_ event: SecurityEvent) {
        securityLog.append(event)
        // The extension is on once the shell gave a certificate store (the fleet always does);
        // a bare machine keeps the log only, and speaks plain OCPP 1.6.
        guard certificates != nil else { return }
        enqueueTransactionMessage(event.notification, localTransactionId: 0)
    }

    /// Reports a security event that happened outside OCPP (tamper detection, memory
    /// exhaustion, a clock change, ...): logged and notified like the charger's own.
    public mutating func reportSecurityEvent(
        _ type: SecurityEventType, techInfo: String? = nil, now: OCPPTimestamp
    ) -> [ChargePointAction] {
        begin(now)
        recordSecurityEvent(type, techInfo: techInfo)
        return finish()
    }

    /// How far the charger's clock may be from the central system's `currentTime` before it
    /// sets it. Within it the difference is the message's round trip, not a wrong clock.
    public static let systemTimeAdjustmentThreshold: Duration = .seconds(5)

    /// The central system told its time (BootNotification.conf / Heartbeat.conf `currentTime`,
    /// OCPP 1.6 §4.2, §4.6): a clock off by more than ``systemTimeAdjustmentThreshold`` is set
    /// to it, which is a `SettingSystemTime` security event (critical: sent, security
    /// whitepaper appendix 1), stamped with the corrected time.
    mutating func setClock(from currentTime: OCPPTimestamp) {
        guard synchronizesClock else { return }
        let skew = now.duration(to: currentTime)
        let magnitude = skew < .zero ? .zero - skew : skew
        guard magnitude > Self.systemTimeAdjustmentThreshold else { return }
        let previous = now
        clockAdjustment += skew
        now = currentTime
        let seconds = Double(skew.components.seconds) + Double(skew.components.attoseconds) / 1e18
        recordSecurityEvent(
            .settingSystemTime,
            techInfo: "clock set from \(previous) to \(currentTime) (\(String(format: "%+.1f", seconds)) s) "
                + "from the central system's currentTime")
    }

    // MARK: - Security log

    /// Clears the security log (the control API's `DELETE .../security-log`, a factory reset):
    /// the log then holds one entry, `SecurityLogWasCleared` (critical: also sent).
    public mutating func clearSecurityLog(reason: String, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        let dropped = securityLog.entries.count
        securityLog.clear()
        recordSecurityEvent(.securityLogWasCleared, techInfo: "\(dropped) entries cleared: \(reason)")
        return finish()
    }

    // MARK: - Connection security (A05)

    /// The shell could not open a connection: a central system certificate that did not verify
    /// is an `InvalidCentralSystemCertificate` event, refused credentials a
    /// `FailedToAuthenticateAtCentralSystem` event (each once per run of identical failures).
    /// While a raised `SecurityProfile` has not carried a connection, the failure counts
    /// against it: after ``SecurityProfileUpgrade/maximumAttempts`` the previous profile is
    /// restored and used from the next attempt on.
    public mutating func connectionFailed(_ failure: ConnectionFailure, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        if failure != lastConnectionFailure {
            lastConnectionFailure = failure
            switch failure {
            case .centralSystemCertificateRejected(let reason):
                recordSecurityEvent(.invalidCentralSystemCertificate, techInfo: reason)
            case .authenticationFailed(let reason):
                recordSecurityEvent(.failedToAuthenticateAtCentralSystem, techInfo: reason)
            case .misconfigured, .other:
                break
            }
        }
        if var upgrade = securityProfileUpgrade {
            switch upgrade.connectionFailed() {
            case .retry:
                securityProfileUpgrade = upgrade
            case .fallBack(let previous):
                securityProfileUpgrade = nil
                configuration.fallBack(securityProfile: previous)
                recordSecurityEvent(
                    .reconfigurationOfSecurityParameters,
                    techInfo: "SecurityProfile \(upgrade.target) failed \(upgrade.failedAttempts) connections "
                        + "(\(failure.reason)); back to \(previous)")
            }
        }
        return finish()
    }

    /// A connection opened: a raised profile is confirmed; the first connection after power-on
    /// or a reboot logs `StartupOfTheDevice`.
    mutating func securityConnected() {
        securityProfileUpgrade = nil
        lastConnectionFailure = nil
        if startupPending {
            startupPending = false
            recordSecurityEvent(.startupOfTheDevice, techInfo: "firmware \(firmwareVersion)")
        }
    }

    /// ChangeConfiguration raised (or re-set) `SecurityProfile` from `previous` to `profile`.
    mutating func securityProfileChanged(from previous: Int, to profile: Int) {
        recordSecurityEvent(.reconfigurationOfSecurityParameters, techInfo: "SecurityProfile \(previous) → \(profile)")
        securityProfileUpgrade = profile > previous ? SecurityProfileUpgrade(previous: previous, target: profile) : nil
    }

    /// A reboot (Reset or firmware): `ResetOrReboot`, `FirmwareUpdated` when a new version
    /// takes over, and `StartupOfTheDevice` on the next connection.
    mutating func securityRebooting(_ type: ResetType, newFirmware: String?) {
        recordSecurityEvent(.resetOrReboot, techInfo: "\(type.rawValue) reset")
        if let newFirmware { recordSecurityEvent(.firmwareUpdated, techInfo: "firmware \(newFirmware)") }
        startupPending = true
    }

    // MARK: - ExtendedTriggerMessage

    /// The extension's ExtendedTriggerMessage: the answer goes first, then the requested
    /// message. The core triggers behave as in TriggerMessage (§5.17); FirmwareStatusNotification
    /// sends SignedFirmwareStatusNotification, LogStatusNotification reports the GetLog upload,
    /// SignChargePointCertificate makes a new key pair and sends SignCertificate.req.
    mutating func extendedTrigger(_ request: ExtendedTriggerMessageRequest) -> ExtendedTriggerMessageResponse {
        if let id = request.connectorId, !connectors.indices.contains(id) {
            return ExtendedTriggerMessageResponse(status: .rejected)
        }
        func core(_ trigger: MessageTrigger) -> ExtendedTriggerMessageResponse {
            ExtendedTriggerMessageResponse(
                status: self.trigger(TriggerMessageRequest(requestedMessage: trigger, connectorId: request.connectorId))
                    .status)
        }
        switch request.requestedMessage {
        case .bootNotification: return core(.bootNotification)
        case .heartbeat: return core(.heartbeat)
        case .meterValues: return core(.meterValues)
        case .statusNotification: return core(.statusNotification)
        case .firmwareStatusNotification:
            enqueue(
                SignedFirmwareStatusNotificationRequest(
                    status: SignedFirmwareStatus(rawValue: firmwareStatus.rawValue) ?? .idle),
                purpose: .report, beforeAcceptance: true)
        case .logStatusNotification:
            let logRequestId = diagnosticsUpload?.logRequestId
            enqueue(
                LogStatusNotificationRequest(status: logRequestId == nil ? .idle : .uploading, requestId: logRequestId),
                purpose: .report, beforeAcceptance: true)
        case .signChargePointCertificate:
            guard var store = certificates else { return ExtendedTriggerMessageResponse(status: .rejected) }
            let cpoName = configuration.cpoName.flatMap { $0.isEmpty ? nil : $0 } ?? identity.chargePointVendor
            let id = chargePointId
            guard let signRequest = try? store.makeSignCertificateRequest(cpoName: cpoName, chargePointId: id) else {
                return ExtendedTriggerMessageResponse(status: .rejected)
            }
            certificates = store
            enqueue(signRequest, purpose: .report, beforeAcceptance: true)
        }
        return ExtendedTriggerMessageResponse(status: .accepted)
    }

    // MARK: - GetLog (N01)

    /// GetLog: the log file is made at once (the diagnostics report for `DiagnosticsLog`, the
    /// security log for `SecurityLog`, between the requested timestamps) and uploaded to
    /// `remoteLocation` like a GetDiagnostics file, reported with LogStatusNotification
    /// (Uploading → Uploaded or UploadFailure). A new request cancels one in progress
    /// (AcceptedCanceled).
    mutating func getLog(_ request: GetLogRequest) -> GetLogResponse {
        let oldest = request.log.oldestTimestamp
        let latest = request.log.latestTimestamp
        let content: [UInt8]
        let kind: String
        switch request.logType {
        case .diagnosticsLog:
            content = diagnosticsReport(from: oldest, to: latest).encoded()
            kind = "DiagnosticsLog"
        case .securityLog:
            content = Array(securityLog.text(from: oldest, to: latest).utf8)
            kind = "SecurityLog"
        }
        let stamp = DiagnosticsReport.fileName(chargePointId: chargePointId, at: now)
            .replacingOccurrences(of: "diagnostics-", with: "\(kind)-")
        let fileName = request.logType == .securityLog ? stamp.replacingOccurrences(of: ".json", with: ".log") : stamp
        let canceled = diagnosticsUpload != nil
        diagnosticsUpload = DiagnosticsUpload(
            logRequest: request, fileName: fileName, content: content, requestId: takeTransferId())
        return GetLogResponse(
            status: canceled ? .acceptedCanceled : .accepted, filename: CiString255(truncating: fileName))
    }
}

import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// The security extension on the charge point machine: security events (queued durably), the
/// security profile upgrade and its fall-back, AuthorizationKey, certificate messages,
/// ExtendedTriggerMessage and GetLog.
@Suite struct ChargePointSecurityTests {
    typealias F = ChargePointFixtures

    /// A connected charger with the security extension on: a certificate store in a folder that
    /// is only created if a certificate is stored.
    private static func booted(_ configuration: [String: String] = [:]) -> ChargePointHarness {
        var charger = F.charger(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chargesim-\(UUID().uuidString)")
        if let store = try? CertificateStore(storage: CertificateStoreDirectory(directory: folder)) {
            charger.useCertificateStore(store)
        }
        var harness = ChargePointHarness(charger: charger, now: F.start)
        harness.connect()
        return harness
    }

    private static func events(_ harness: ChargePointHarness) -> [String] {
        harness.csms.requests(SecurityEventNotificationRequest.self).map(\.type.value)
    }

    @Test func startupAndResetAreSecurityEvents() {
        var harness = Self.booted()
        #expect(Self.events(harness) == ["StartupOfTheDevice"])
        #expect(harness.deliver(ResetRequest(type: .soft))?.status == .accepted)
        #expect(harness.reboots == [.soft])
        harness.connect()
        #expect(Self.events(harness) == ["StartupOfTheDevice", "ResetOrReboot", "StartupOfTheDevice"])
        #expect(harness.charger.securityLog.entries.map(\.type) == Self.events(harness))
        #expect(harness.disk.isEmpty)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func eventsWhileOfflineArePersistedAndSentAfterTheReconnect() throws {
        var harness = Self.booted()
        harness.disconnect()
        harness.advance(by: .seconds(5))
        harness.act { $0.reportSecurityEvent(.tamperDetectionActivated, techInfo: "lid opened", now: $1) }
        let stored = try harness.disk.values.map { try TransactionQueueEntry(persisted: $0) }
        #expect(stored.map(\.action) == ["SecurityEventNotification"])
        // A restarted charger keeps it: the snapshot carries the queue and the log.
        let restarted = F.charger(resumingFrom: harness.charger.snapshot)
        #expect(restarted.queuedTransactionMessages.count == 1)
        #expect(restarted.securityLog.entries.last?.type == "TamperDetectionActivated")
        harness.connect()
        let sent = harness.csms.requests(SecurityEventNotificationRequest.self)
        #expect(sent.last?.type.value == "TamperDetectionActivated")
        #expect(sent.last?.techInfo?.value == "lid opened")
        #expect(harness.disk.isEmpty)
    }

    @Test func aSecurityEventRefusedByACentralSystemWithoutTheExtensionDoesNotHoldUpTransactions() throws {
        var harness = Self.booted()
        harness.csms.script["SecurityEventNotification"] = { _ in
            .answer(.error(CallError(.notImplemented, "no security extension here")))
        }
        harness.act { $0.reportSecurityEvent(.tamperDetectionActivated, now: $1) }
        harness.act { $0.plugInRandomEV(connectorId: 1, now: $1) }
        harness.act { $0.presentIdTag("TAG-1", connectorId: 1, now: $1) }
        // Refused once, dropped at once: the StartTransaction queued behind it goes out with no retry wait.
        #expect(Self.events(harness).filter { $0 == "TamperDetectionActivated" }.count == 1)
        #expect(harness.csms.requests(StartTransactionRequest.self).count == 1)
        #expect(harness.charger.queuedTransactionMessages.allSatisfy { $0.action != "SecurityEventNotification" })
    }

    @Test func invalidCentralSystemCertificateIsReportedOnceConnectedElsewhere() {
        var harness = Self.booted()
        harness.disconnect()
        let failure = ConnectionFailure.centralSystemCertificateRejected(
            reason: "TLS: the peer's certificate is not signed by a trusted certificate authority")
        harness.act { $0.connectionFailed(failure, now: $1) }
        harness.act { $0.connectionFailed(failure, now: $1) }
        harness.act { $0.connectionFailed(.other(reason: "connection refused"), now: $1) }
        #expect(harness.disk.count == 1)
        harness.connect()
        let sent = harness.csms.requests(SecurityEventNotificationRequest.self).filter {
            $0.type.value == "InvalidCentralSystemCertificate"
        }
        #expect(sent.count == 1)
        #expect(sent.first?.techInfo?.value.contains("trusted certificate authority") == true)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func raisedSecurityProfileFallsBackAfterFailedConnections() {
        var harness = Self.booted(["AuthorizationKey": "0123456789abcdef0123", "SecurityProfile": "1"])
        #expect(harness.deliver(ChangeConfigurationRequest(key: "SecurityProfile", value: "2"))?.status == .accepted)
        #expect(harness.connectionChanges == [.securityProfile(2)])
        #expect(harness.charger.securityProfileUpgrade == SecurityProfileUpgrade(previous: 1, target: 2))
        // Lowering is refused.
        #expect(harness.deliver(ChangeConfigurationRequest(key: "SecurityProfile", value: "1"))?.status == .rejected)
        harness.disconnect()
        for _ in 1..<SecurityProfileUpgrade.maximumAttempts {
            harness.act { $0.connectionFailed(.other(reason: "TLS: handshake failed"), now: $1) }
            #expect(harness.charger.configuration.securityProfile == 2)
        }
        harness.act { $0.connectionFailed(.other(reason: "TLS: handshake failed"), now: $1) }
        #expect(harness.charger.configuration.securityProfile == 1)
        #expect(harness.charger.securityProfileUpgrade == nil)
        let last = harness.charger.securityLog.entries.last
        #expect(last?.type == "ReconfigurationOfSecurityParameters")
        #expect(last?.techInfo?.contains("back to 1") == true)
    }

    @Test func raisedSecurityProfileIsKeptOnceConnected() {
        var harness = Self.booted(["AuthorizationKey": "0123456789abcdef0123", "SecurityProfile": "1"])
        harness.deliver(ChangeConfigurationRequest(key: "SecurityProfile", value: "2"))
        harness.disconnect()
        harness.act { $0.connectionFailed(.other(reason: "refused"), now: $1) }
        harness.connect()
        #expect(harness.charger.securityProfileUpgrade == nil)
        #expect(harness.charger.configuration.securityProfile == 2)
    }

    @Test func authorizationKeyIsWriteOnlyAndNeverLogged() {
        var harness = Self.booted()
        let key = "s3cret-authorization-key"
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "AuthorizationKey", value: "short"))?.status == .rejected)
        #expect(
            harness.deliver(ChangeConfigurationRequest(key: "AuthorizationKey", value: CiString500(truncating: key)))?
                .status == .accepted)
        #expect(harness.connectionChanges == [.authorizationKey])
        #expect(harness.charger.configuration.authorizationKey == key)
        let all = harness.deliver(GetConfigurationRequest())
        #expect(all?.configurationKey?.contains { $0.key.value == "AuthorizationKey" } == false)
        let asked = harness.deliver(GetConfigurationRequest(key: ["AuthorizationKey"]))
        #expect(asked?.unknownKey?.map(\.value) == ["AuthorizationKey"])
        let frames = harness.charger.messageLog.entries().map(\.frame)
        #expect(frames.contains { $0.contains("AuthorizationKey") && $0.contains(SecretRedaction.marker) })
        #expect(!frames.contains { $0.contains(key) })
        let report = String(decoding: harness.charger.diagnosticsReport(from: nil, to: nil).encoded(), as: UTF8.self)
        #expect(!report.contains(key))
        #expect(Self.events(harness).last == "ReconfigurationOfSecurityParameters")
    }

    @Test func certificateMessagesWithoutAStoreAreNotSupported() {
        var harness = F.booted()
        let answer = harness.deliverRaw(
            GetInstalledCertificateIdsRequest(certificateType: .centralSystemRootCertificate))
        guard case .error(let error)? = answer else {
            Issue.record("expected a CALLERROR, got \(String(describing: answer))")
            return
        }
        #expect(error.code == .notSupported)
        let trigger = harness.deliver(ExtendedTriggerMessageRequest(requestedMessage: .signChargePointCertificate))
        #expect(trigger?.status == .rejected)
        // Without the extension the events are logged, not sent.
        #expect(harness.charger.securityLog.entries.map(\.type) == ["StartupOfTheDevice"])
        #expect(harness.csms.calls("SecurityEventNotification").isEmpty)
    }

    @Test func signChargePointCertificateRoundTripThroughTheStore() throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let folder = try TemporaryDirectory(prefix: "chargesim-cp-certificates")
        defer { folder.remove() }
        // The store checks validity against the machine's clock: run it on the real time.
        let startedAt = OCPPTimestamp(Date())
        var harness = ChargePointHarness(
            charger: F.charger(["CpoName": "ChargeSim CPO"], now: startedAt), now: startedAt)
        harness.connect()
        harness.charger.useCertificateStore(
            try CertificateStore(storage: CertificateStoreDirectory(directory: folder.url)))
        let root = try String5500(String(contentsOfFile: authority.certificateFile, encoding: .utf8))
        let installed = harness.deliver(
            InstallCertificateRequest(certificateType: .centralSystemRootCertificate, certificate: root))
        #expect(installed?.status == .accepted)
        let ids = harness.deliver(GetInstalledCertificateIdsRequest(certificateType: .centralSystemRootCertificate))
        #expect(ids?.status == .accepted)
        #expect(ids?.certificateHashData?.count == 1)
        let trigger = harness.deliver(ExtendedTriggerMessageRequest(requestedMessage: .signChargePointCertificate))
        #expect(trigger?.status == .accepted)
        let csr = try #require(harness.csms.requests(SignCertificateRequest.self).last).csr.value
        let chain = try authority.signRequest(csr)
        harness.advance(by: harness.now.duration(to: OCPPTimestamp(Date())) + .seconds(1))
        let signed = harness.deliver(CertificateSignedRequest(certificateChain: try String10000(chain)))
        #expect(signed?.status == .accepted)
        #expect(harness.charger.certificates?.chargePointCredentials?.certificate.subjectCommonName == "CP-7")
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func extendedTriggerMessageSendsEveryTrigger() {
        var harness = Self.booted()
        let expected: [(ExtendedMessageTrigger, String)] = [
            (.bootNotification, "BootNotification"), (.heartbeat, "Heartbeat"),
            (.statusNotification, "StatusNotification"), (.meterValues, "MeterValues"),
            (.firmwareStatusNotification, "SignedFirmwareStatusNotification"),
            (.logStatusNotification, "LogStatusNotification"),
        ]
        for (trigger, action) in expected {
            let before = harness.csms.calls(action).count
            let answer = harness.deliver(ExtendedTriggerMessageRequest(requestedMessage: trigger, connectorId: 1))
            #expect(answer?.status == .accepted, "\(trigger)")
            #expect(harness.csms.calls(action).count > before, "\(trigger) sent no \(action)")
        }
        #expect(harness.csms.requests(LogStatusNotificationRequest.self).last?.status == .idle)
        let wrong = harness.deliver(ExtendedTriggerMessageRequest(requestedMessage: .heartbeat, connectorId: 9))
        #expect(wrong?.status == .rejected)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func getLogUploadsTheSecurityLog() throws {
        var harness = Self.booted()
        let answer = harness.deliver(
            GetLogRequest(
                log: LogParameters(remoteLocation: try String512("http://logs.example/upload/")),
                logType: .securityLog, requestId: 77))
        #expect(answer?.status == .accepted)
        let fileName = try #require(answer?.filename?.value)
        #expect(fileName.hasPrefix("SecurityLog-CP-7-"))
        guard case .upload(let url, let name, let content, let requestId)? = harness.transfers.last else {
            Issue.record("no upload: \(harness.transfers)")
            return
        }
        #expect(url == "http://logs.example/upload/")
        #expect(name == fileName)
        #expect(String(decoding: content, as: UTF8.self).contains("StartupOfTheDevice"))
        harness.finishUpload(requestId: requestId, result: .success(byteCount: content.count, headers: [:]))
        let statuses = harness.csms.requests(LogStatusNotificationRequest.self)
        #expect(statuses.map(\.status) == [.uploading, .uploaded])
        #expect(statuses.allSatisfy { $0.requestId == 77 })
        #expect(harness.csms.calls("DiagnosticsStatusNotification").isEmpty)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func getLogDiagnosticsFailureIsUploadFailure() throws {
        var harness = Self.booted()
        let answer = harness.deliver(
            GetLogRequest(
                log: LogParameters(remoteLocation: try String512("http://logs.example/")),
                logType: .diagnosticsLog, requestId: 5, retries: 0))
        #expect(answer?.status == .accepted)
        guard case .upload(_, _, _, let requestId)? = harness.transfers.last else {
            Issue.record("no upload")
            return
        }
        harness.finishUpload(requestId: requestId, result: .failure(reason: "HTTP 500"))
        #expect(harness.csms.requests(LogStatusNotificationRequest.self).map(\.status) == [.uploading, .uploadFailure])
    }
}

import Foundation
import GRDB
import NIOCore
import OCPP16
import PublicAPI
import WebSocket

/// Applies each charger-initiated CALL to the store and builds its answer (OCPP 1.6 chapter 4
/// and the security extension). One state change is one store transaction; replayed
/// transaction messages land on the session they belong to (the store's idempotent methods).
struct ChargePointMessageHandler: Sendable {
    /// Work to do once the answer is written.
    enum FollowUp: Sendable, Equatable {
        /// Send CertificateSigned.req with this PEM chain (security extension A02/A03).
        case sendCertificateSigned(String)
    }

    let store: Store
    let configuration: OCPPServerConfiguration
    let registry: ChargePointRegistry
    /// Where the connections count how long each answer took.
    let processingTimes = OCPPProcessingTimeRecorder()

    /// The answer to `request` from `chargePointId`, and what to do after sending it. `known` is
    /// the connection's memory that the charge point has a row (set once a message found or added
    /// it), so auto-registration does not read the store for every message.
    func handle(
        _ request: ChargePointRequest, chargePointId: String, known: inout Bool, now: OCPPTimestamp
    ) async -> (CallAnswer, FollowUp?) {
        do {
            do {
                return try await apply(request, chargePointId: chargePointId, known: &known, now: now)
            } catch StoreError.unknownChargePoint(_) where configuration.autoRegister && known {
                // Deleted through the API since it was last seen: added again, as on a first message.
                known = false
                return try await apply(request, chargePointId: chargePointId, known: &known, now: now)
            }
        } catch {
            return (Self.errorAnswer(for: error), nil)
        }
    }

    /// How a request applied by ``handleDirectly(_:chargePointId:known:now:completion:)`` ended.
    enum DirectOutcome: Sendable {
        /// Send this answer.
        case answer(CallAnswer)
        /// The charge point has no row any more (deleted through the API) and auto-registration
        /// is on: run the request through ``handle(_:chargePointId:known:now:)`` with `known`
        /// false, which adds it again, as for a first message.
        case registerFirst
    }

    /// Applies a Heartbeat, StatusNotification or MeterValues without a task or a thread
    /// hand-off (issue 11): the write joins the batch `eventLoop` (the connection's) runs once it
    /// has handled the frames it was woken for, and `completion` runs there once it is committed;
    /// the events of ``handle(_:chargePointId:known:now:)`` are reported right after it.
    /// Returns false, doing nothing, for every other request and while the charge point may
    /// still need registering (auto-registration and not `known`).
    func handleDirectly(
        _ request: ChargePointRequest, chargePointId id: String, known: Bool, now: OCPPTimestamp,
        on eventLoop: any EventLoop, completion: @escaping @Sendable (DirectOutcome) -> Void
    ) -> Bool {
        guard known || !configuration.autoRegister else { return false }
        switch request {
        case .heartbeat:
            store.enqueueWrite(
                on: eventLoop,
                { db in try Store.recordHeartbeat(identity: id, now: now, db) },
                completion: { result in
                    completion(directOutcome(result) { CallAnswer(response: HeartbeatResponse(currentTime: now)) })
                })
        case .statusNotification(let notification):
            store.enqueueWrite(
                on: eventLoop,
                { db in try Store.applyStatusNotification(identity: id, request: notification, now: now, db) },
                completion: { result in
                    completion(directOutcome(result) { _ in CallAnswer(response: StatusNotificationResponse()) })
                    // Reported once the answer is on its way (issue 11: the answers of a batch are
                    // handed back one after another, and the report may wake other threads).
                    if case .success(let change) = result { emit(.statusChanged(change)) }
                })
        case .meterValues(let values):
            store.enqueueWrite(
                on: eventLoop,
                { db in try Store.applyMeterValues(identity: id, request: values, now: now, db) },
                completion: { result in
                    completion(directOutcome(result) { meterValuesAnswer($0, values, chargePointId: id) })
                    if case .success(let outcome) = result { reportMeterValues(outcome) }
                })
        case .authorize, .bootNotification, .dataTransfer, .diagnosticsStatusNotification,
            .firmwareStatusNotification, .startTransaction, .stopTransaction, .logStatusNotification,
            .securityEventNotification, .signCertificate, .signedFirmwareStatusNotification:
            return false
        }
        return true
    }

    private func directOutcome<T>(_ result: Result<T, any Error>, _ answer: (T) -> CallAnswer) -> DirectOutcome {
        switch result {
        case .success(let value):
            return .answer(answer(value))
        case .failure(StoreError.unknownChargePoint(_)) where configuration.autoRegister:
            return .registerFirst
        case .failure(let error):
            return .answer(Self.errorAnswer(for: error))
        }
    }

    /// The CALLERROR for a request that failed with `error`.
    private static func errorAnswer(for error: any Error) -> CallAnswer {
        switch error {
        case let error as CallError:
            .error(error)
        case let error as StoreError:
            .error(callError(for: error))
        default:
            .error(CallError(.internalError, "the central system could not store the message"))
        }
    }

    /// Reports the session a stored MeterValues updated.
    private func reportMeterValues(_ outcome: MeterValuesOutcome) {
        if outcome.insertedSamples > 0, let session = outcome.session, session.status == .active {
            emit(.sessionUpdated(session))
        }
    }

    /// The answer to a stored MeterValues (the session update is reported by ``reportMeterValues(_:)``).
    private func meterValuesAnswer(
        _ outcome: MeterValuesOutcome, _ values: MeterValuesRequest, chargePointId id: String
    ) -> CallAnswer {
        // A reading outside a transaction is normal (clock-aligned, triggered); a transactionId
        // with no session is not, and is said, though its samples are kept.
        if outcome.session == nil, let transactionId = values.transactionId {
            configuration.log?(
                "MeterValues from \(id) for transactionId \(transactionId), which matches no session: "
                    + "\(outcome.unattachedSamples) sample(s) kept in unattached_meter_sample")
        }
        return CallAnswer(response: MeterValuesResponse())
    }

    private func apply(
        _ request: ChargePointRequest, chargePointId id: String, known: inout Bool, now: OCPPTimestamp
    ) async throws -> (CallAnswer, FollowUp?) {
        let policy = configuration.unknownIdTagPolicy
        switch request {
        case .bootNotification(let boot):
            let status = registry.bootStatus(for: id, policy: configuration.bootPolicy)
            switch status {
            case .accepted:
                let (record, before) = try await store.upsertBoot(
                    identity: id, request: boot, autoRegister: configuration.autoRegister, now: now)
                known = true
                emit(.booted(record))
                if before != record.networkStatus { emit(.networkStatusChanged(record, previous: before)) }
            case .pending, .rejected:
                // Not registered yet: nothing about the charger is recorded until it is accepted.
                break
            }
            let response = BootNotificationResponse(
                status: status, currentTime: now, interval: configuration.heartbeatInterval)
            return (CallAnswer(response: response), nil)

        case .heartbeat:
            try await ensureKnown(id, known: &known, now: now)
            try await store.recordHeartbeat(identity: id, now: now)
            return (CallAnswer(response: HeartbeatResponse(currentTime: now)), nil)

        case .statusNotification(let notification):
            try await ensureKnown(id, known: &known, now: now)
            emit(.statusChanged(try await store.applyStatusNotification(identity: id, request: notification, now: now)))
            return (CallAnswer(response: StatusNotificationResponse()), nil)

        case .authorize(let authorize):
            try await ensureKnown(id, known: &known, now: now)
            let (info, authorization) = try await store.authorizeRecording(
                idTag: authorize.idTag.value, identity: id, unknownTagPolicy: policy, now: now)
            emit(.authorizationRecorded(authorization))
            return (CallAnswer(response: AuthorizeResponse(idTagInfo: info)), nil)

        case .startTransaction(let start):
            try await ensureKnown(id, known: &known, now: now)
            let outcome = try await store.startTransaction(
                identity: id, request: start, unknownTagPolicy: policy, now: now)
            if let authorization = outcome.authorization { emit(.authorizationRecorded(authorization)) }
            if !outcome.replayed { emit(.sessionStarted(outcome.session, superseded: outcome.supersededSession)) }
            let response = StartTransactionResponse(idTagInfo: outcome.idTagInfo, transactionId: outcome.transactionId)
            return (CallAnswer(response: response), nil)

        case .stopTransaction(let stop):
            try await ensureKnown(id, known: &known, now: now)
            let outcome = try await store.stopTransaction(identity: id, request: stop, now: now)
            if !outcome.replayed, let session = outcome.session {
                emit(.sessionStopped(session, payment: outcome.payment))
            }
            return (CallAnswer(response: StopTransactionResponse(idTagInfo: outcome.idTagInfo)), nil)

        case .meterValues(let values):
            try await ensureKnown(id, known: &known, now: now)
            let outcome = try await store.applyMeterValues(identity: id, request: values, now: now)
            reportMeterValues(outcome)
            return (meterValuesAnswer(outcome, values, chargePointId: id), nil)

        case .dataTransfer(let transfer):
            try await ensureKnown(id, known: &known, now: now)
            emit(.dataTransferReceived(ChargePointNotification(chargePointId: id, request: request, receivedAt: now)))
            let known = configuration.dataTransferVendorIds.contains(transfer.vendorId.value)
            let response = DataTransferResponse(status: known ? .accepted : .unknownVendorId)
            return (CallAnswer(response: response), nil)

        case .diagnosticsStatusNotification:
            try await record(request, id, known: &known, now)
            return (CallAnswer(response: DiagnosticsStatusNotificationResponse()), nil)
        case .firmwareStatusNotification:
            try await record(request, id, known: &known, now)
            return (CallAnswer(response: FirmwareStatusNotificationResponse()), nil)
        case .logStatusNotification:
            try await record(request, id, known: &known, now)
            return (CallAnswer(response: LogStatusNotificationResponse()), nil)
        case .signedFirmwareStatusNotification:
            try await record(request, id, known: &known, now)
            return (CallAnswer(response: SignedFirmwareStatusNotificationResponse()), nil)
        case .securityEventNotification:
            try await record(request, id, known: &known, now)
            return (CallAnswer(response: SecurityEventNotificationResponse()), nil)

        case .signCertificate(let sign):
            try await record(request, id, known: &known, now)
            guard let authority = configuration.certificateAuthority else {
                return (CallAnswer(response: SignCertificateResponse(status: .accepted)), nil)
            }
            // A02: the CSR must name this charge point; anything else is refused, not signed.
            let certificate: X509Certificate
            switch Self.sign(sign.csr.value, for: id, with: authority, configuration: configuration, now: now) {
            case .success(let signed):
                certificate = signed
            case .failure(let refusal):
                configuration.log?("SignCertificate from \(id) rejected: \(refusal.reason)")
                return (CallAnswer(response: SignCertificateResponse(status: .rejected)), nil)
            }
            registry.record(
                IssuedCertificate(
                    chargePointId: id, serialNumber: certificate.serialNumberHex, notAfter: certificate.notAfter))
            configuration.log?(
                "SignCertificate from \(id): signed certificate serial \(certificate.serialNumberHex), "
                    + "valid until \(OCPPTimestamp(certificate.notAfter))")
            return (
                CallAnswer(response: SignCertificateResponse(status: .accepted)),
                .sendCertificateSigned(certificate.pem + authority.certificate.pem)
            )
        }
    }

    /// Why a CSR was not signed, for the log.
    struct SigningRefusal: Error {
        let reason: String
    }

    /// Checks a SignCertificate CSR (PEM, valid signature, CN = the charge point id) and signs it
    /// as a client certificate.
    static func sign(
        _ pem: String, for id: String, with authority: CertificateAuthority, configuration: OCPPServerConfiguration,
        now: OCPPTimestamp
    ) -> Result<X509Certificate, SigningRefusal> {
        guard let csr = try? CertificateSigningRequest(pem: pem) else {
            return .failure(SigningRefusal(reason: "the csr is not a PEM certificate signing request"))
        }
        guard csr.hasValidSignature else {
            return .failure(SigningRefusal(reason: "the CSR's signature does not verify with its public key"))
        }
        guard csr.subjectCommonName == id else {
            let name = csr.subjectCommonName.map { "'\($0)'" } ?? "missing"
            return .failure(SigningRefusal(reason: "the CSR's subject CN is \(name), expected '\(id)'"))
        }
        do {
            return .success(
                try authority.sign(
                    csr, usage: .client, validityDays: configuration.issuedCertificateValidityDays, now: now.date))
        } catch {
            return .failure(SigningRefusal(reason: "the CA could not sign it: \(error)"))
        }
    }

    /// Keeps a notification in memory (the latest per charger) and in the store, then reports it.
    private func record(
        _ request: ChargePointRequest, _ id: String, known: inout Bool, _ now: OCPPTimestamp
    ) async throws {
        try await ensureKnown(id, known: &known, now: now)
        try await store.recordNotification(identity: id, request: request, now: now)
        let notification = ChargePointNotification(chargePointId: id, request: request, receivedAt: now)
        registry.record(notification)
        emit(.notification(notification))
    }

    func emit(_ event: OCPPServerEvent) {
        configuration.onEvent?(event)
    }

    /// Sets the charge point's network status and reports a change; an unknown charge point
    /// (auto-registration, not yet added) is left alone.
    func setNetworkStatus(_ id: String, _ status: NetworkStatus, now: OCPPTimestamp) async {
        guard let (record, previous) = try? await store.setNetworkStatus(identity: id, status, now: now),
            previous != status
        else { return }
        emit(.networkStatusChanged(record, previous: previous))
    }

    /// With `autoRegister`, a charge point that speaks before booting is added on its first
    /// message; it is connected, so it is `available` on the network. Once `known`, the store is
    /// not read again (issue 11: that read was a tenth of the central system's CPU); a charge point
    /// deleted meanwhile makes the write fail with `unknownChargePoint`, and `handle` starts over.
    private func ensureKnown(_ id: String, known: inout Bool, now: OCPPTimestamp) async throws {
        guard configuration.autoRegister, !known else { return }
        if try await store.chargePoint(identity: id) == nil {
            do {
                _ = try await store.registerChargePoint(identity: id, now: now)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // Another message of the same charger registered it first.
            }
            await setNetworkStatus(id, .available, now: now)
        }
        known = true
    }

    /// The CALLERROR for a refusal of the store (OCPP-J 1.6 table 7).
    static func callError(for error: StoreError) -> CallError {
        switch error {
        case .unknownChargePoint(let identity):
            CallError(.securityError, "charge point \(identity) is not registered")
        case .notFound(let table, let id):
            CallError(.genericError, "no \(table) with id \(id)")
        case .invalidConnector(let connectorId):
            CallError(.propertyConstraintViolation, "connectorId \(connectorId) cannot carry a transaction")
        }
    }
}

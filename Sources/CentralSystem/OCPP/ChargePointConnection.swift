import Foundation
import NIOCore
import OCPP16
import WebSocket

/// The thin shell around one ``ChargePointSession``: feeds it the WebSocket's messages, writes
/// what it returns, arms its timer, and runs the charger's requests against the store in the
/// order they arrived (one consumer task per connection, so a slow write never reorders a
/// StartTransaction and the MeterValues after it).
///
/// `@unchecked Sendable`: `session`, `waiters` and `timer` are only touched on the WebSocket's
/// event loop (every entry point hops there or asserts it); the other properties are immutable.
final class ChargePointConnection: @unchecked Sendable {
    /// Work for the consumer task, in arrival order.
    private enum Work: Sendable {
        /// The connection is up: mark the charge point online.
        case connected
        /// A request to apply and answer.
        case request(messageId: String, ChargePointRequest)
        /// The connection is gone: mark the charge point offline unless it reconnected.
        case closed
    }

    let chargePointId: String
    let webSocket: WebSocketConnection
    /// The TLS client certificate it connected with (security profile 3), if any.
    let clientCertificate: ClientCertificate?
    /// Whether it came over TLS (security profile 2 or 3).
    let secure: Bool
    private let handler: ChargePointMessageHandler
    private let registry: ChargePointRegistry
    private var session: ChargePointSession
    private var waiters: [String: CheckedContinuation<Result<RawJSON, ChargePointCommandError>, Never>] = [:]
    private var timer: Scheduled<Void>?
    private let work: AsyncStream<Work>.Continuation
    private let workStream: AsyncStream<Work>

    init(
        chargePointId: String, webSocket: WebSocketConnection, handler: ChargePointMessageHandler,
        registry: ChargePointRegistry, clientCertificate: ClientCertificate? = nil, secure: Bool = false
    ) {
        self.clientCertificate = clientCertificate
        self.secure = secure
        self.chargePointId = chargePointId
        self.webSocket = webSocket
        self.handler = handler
        self.registry = registry
        self.session = ChargePointSession(
            chargePointId: chargePointId, callTimeout: handler.configuration.callTimeout,
            messageIDs: MessageIDGenerator(random: SystemRandomNumberGenerator()))
        (workStream, work) = AsyncStream.makeStream(of: Work.self)
    }

    /// Installs the callbacks and starts the consumer. Call on the event loop, from `onConnection`.
    func start() {
        webSocket.eventLoop.preconditionInEventLoop()
        webSocket.onMessage = { [self] message in
            switch message {
            case .text(let text):
                perform(session.received(text: text, now: .now))
            case .binary:
                // OCPP-J 1.6 section 3.1: messages are JSON text frames only.
                webSocket.close(code: .unsupportedData, reason: "OCPP-J uses text messages")
            }
        }
        webSocket.onClose = { [self] _ in
            timer?.cancel()
            timer = nil
            perform(session.connectionLost())
            work.yield(.closed)
            work.finish()
        }
        work.yield(.connected)
        Task { await consume() }
    }

    /// Sends one CALL and waits for its end (answer, CALLERROR, timeout or lost connection).
    func call(action: String, payload: RawJSON, timeout: Duration?) async -> Result<RawJSON, ChargePointCommandError> {
        await withCheckedContinuation { continuation in
            webSocket.eventLoop.execute { [self] in
                switch session.sendCall(action: action, payload: payload, timeout: timeout, now: .now) {
                case .write(let bytes, let messageId):
                    waiters[messageId] = continuation
                    write(bytes)
                    armTimer()
                case .queued(let messageId):
                    waiters[messageId] = continuation
                case .rejected(let rejection):
                    let error = ChargePointCommandError(rejection, chargePointId: chargePointId, action: action)
                    continuation.resume(returning: .failure(error))
                }
            }
        }
    }

    /// Closes the WebSocket (from any thread).
    func close(code: CloseCode, reason: String) {
        webSocket.eventLoop.execute { [self] in
            webSocket.close(code: code, reason: reason)
        }
    }

    // MARK: - On the event loop

    private func perform(_ actions: [ChargePointSession.Action]) {
        for action in actions {
            switch action {
            case .write(let bytes):
                write(bytes)
            case .handle(let messageId, let request):
                work.yield(.request(messageId: messageId, request))
            case .completed(let completed):
                let result = completed.outcome.mapError {
                    ChargePointCommandError($0, chargePointId: chargePointId, action: completed.action)
                }
                waiters.removeValue(forKey: completed.messageId)?.resume(returning: result)
            case .ignored:
                // A late answer after a timeout or an unknown message type: nothing to do.
                break
            }
        }
        armTimer()
    }

    private func write(_ bytes: [UInt8]) {
        webSocket.send(text: String(decoding: bytes, as: UTF8.self))
    }

    private func armTimer() {
        timer?.cancel()
        timer = nil
        guard let deadline = session.nextDeadline else { return }
        let delay = ContinuousClock.now.duration(to: deadline)
        let nanoseconds = max(
            0, delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000)
        timer = webSocket.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) { [self] in
            timer = nil
            perform(session.timerFired(now: .now))
        }
    }

    private func answer(_ messageId: String, with answer: CallAnswer) {
        webSocket.eventLoop.execute { [self] in
            perform(session.answer(messageId, with: answer))
        }
    }

    // MARK: - The consumer task

    private func consume() async {
        // Whether the charge point is known to have a row (see `ChargePointMessageHandler.handle`).
        var known = false
        for await item in workStream {
            switch item {
            case .connected:
                // An unknown id (auto-registration) is added on its first message instead.
                await handler.setNetworkStatus(chargePointId, .available, now: OCPPTimestamp(Date()))
            case .request(let messageId, let request):
                let (answer, followUp) = await handler.handle(
                    request, chargePointId: chargePointId, known: &known, now: OCPPTimestamp(Date()))
                self.answer(messageId, with: answer)
                switch followUp {
                case .sendCertificateSigned(let chain):
                    // A chain over the schema's 10 000 characters cannot be sent; the charger retries.
                    if let chain = try? String10000(chain),
                        let payload = try? RawJSON(encoding: CertificateSignedRequest(certificateChain: chain))
                    {
                        // Not awaited here: the charger's answer must not hold up its next request.
                        Task { _ = await call(action: CertificateSignedRequest.action, payload: payload, timeout: nil) }
                    }
                case nil:
                    break
                }
            case .closed:
                if registry.unregister(self) {
                    await handler.setNetworkStatus(chargePointId, .temporarilyUnavailable, now: OCPPTimestamp(Date()))
                    // The charger may have come back while that was written: its `.connected`
                    // may have run first, so the live connection wins.
                    if registry.connection(for: chargePointId) != nil {
                        await handler.setNetworkStatus(chargePointId, .available, now: OCPPTimestamp(Date()))
                    }
                }
            }
        }
    }
}

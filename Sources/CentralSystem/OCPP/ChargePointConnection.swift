import Foundation
import NIOCore
import OCPP16
import WebSocket

/// The thin shell around one ``ChargePointSession``: feeds it the WebSocket's messages, writes
/// what it returns, arms its timer, and runs the charger's requests against the store in the
/// order they arrived.
///
/// Two paths keep that order (issue 11). Heartbeat, StatusNotification and MeterValues of a
/// charge point that needs no registration check are written by the event loop itself, in one
/// batch per turn of the loop, and answered there (``ChargePointMessageHandler/handleDirectly(_:chargePointId:known:now:on:completion:)``),
/// in arrival order. Every other request runs on one consumer task per
/// connection, one at a time. A request takes the direct path only while the consumer has
/// nothing to do, and a consumer request waits (`held`) until the direct writes before it are
/// answered, so a StartTransaction and the MeterValues after it are never reordered.
///
/// `@unchecked Sendable`: `session`, `waiters`, `timer` and the routing state (`known`,
/// `consumerBacklog`, `directInFlight`, `held`, `closing`) are only touched on the WebSocket's
/// event loop (every entry point hops there or asserts it); the other properties are immutable.
final class ChargePointConnection: @unchecked Sendable {
    /// Work for the consumer task, in arrival order.
    private enum Work: Sendable {
        /// The connection is up: mark the charge point online.
        case connected
        /// A request to apply and answer; `receivedAt` is when its frame was read.
        case request(messageId: String, ChargePointRequest, receivedAt: UInt64)
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
    /// Whether the charge point is known to have a row, as the consumer last found it.
    private var known = false
    /// Work handed to the consumer and not finished yet.
    private var consumerBacklog = 0
    /// Requests on the direct path not answered yet.
    private var directInFlight = 0
    /// Consumer work waiting for the direct writes before it to be answered.
    private var held: [Work] = []
    /// The connection closed: the consumer ends after the held work.
    private var closing = false
    /// Whether the connection proved itself to the registry (a first message, or the grace
    /// period passed): the connection it superseded is closed then
    /// (``ChargePointRegistry/register(_:)``). True from the start when it superseded none.
    private var confirmed = true

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

    /// Installs the callbacks and starts the consumer; a connection that `superseded` another
    /// closes it at its first message or after the grace period. Call on the event loop, from
    /// `onConnection`.
    func start(superseded: Bool) {
        webSocket.eventLoop.preconditionInEventLoop()
        webSocket.onMessage = { [self] message in
            if !confirmed { confirm() }
            switch message {
            case .text(let text):
                perform(session.received(text: text, now: .now), receivedAt: OCPPProcessingTimeRecorder.now())
            case .binary:
                // OCPP-J 1.6 section 3.1: messages are JSON text frames only.
                webSocket.close(code: .unsupportedData, reason: "OCPP-J uses text messages")
            }
        }
        webSocket.onClose = { [self] _ in
            timer?.cancel()
            timer = nil
            perform(session.connectionLost())
            closing = true
            toConsumer(.closed)
            if held.isEmpty { work.finish() }
        }
        toConsumer(.connected)
        Task { await consume() }
        if superseded {
            confirmed = false
            // Not cancelled when a message comes first (a NIO task's cancel searches the loop's
            // whole heap of tasks): it finds the connection confirmed and does nothing.
            webSocket.eventLoop.scheduleTask(in: TimeAmount(handler.configuration.replacementGrace)) { [self] in
                if !confirmed { confirm() }
            }
        }
    }

    /// Closes the connection this one superseded, if it still is, now that this one proved itself.
    private func confirm() {
        confirmed = true
        registry.confirm(self)?.close(code: .normalClosure, reason: "replaced")
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

    private func perform(_ actions: [ChargePointSession.Action], receivedAt: UInt64 = 0) {
        for action in actions {
            switch action {
            case .write(let bytes):
                write(bytes)
            case .handle(let messageId, let request):
                route(messageId, request, receivedAt: receivedAt)
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
        // The session's frames are JSON it wrote from Strings: UTF-8, no String needed.
        webSocket.send(utf8Text: bytes)
    }

    /// Takes the direct path when nothing is queued for the consumer, else queues the request.
    private func route(_ messageId: String, _ request: ChargePointRequest, receivedAt: UInt64) {
        if consumerBacklog == 0, held.isEmpty {
            let eventLoop = webSocket.eventLoop
            let direct = handler.handleDirectly(
                request, chargePointId: chargePointId, known: known, now: OCPPTimestamp(Date()), on: eventLoop
            ) { [self] outcome in
                // The store runs the batch on this connection's loop: answer in place.
                if eventLoop.inEventLoop {
                    directFinished(messageId, request, receivedAt: receivedAt, outcome: outcome)
                } else {
                    eventLoop.execute { [self] in
                        directFinished(messageId, request, receivedAt: receivedAt, outcome: outcome)
                    }
                }
            }
            if direct {
                directInFlight += 1
                return
            }
        }
        toConsumer(.request(messageId: messageId, request, receivedAt: receivedAt))
    }

    /// Hands `item` to the consumer, or holds it until the direct writes before it are answered.
    private func toConsumer(_ item: Work) {
        if directInFlight > 0 {
            held.append(item)
        } else {
            consumerBacklog += 1
            work.yield(item)
        }
    }

    private func directFinished(
        _ messageId: String, _ request: ChargePointRequest, receivedAt: UInt64,
        outcome: ChargePointMessageHandler.DirectOutcome
    ) {
        directInFlight -= 1
        switch outcome {
        case .answer(let answer):
            answered(messageId, with: answer, request: request, receivedAt: receivedAt)
        case .registerFirst:
            known = false
            // After a close nobody reads the answer, and the consumer has ended or is about to.
            if !closing { toConsumer(.request(messageId: messageId, request, receivedAt: receivedAt)) }
        }
        guard directInFlight == 0, !held.isEmpty else { return }
        for item in held {
            consumerBacklog += 1
            work.yield(item)
        }
        held.removeAll()
        if closing { work.finish() }
    }

    /// Writes the answer to a charger's request and counts how long it took.
    private func answered(_ messageId: String, with answer: CallAnswer, request: ChargePointRequest, receivedAt: UInt64)
    {
        perform(session.answer(messageId, with: answer))
        let meterValues: Bool
        if case .meterValues = request { meterValues = true } else { meterValues = false }
        handler.processingTimes.record(receivedAt: receivedAt, meterValues: meterValues)
    }

    private func armTimer() {
        timer?.cancel()
        timer = nil
        guard let deadline = session.nextDeadline else { return }
        let delay = max(ContinuousClock.now.duration(to: deadline), .zero)
        timer = webSocket.eventLoop.scheduleTask(in: TimeAmount(delay)) { [self] in
            timer = nil
            perform(session.timerFired(now: .now))
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
                webSocket.eventLoop.execute { [self] in consumerBacklog -= 1 }
            case .request(let messageId, let request, let receivedAt):
                let (answer, followUp) = await handler.handle(
                    request, chargePointId: chargePointId, known: &known, now: OCPPTimestamp(Date()))
                webSocket.eventLoop.execute { [self, known] in
                    self.known = known
                    consumerBacklog -= 1
                    answered(messageId, with: answer, request: request, receivedAt: receivedAt)
                }
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

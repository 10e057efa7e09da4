import Foundation
import NIOConcurrencyHelpers
import OCPP16
import WebSocket

/// A charger for live central-system tests: it speaks raw OCPP-J frames over a real
/// `WebSocketClient`, checks every message the central system sends (its CALLRESULTs and its
/// CALLs) against the official OCPP 1.6 schema, and lets a test send CALLs and answer the
/// central system's CALLs one by one.
///
///     let charger = try await ScriptedChargePoint.connect(to: server.url(for: "CP-1"))
///     let boot = try await charger.call(BootNotificationRequest(...))
///     let remote = try await charger.nextCall()          // e.g. RemoteStartTransaction
///     try await charger.answer(remote, with: RemoteStartTransactionResponse(status: .accepted))
public final class ScriptedChargePoint: Sendable {
    /// A CALL the central system sent.
    public struct IncomingCall: Sendable, Equatable {
        /// Its message id.
        public var messageId: String
        /// The action name.
        public var action: String
        /// The undecoded payload.
        public var payload: RawJSON

        /// The payload as `R`.
        public func decode<R: OCPPRequest>(_ type: R.Type) throws -> R {
            precondition(R.action == action, "a \(action) CALL read as \(R.action)")
            return try payload.decode(R.self)
        }
    }

    /// The central system's answer to one of our CALLs.
    public enum Answer: Sendable, Equatable {
        /// CALLRESULT payload.
        case result(RawJSON)
        /// CALLERROR.
        case error(CallError)
    }

    /// The central system answered CALLERROR where a test expected a result.
    public struct UnexpectedCallError: Error, CustomStringConvertible {
        public let error: CallError
        public var description: String { "CALLERROR \(error)" }
    }

    private struct State {
        var waiting: [String: (action: String, continuation: CheckedContinuation<Answer, any Error>)] = [:]
        var counter = 0
        var violations: [String] = []
        var closed = false
    }

    /// The connection.
    public let client: WebSocketClient
    private let state = NIOLockedValueBox(State())
    private let incoming: AsyncStream<IncomingCall>
    private let incomingContinuation: AsyncStream<IncomingCall>.Continuation
    private let schemaDirectory: URL

    private init(client: WebSocketClient, schemaDirectory: URL) {
        self.client = client
        self.schemaDirectory = schemaDirectory
        (incoming, incomingContinuation) = AsyncStream.makeStream(of: IncomingCall.self)
    }

    /// Connects with subprotocol `ocpp1.6` (or `subprotocols`), optionally with Basic auth
    /// (user = `user`, security profile 1) and TLS.
    public static func connect(
        to url: String, subprotocols: [String] = ["ocpp1.6"], basicAuth: (user: String, password: String)? = nil,
        tls: TLSConfiguration? = nil, filePath: String = #filePath
    ) async throws -> ScriptedChargePoint {
        var configuration = WebSocketClientConfiguration(
            subprotocols: subprotocols, requiresSubprotocol: true, tls: tls, connectTimeout: .seconds(5))
        if let basicAuth { configuration.setBasicAuthorization(user: basicAuth.user, password: basicAuth.password) }
        let client = try await WebSocketClient.connect(to: url, configuration: configuration)
        let charger = ScriptedChargePoint(
            client: client, schemaDirectory: OCPPSchemaFiles.directory(filePath: filePath))
        Task { await charger.read() }
        return charger
    }

    /// Every schema violation in what the central system sent, and every unparsable frame.
    public var schemaViolations: [String] { state.withLockedValue { $0.violations } }

    /// Sends a CALL and returns the typed CALLRESULT; throws ``UnexpectedCallError`` on CALLERROR.
    public func call<R: OCPPRequest>(_ request: R) async throws -> R.Response {
        switch try await callAnswer(action: R.action, payload: try RawJSON(encoding: request)) {
        case .result(let payload): return try payload.decode(R.Response.self)
        case .error(let error): throw UnexpectedCallError(error: error)
        }
    }

    /// Sends a CALL with a raw payload (possibly invalid) and returns whatever answers it.
    public func callAnswer(action: String, payload: RawJSON, messageId: String? = nil) async throws -> Answer {
        let id =
            messageId
            ?? state.withLockedValue { state in
                state.counter += 1
                return "cp-\(state.counter)"
            }
        let frame = RPCFrame.call(messageId: id, action: action, payload: payload).serialized()
        return try await withCheckedThrowingContinuation { continuation in
            let closed = state.withLockedValue { state in
                if !state.closed { state.waiting[id] = (action, continuation) }
                return state.closed
            }
            guard !closed else {
                continuation.resume(throwing: WebSocketClientError.notOpen)
                return
            }
            Task {
                do {
                    try await client.send(text: String(decoding: frame, as: UTF8.self))
                } catch {
                    if let waiter = state.withLockedValue({ $0.waiting.removeValue(forKey: id) }) {
                        waiter.continuation.resume(throwing: error)
                    }
                }
            }
        }
    }

    /// The next CALL the central system sends (nil once the connection is closed).
    public func nextCall() async -> IncomingCall? {
        var iterator = incoming.makeAsyncIterator()
        return await iterator.next()
    }

    /// Answers a CALL of the central system with a typed CALLRESULT.
    public func answer(_ call: IncomingCall, with response: some OCPPPayload) async throws {
        let bytes = CallAnswer(response: response).frame(answering: call.messageId).serialized()
        try await client.send(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Answers a CALL of the central system with a CALLERROR.
    public func answer(_ call: IncomingCall, error: CallError) async throws {
        let bytes = CallAnswer.error(error).frame(answering: call.messageId).serialized()
        try await client.send(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Closes with `code` and waits until the connection is gone.
    @discardableResult
    public func close(code: CloseCode = .normalClosure) async -> WebSocketCloseStatus {
        await client.close(code: code)
    }

    /// How the connection ended; waits until it has.
    public var closeStatus: WebSocketCloseStatus {
        get async { await client.closeStatus }
    }

    private func read() async {
        for await message in client.inbound {
            guard case .text(let text) = message else {
                record("binary message from the central system")
                continue
            }
            let frame: RPCFrame
            do {
                frame = try RPCFrame.parse(Array(text.utf8))
            } catch {
                record("unparsable frame \(text): \(error)")
                continue
            }
            switch frame {
            case .call(let messageId, let action, let payload):
                validate(payload, schema: action)
                incomingContinuation.yield(IncomingCall(messageId: messageId, action: action, payload: payload))
            case .callResult(let messageId, let payload):
                guard let waiter = state.withLockedValue({ $0.waiting.removeValue(forKey: messageId) }) else {
                    record("CALLRESULT for unknown id \(messageId)")
                    continue
                }
                validate(payload, schema: waiter.action + "Response")
                waiter.continuation.resume(returning: .result(payload))
            case .callError(let messageId, let error):
                guard let waiter = state.withLockedValue({ $0.waiting.removeValue(forKey: messageId) }) else {
                    // A CALLERROR for an unreadable id ("-1") answers a malformed CALL.
                    record("CALLERROR for unknown id \(messageId): \(error)")
                    continue
                }
                waiter.continuation.resume(returning: .error(error))
            }
        }
        incomingContinuation.finish()
        let waiting = state.withLockedValue { state in
            state.closed = true
            defer { state.waiting = [:] }
            return state.waiting.values.map(\.continuation)
        }
        for continuation in waiting { continuation.resume(throwing: WebSocketClientError.notOpen) }
    }

    private func validate(_ payload: RawJSON, schema name: String) {
        let url = schemaDirectory.appendingPathComponent(name + ".json")
        do {
            let violations = try JSONSchemaValidator(contentsOf: url).validate(json: payload.bytes)
            for violation in violations { record("\(name) \(violation)") }
        } catch {
            record("\(name): no usable schema (\(error))")
        }
    }

    private func record(_ violation: String) {
        state.withLockedValue { $0.violations.append(violation) }
    }
}

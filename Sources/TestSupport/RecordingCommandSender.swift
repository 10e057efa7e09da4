import CentralSystem
import OCPP16
import Synchronization

/// A `ChargePointCommandSending` for API tests: records every request and answers with scripted
/// typed responses or errors, per OCPP action. An action with nothing scripted fails with
/// `.offline`, like a charger that never connected.
public final class RecordingCommandSender: ChargePointCommandSending, ChargePointDisconnecting {
    /// One request the API sent.
    public struct Sent: Sendable {
        /// OCPP action name (`RemoteStartTransaction`).
        public var action: String
        /// The charge point's OCPP identity.
        public var chargePointId: String
        /// The typed request.
        public var request: any OCPPPayload
        /// The timeout the API gave.
        public var timeout: Duration
    }

    private enum Scripted: Sendable {
        case answer(any OCPPPayload)
        case failure(ChargePointCommandError)
    }

    private struct State {
        var sent: [Sent] = []
        var scripts: [String: Scripted] = [:]
        var connected: Set<String> = []
        var disconnects: [(String, String)] = []
    }

    private let state = Mutex(State())
    private let onSend: @Sendable (any OCPPPayload, String) async -> Void

    /// - Parameter onSend: runs after recording each request and before answering (e.g. to play
    ///   the charger's StartTransaction into the store).
    public init(onSend: @escaping @Sendable (any OCPPPayload, String) async -> Void = { _, _ in }) {
        self.onSend = onSend
    }

    /// Every later `R` request is answered with `response`.
    public func answer<R: OCPPRequest>(_ type: R.Type, with response: R.Response) {
        state.withLock { $0.scripts[R.action] = .answer(response) }
    }

    /// Every later `R` request fails with `error`.
    public func fail<R: OCPPRequest>(_ type: R.Type, with error: ChargePointCommandError) {
        state.withLock { $0.scripts[R.action] = .failure(error) }
    }

    /// Marks `chargePointId` connected, for the disconnect action.
    public func connect(_ chargePointId: String) {
        state.withLock { _ = $0.connected.insert(chargePointId) }
    }

    /// Everything sent so far, in order.
    public var sent: [Sent] { state.withLock { $0.sent } }

    /// The `R` requests sent so far, typed.
    public func sent<R: OCPPRequest>(_ type: R.Type) -> [R] {
        state.withLock { $0.sent.compactMap { $0.request as? R } }
    }

    /// `(chargePointId, reason)` of each disconnect.
    public var disconnects: [(String, String)] { state.withLock { $0.disconnects } }

    public func send<R: OCPPRequest>(_ request: R, to chargePointId: String, timeout: Duration)
        async throws(ChargePointCommandError) -> R.Response
    {
        let scripted = state.withLock { state in
            state.sent.append(Sent(action: R.action, chargePointId: chargePointId, request: request, timeout: timeout))
            return state.scripts[R.action]
        }
        await onSend(request, chargePointId)
        switch scripted {
        case .none:
            throw .offline(chargePointId: chargePointId)
        case .failure(let error):
            throw error
        case .answer(let response):
            guard let typed = response as? R.Response else {
                throw .failed(chargePointId: chargePointId, reason: "scripted answer is not \(R.action).conf")
            }
            return typed
        }
    }

    public func disconnect(chargePointId: String, reason: String) async -> Bool {
        state.withLock { state in
            guard state.connected.remove(chargePointId) != nil else { return false }
            state.disconnects.append((chargePointId, reason))
            return true
        }
    }
}

import Foundation
import NIOConcurrencyHelpers
import NIOCore
import OCPP16
import WebSocket

/// A minimal OCPP 1.6J central system on our `WebSocketServer`, on loopback, for live fleet
/// tests: every charger `ws://127.0.0.1:<port>/<id>` gets its own ``ScriptedCentralSystem``
/// (Boot Accepted, Heartbeat, StatusNotification, Authorize Accepted, Start/StopTransaction,
/// MeterValues; every message schema-checked and recorded), which survives ``stop()`` and
/// ``restart()`` so a test can take the central system away mid-transaction and bring it back
/// on the same port. ``call(_:to:)`` sends CALLs (RemoteStartTransaction, Reset, ...) and waits
/// for the charger's answer.
///
/// `@unchecked Sendable`: every mutable property is only touched while holding `lock`.
public final class LoopbackCentralSystem: @unchecked Sendable {
    /// One text message on the wire.
    public struct Record: Sendable, Equatable {
        public var chargePointId: String
        /// True for what the charger sent.
        public var fromChargePoint: Bool
        public var text: String
    }

    /// The charger is not connected, or did not answer.
    public struct CallFailed: Error, CustomStringConvertible {
        public var description: String
    }

    private let lock = NIOLock()
    private var server: WebSocketServer?
    private var centrals: [String: ScriptedCentralSystem] = [:]
    private var connections: [String: WebSocketConnection] = [:]
    private var waiting: [String: CheckedContinuation<CallAnswer, any Error>] = [:]
    private var log: [Record] = []
    private var upgrades: [String: Int] = [:]
    private var authorizations: [String: String] = [:]
    private var upgradesByAddress: [String: String] = [:]
    /// The port, fixed at the first bind.
    public private(set) var port = 0
    private var clientCertificateNames: [String: String] = [:]
    private var upgradeTimes: [String: [ContinuousClock.Instant]] = [:]
    private var refusals = 0
    private let host = "127.0.0.1"
    private let tls: TLSConfiguration?

    private init(tls: TLSConfiguration?) {
        self.tls = tls
    }

    /// Binds a free loopback port and starts answering; with `tls`, over TLS (`wss://`, OCPP
    /// security profiles 2 and 3).
    public static func start(tls: TLSConfiguration? = nil) async throws -> LoopbackCentralSystem {
        let central = LoopbackCentralSystem(tls: tls)
        try await central.bind(port: 0)
        return central
    }

    /// `ws://127.0.0.1:<port>` (`wss://` over TLS), the `--csms` URL.
    public var url: String { "\(tls == nil ? "ws" : "wss")://\(host):\(port)" }

    /// Takes the central system away: closes every connection (1001) and stops listening.
    public func stop() async {
        let server = lock.withLock { () -> WebSocketServer? in
            let server = self.server
            self.server = nil
            return server
        }
        await server?.shutdown()
    }

    /// Listens again on the same port, with the state it had.
    public func restart() async throws {
        try await bind(port: lock.withLock { port })
    }

    private func bind(port: Int) async throws {
        let configuration = WebSocketServerConfiguration(
            subprotocols: ["ocpp1.6"], requiresSubprotocol: true, tls: tls)
        let server = try await WebSocketServer.bind(
            host: host, port: port, configuration: configuration,
            shouldUpgrade: { request in
                let id = String(request.path.split(separator: "/").last ?? "")
                let refuse = self.lock.withLock {
                    self.upgradeTimes[id, default: []].append(.now)
                    guard self.refusals > 0 else { return false }
                    self.refusals -= 1
                    return true
                }
                if refuse { return .refuse(status: .serviceUnavailable) }
                self.lock.withLock {
                    self.upgrades[id, default: 0] += 1
                    self.authorizations[id] = request.headers.first(name: "Authorization")
                    self.clientCertificateNames[id] = request.peerCertificateSubjectCN
                    if let address = request.remoteAddress?.description { self.upgradesByAddress[address] = id }
                }
                return id.isEmpty ? .refuse(status: .notFound) : .accept()
            },
            onConnection: { connection in self.attach(connection) })
        lock.withLock {
            self.server = server
            self.port = server.port
        }
    }

    private func attach(_ connection: WebSocketConnection) {
        // The upgrade request named the charger; the client's address (its ephemeral port) ties
        // the connection to it.
        let id = lock.withLock { () -> String? in
            guard let address = connection.remoteAddress?.description,
                let id = upgradesByAddress.removeValue(forKey: address)
            else { return nil }
            connections[id] = connection
            return id
        }
        guard let id else {
            connection.close(code: .policyViolation, reason: "unknown peer")
            return
        }
        connection.onMessage = { message in
            guard case .text(let text) = message else { return }
            self.received(text, from: id, on: connection)
        }
        connection.onClose = { _ in
            self.lock.withLock {
                if self.connections[id] === connection { self.connections.removeValue(forKey: id) }
            }
        }
    }

    private func received(_ text: String, from id: String, on connection: WebSocketConnection) {
        let reply: [UInt8]? = lock.withLock {
            log.append(Record(chargePointId: id, fromChargePoint: true, text: text))
            var central = centrals[id] ?? ScriptedCentralSystem(now: OCPPTimestamp(Date()))
            central.now = OCPPTimestamp(Date())
            let reply = central.receive(Array(text.utf8))
            centrals[id] = central
            if case .callResult(let messageId, _)? = try? RPCFrame.parse(Array(text.utf8)),
                let answer = central.answers[messageId], let continuation = waiting.removeValue(forKey: messageId)
            {
                continuation.resume(returning: answer)
            } else if case .callError(let messageId, _)? = try? RPCFrame.parse(Array(text.utf8)),
                let answer = central.answers[messageId], let continuation = waiting.removeValue(forKey: messageId)
            {
                continuation.resume(returning: answer)
            }
            if let reply {
                log.append(
                    Record(chargePointId: id, fromChargePoint: false, text: String(decoding: reply, as: UTF8.self)))
            }
            return reply
        }
        if let reply { connection.send(text: String(decoding: reply, as: UTF8.self)) }
    }

    // MARK: - Driving chargers

    /// Sends `request` to the charger and waits (up to `seconds`) for its answer.
    public func call<R: OCPPRequest>(_ request: R, to chargePointId: String, seconds: Double = 10) async throws
        -> R.Response
    {
        let answer = try await LiveTimeout.run("\(R.action) answer from \(chargePointId)", seconds: seconds) {
            try await self.rawCall(request, to: chargePointId)
        }
        switch answer {
        case .result(let payload): return try payload.decode(R.Response.self)
        case .error(let error): throw CallFailed(description: "\(R.action) to \(chargePointId): CALLERROR \(error)")
        }
    }

    private func rawCall<R: OCPPRequest>(_ request: R, to chargePointId: String) async throws -> CallAnswer {
        try await withCheckedThrowingContinuation { continuation in
            let sent: (WebSocketConnection, [UInt8])? = lock.withLock {
                guard let connection = connections[chargePointId] else { return nil }
                var central = centrals[chargePointId] ?? ScriptedCentralSystem(now: OCPPTimestamp(Date()))
                let (messageId, bytes) = central.call(request)
                centrals[chargePointId] = central
                waiting[messageId] = continuation
                log.append(
                    Record(
                        chargePointId: chargePointId, fromChargePoint: false,
                        text: String(decoding: bytes, as: UTF8.self)))
                return (connection, bytes)
            }
            guard let (connection, bytes) = sent else {
                continuation.resume(throwing: CallFailed(description: "\(chargePointId) is not connected"))
                return
            }
            connection.eventLoop.execute { connection.send(text: String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// Changes how the central system answers one charger (boot answers, per-action script),
    /// before or between its connections.
    public func script(_ chargePointId: String, _ change: (inout ScriptedCentralSystem) -> Void) {
        lock.withLock {
            var central = centrals[chargePointId] ?? ScriptedCentralSystem(now: OCPPTimestamp(Date()))
            change(&central)
            centrals[chargePointId] = central
        }
    }

    // MARK: - What happened

    /// Every message on the wire, in order.
    public var records: [Record] { lock.withLock { log } }

    /// The CALLs one charger sent, in order (all of them when `action` is nil).
    public func calls(from chargePointId: String, _ action: String? = nil) -> [ScriptedCentralSystem.Call] {
        lock.withLock {
            let calls = centrals[chargePointId]?.calls ?? []
            guard let action else { return calls }
            return calls.filter { $0.action == action }
        }
    }

    /// The typed requests of one action from one charger, in order.
    public func requests<R: OCPPRequest>(_ type: R.Type, from chargePointId: String) -> [R] {
        calls(from: chargePointId, R.action).compactMap { try? $0.decode(R.self) }
    }

    /// Schema violations in anything any charger sent (should stay empty).
    public var schemaViolations: [String] {
        lock.withLock { centrals.flatMap { id, central in central.schemaViolations.map { "\(id): \($0)" } } }
    }

    /// Chargers with an open connection.
    public var connectedChargePoints: Set<String> { lock.withLock { Set(connections.keys) } }

    /// Answers the next `count` opening handshakes with 503.
    public func refuseNextUpgrades(_ count: Int) {
        lock.withLock { refusals = count }
    }

    /// When each opening handshake of the charger arrived (refused ones included).
    public func upgradeTimes(_ chargePointId: String) -> [ContinuousClock.Instant] {
        lock.withLock { upgradeTimes[chargePointId] ?? [] }
    }

    /// How many opening handshakes each charger made (refused ones not counted).
    /// The IP address the charger's open connection comes from (`--source-address`).
    public func remoteIPAddress(_ chargePointId: String) -> String? {
        lock.withLock { connections[chargePointId]?.remoteAddress?.ipAddress }
    }

    public func upgradeCount(_ chargePointId: String) -> Int { lock.withLock { upgrades[chargePointId] ?? 0 } }

    /// The `Authorization` header of the charger's last opening handshake.
    public func authorization(_ chargePointId: String) -> String? { lock.withLock { authorizations[chargePointId] } }

    /// The subject common name of the client certificate of the charger's last handshake (OCPP
    /// security profile 3).
    public func clientCertificateName(_ chargePointId: String) -> String? {
        lock.withLock { clientCertificateNames[chargePointId] }
    }

    /// Polls `condition` every 20 ms until it holds; throws after `seconds`.
    public func wait(
        for what: String, seconds: Double = 10, _ condition: @escaping @Sendable (LoopbackCentralSystem) -> Bool
    ) async throws {
        try await LiveTimeout.run(what, seconds: seconds) {
            while !condition(self) { try await Task.sleep(for: .milliseconds(20)) }
        }
    }
}

import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import OCPP16
import WebSocket

/// The embedded central system's OCPP 1.6J server (OCPP-J 1.6): chargers connect to
/// `ws(s)://host:port/<pathPrefix>/<chargePointId>` with subprotocol `ocpp1.6` (any other offer
/// is refused, 400); unknown ids get 404 unless ``OCPPServerConfiguration/autoRegister``; a
/// charge point with a password in the store must send it as HTTP Basic auth (security
/// profiles 1/2; 401 otherwise), unless it presents a TLS client certificate issued to its id
/// (profile 3: a certificate whose CN is another id gets 403; with client certificates required,
/// so does none). With a ``OCPPServerConfiguration/certificateAuthority`` the server signs the
/// CSRs of SignCertificate.req and sends CertificateSigned.req (``issuedCertificates(for:)``);
/// ``clientCertificate(of:)`` tells which certificate a live connection presented. A charger that reconnects replaces its old connection
/// (closed 1000 "replaced"); one that drops becomes `networkStatus` `temporarily_unavailable`.
public final class OCPPServer: Sendable {
    /// The OCPP-J 1.6 subprotocol (section 3.1.2).
    public static let subprotocol = "ocpp1.6"

    /// The store every message is applied to.
    public let store: Store
    /// The configuration it was started with.
    public let configuration: OCPPServerConfiguration
    /// Commands to connected chargers, for the Public API actions.
    public let commands: ChargePointCommands
    private let webSocketServer: WebSocketServer
    private let secureWebSocketServer: WebSocketServer?
    private let registry: ChargePointRegistry
    private let processingTimeRecorder: OCPPProcessingTimeRecorder

    private init(
        store: Store, configuration: OCPPServerConfiguration, webSocketServer: WebSocketServer,
        secureWebSocketServer: WebSocketServer?, registry: ChargePointRegistry,
        processingTimeRecorder: OCPPProcessingTimeRecorder
    ) {
        self.processingTimeRecorder = processingTimeRecorder
        self.store = store
        self.configuration = configuration
        self.webSocketServer = webSocketServer
        self.secureWebSocketServer = secureWebSocketServer
        self.registry = registry
        self.commands = ChargePointCommands(registry: registry, defaultTimeout: configuration.callTimeout)
    }

    /// Binds `host:port` (port 0 picks a free one; read ``port``) and starts accepting chargers.
    /// With ``OCPPServerConfiguration/tls`` and a `securePort`, `port` serves plain `ws://`
    /// (profile 1) and `securePort` serves `wss://` (profiles 2 and 3), as back ends do, so a
    /// charger raising its SecurityProfile reconnects to the secure port; without a `securePort`,
    /// `port` serves whichever the configuration says.
    public static func start(
        store: Store, configuration: OCPPServerConfiguration = .init(), host: String = "127.0.0.1", port: Int = 0,
        securePort: Int? = nil, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> OCPPServer {
        let registry = ChargePointRegistry()
        let handler = ChargePointMessageHandler(store: store, configuration: configuration, registry: registry)
        let policy = OCPPUpgradePolicy(pathPrefix: configuration.pathPrefix, autoRegister: configuration.autoRegister)
        let requiresClientCertificate: Bool
        switch configuration.tls?.clientCertificateVerification {
        case .some(.required): requiresClientCertificate = true
        case .some(.optional), .some(.none), nil: requiresClientCertificate = false
        }
        // `shouldUpgrade` decides an id that `onConnection` (same channel, next step) needs; the
        // connection carries only its remote address, unique among open TCP connections.
        let acceptedIds = NIOLockedValueBox<[String: (String, ClientCertificate?)]>([:])
        func bind(port: Int, tls: TLSConfiguration?) async throws -> WebSocketServer {
            let webSocketConfiguration = WebSocketServerConfiguration(
                subprotocols: [subprotocol], requiresSubprotocol: true, deflate: configuration.deflate,
                connection: configuration.webSocket, tls: tls)
            // Client certificates are only required where TLS is served.
            let requiresCertificate = tls != nil && requiresClientCertificate
            return try await WebSocketServer.bind(
                host: host, port: port, configuration: webSocketConfiguration, eventLoopGroup: eventLoopGroup,
                shouldUpgrade: { request in
                    let decision = policy.decide(
                        path: request.path, authorization: request.headers.first(name: "Authorization"),
                        peerCertificateCN: request.peerCertificateSubjectCN,
                        requiresClientCertificate: requiresCertificate,
                        lookup: { id in
                            // A synchronous read on the event loop: one indexed row from a WAL
                            // database, which never waits for the writer.
                            let record = try? store.pool.read { db in try Store.chargePoint(identity: id, db) }
                            return record.map { .known(passwordHash: $0.passwordHash) } ?? .unknown
                        })
                    if case .accept(let chargePointId) = decision {
                        guard let address = request.remoteAddress else {
                            return .refuse(status: .badRequest, body: "no peer address")
                        }
                        let certificate = request.peerCertificateSubjectCN.map {
                            ClientCertificate(commonName: $0, serialNumber: request.peerCertificateSerialNumber)
                        }
                        acceptedIds.withLockedValue { $0["\(address)"] = (chargePointId, certificate) }
                    }
                    return decision.webSocketDecision(subprotocol: subprotocol)
                },
                onConnection: { webSocket in
                    let address = webSocket.remoteAddress.map { "\($0)" } ?? ""
                    guard
                        let (chargePointId, certificate) = acceptedIds.withLockedValue({
                            $0.removeValue(forKey: address)
                        })
                    else {
                        webSocket.close(code: .internalServerError, reason: "no charge point id")
                        return
                    }
                    let connection = ChargePointConnection(
                        chargePointId: chargePointId, webSocket: webSocket, handler: handler, registry: registry,
                        clientCertificate: certificate, secure: tls != nil)
                    // The connection replaced stays open until this one proves itself (see
                    // `ChargePointRegistry.register`); one superseded before that closes now.
                    let (superseded, older) = registry.register(connection)
                    connection.start(superseded: superseded)
                    older?.close(code: .normalClosure, reason: "replaced")
                })
        }
        let primary: WebSocketServer
        var secure: WebSocketServer?
        if let securePort, let tls = configuration.tls {
            primary = try await bind(port: port, tls: nil)
            do {
                secure = try await bind(port: securePort, tls: tls)
            } catch {
                await primary.shutdown()
                throw error
            }
        } else {
            primary = try await bind(port: port, tls: configuration.tls)
        }
        return OCPPServer(
            store: store, configuration: configuration, webSocketServer: primary, secureWebSocketServer: secure,
            registry: registry, processingTimeRecorder: handler.processingTimes)
    }

    /// How long the answers to the chargers' CALLs took so far, read to answer written (issue 11).
    public var processingTimes: OCPPProcessingTimes { processingTimeRecorder.snapshot }

    /// The bound port.
    public var port: Int { webSocketServer.port }
    /// The bound `wss://` port when the server listens on two ports (plain and TLS).
    public var securePort: Int? { secureWebSocketServer?.port }
    /// Whether ``port`` serves TLS.
    public var portIsSecure: Bool { secureWebSocketServer == nil && configuration.tls != nil }

    /// The URL a charger with this id connects to on ``port`` (`ws://` or `wss://`, host as given).
    public func url(for chargePointId: String, host: String = "127.0.0.1") -> String {
        "\(portIsSecure ? "wss" : "ws")://\(host):\(port)/\(configuration.pathPrefix)/\(Self.pathSegment(chargePointId))"
    }

    /// The `wss://` URL of ``securePort`` for this id, when there is one.
    public func secureURL(for chargePointId: String, host: String = "127.0.0.1") -> String? {
        securePort.map { "wss://\(host):\($0)/\(configuration.pathPrefix)/\(Self.pathSegment(chargePointId))" }
    }

    private static func pathSegment(_ chargePointId: String) -> String {
        var segment = CharacterSet.urlPathAllowed
        segment.remove("/")
        return chargePointId.addingPercentEncoding(withAllowedCharacters: segment) ?? chargePointId
    }

    /// Whether the charge point's live connection came over TLS (security profile 2 or 3).
    public func isConnectedSecurely(_ chargePointId: String) -> Bool {
        registry.connection(for: chargePointId)?.secure ?? false
    }

    /// The charge points connected now, sorted by id.
    public var connectedChargePointIds: [String] { registry.connectedIds }

    /// The firmware, diagnostics, log and security notifications a charge point sent since the
    /// server started, oldest first (at most ``ChargePointRegistry/maximumNotifications``).
    public func notifications(for chargePointId: String) -> [ChargePointNotification] {
        registry.notifications(for: chargePointId)
    }

    /// The client certificate the charge point's live connection presented (security profile
    /// 3); nil when it is offline or connected without one.
    public func clientCertificate(of chargePointId: String) -> ClientCertificate? {
        registry.connection(for: chargePointId)?.clientCertificate
    }

    /// The certificates the CA signed for a charge point since the server started (SignCertificate
    /// → CertificateSigned), oldest first.
    public func issuedCertificates(for chargePointId: String) -> [IssuedCertificate] {
        registry.issuedCertificates(for: chargePointId)
    }

    /// Stops accepting and closes every connection (1001, going away).
    public func shutdown() async {
        await webSocketServer.shutdown()
        await secureWebSocketServer?.shutdown()
    }
}

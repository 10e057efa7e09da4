import Foundation
import NIOCore
import NIOPosix
import OCPP16

/// The embedded central system as one unit: the SQLite store in a data directory, the OCPP 1.6J
/// server and the Public API, started together and stopped together. `chargesim csms` and
/// `chargesim demo` run it; tests start it on port 0.
public final class EmbeddedCentralSystem: Sendable {
    /// Where and how to run.
    public struct Configuration: Sendable {
        /// The folder holding `chargesim.sqlite` (created when missing).
        public var dataDirectory: String
        /// The address both servers bind (loopback by default).
        public var host: String
        /// The OCPP port (0 picks a free one).
        public var ocppPort: Int
        /// With `ocpp.tls`: a second OCPP port serving `wss://` while ``ocppPort`` serves plain
        /// `ws://` (0 picks a free one); nil serves only ``ocppPort``, with TLS when configured.
        public var ocppSecurePort: Int?
        /// The OCPP server's behaviour (auto-register, boot policy, unknown tags, TLS, ...).
        public var ocpp: OCPPServerConfiguration
        /// The Public API's behaviour; its `port` is the API port (0 picks a free one).
        public var api: PublicAPIConfiguration
        /// Use this API token (stored hashed) instead of generating one at first start.
        public var apiToken: String?
        /// How webhooks are delivered (retries, timeout, `X-Tenant`).
        public var webhooks: WebhookDispatcher.Configuration

        public init(
            dataDirectory: String, host: String = "127.0.0.1", ocppPort: Int = 0,
            ocpp: OCPPServerConfiguration = .init(), api: PublicAPIConfiguration = .init(), apiToken: String? = nil,
            webhooks: WebhookDispatcher.Configuration = .init(), ocppSecurePort: Int? = nil
        ) {
            self.webhooks = webhooks
            self.ocppSecurePort = ocppSecurePort
            self.dataDirectory = dataDirectory
            self.host = host
            self.ocppPort = ocppPort
            self.ocpp = ocpp
            self.api = api
            self.apiToken = apiToken
        }
    }

    /// The store on `<data-dir>/chargesim.sqlite`.
    public let store: Store
    /// The OCPP server (its `commands` reach connected chargers).
    public let ocppServer: OCPPServer
    /// Delivers notifications v2.0 for what the OCPP server and the API change.
    public let webhooks: WebhookDispatcher
    /// The bound API port.
    public let apiPort: Int
    /// A token generated at this start (the store had none and none was supplied): print it once.
    public let generatedToken: String?
    private let host: String
    private let apiTask: Task<Void, any Error>

    private init(
        store: Store, ocppServer: OCPPServer, webhooks: WebhookDispatcher, apiPort: Int, generatedToken: String?,
        host: String, apiTask: Task<Void, any Error>
    ) {
        self.store = store
        self.webhooks = webhooks
        self.ocppServer = ocppServer
        self.apiPort = apiPort
        self.generatedToken = generatedToken
        self.host = host
        self.apiTask = apiTask
    }

    /// The Public API's base URL, e.g. `http://127.0.0.1:8080/public-api`.
    public var apiBaseURL: String { "http://\(Self.urlHost(host)):\(apiPort)/public-api" }

    /// The OCPP endpoint chargers connect to (they append `/<chargePointId>`).
    public var ocppURL: String {
        let scheme = ocppServer.portIsSecure ? "wss" : "ws"
        return "\(scheme)://\(Self.urlHost(host)):\(ocppServer.port)/\(ocppServer.configuration.pathPrefix)"
    }

    /// The `wss://` endpoint of the second OCPP port, when ``Configuration/ocppSecurePort`` is set.
    public var ocppSecureURL: String? {
        ocppServer.securePort.map {
            "wss://\(Self.urlHost(host)):\($0)/\(ocppServer.configuration.pathPrefix)"
        }
    }

    /// Opens the store, makes sure an API token exists, binds both servers.
    public static func start(
        configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        now: @escaping @Sendable () -> OCPPTimestamp = { OCPPTimestamp(Date()) }
    ) async throws -> EmbeddedCentralSystem {
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try Store(
            path: (configuration.dataDirectory as NSString).appendingPathComponent("chargesim.sqlite"))
        var generator = SystemRandomNumberGenerator()
        let generatedToken = try await PublicAPIServer.provisionToken(
            store: store, supplied: configuration.apiToken, now: now(), generator: &generator)
        let webhooks = WebhookDispatcher(store: store, configuration: configuration.webhooks, now: now)
        try await webhooks.resumePendingRetries()
        var ocppConfiguration = configuration.ocpp
        let onEvent = ocppConfiguration.onEvent
        ocppConfiguration.onEvent = { event in
            onEvent?(event)
            webhooks.publish(event)
        }
        let ocppServer = try await OCPPServer.start(
            store: store, configuration: ocppConfiguration, host: configuration.host,
            port: configuration.ocppPort, securePort: configuration.ocppSecurePort, eventLoopGroup: eventLoopGroup)
        var apiConfiguration = configuration.api
        apiConfiguration.host = configuration.host
        let api = PublicAPIServer(
            store: store, commands: ocppServer.commands, configuration: apiConfiguration, webhooks: webhooks, now: now)
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        let apiTask = Task {
            try await api.run { port in
                boundContinuation.yield(port)
                boundContinuation.finish()
            }
        }
        var iterator = bound.makeAsyncIterator()
        guard let apiPort = await iterator.next() else {
            await ocppServer.shutdown()
            await webhooks.shutdown()
            // The task ended before binding: its error says why (e.g. the port is taken).
            try await apiTask.value
            throw EmbeddedCentralSystemError.apiDidNotStart
        }
        return EmbeddedCentralSystem(
            store: store, ocppServer: ocppServer, webhooks: webhooks, apiPort: apiPort, generatedToken: generatedToken,
            host: configuration.host, apiTask: apiTask)
    }

    /// Stops the API and the OCPP server (chargers see their connection close).
    public func shutdown() async {
        apiTask.cancel()
        _ = try? await apiTask.value
        await ocppServer.shutdown()
        await webhooks.shutdown()
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// Why the embedded central system did not start.
public enum EmbeddedCentralSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Public API server stopped before it bound its port.
    case apiDidNotStart

    public var description: String {
        switch self {
        case .apiDidNotStart: "the Public API server stopped before it could listen"
        }
    }
}

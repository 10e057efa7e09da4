import NIOCore
import OCPP16
import WebSocket

/// What every ``ChargerRuntime`` of a fleet shares: where the central system is, how to
/// authenticate, timing, the clock.
public struct ChargerRuntimeSettings: Sendable {
    /// One set of settings behind a reference: the chargers of a fleet hold the same one, where
    /// a copy each would cost every charger ~250 bytes (issue 11: memory per idle charger).
    final class Shared: Sendable {
        let value: ChargerRuntimeSettings

        init(_ value: ChargerRuntimeSettings) {
            self.value = value
        }
    }

    /// The central system's OCPP endpoint; each charger connects to `<url>/<chargePointId>`.
    public var centralSystemURL: String
    /// The `wss://` endpoint for chargers at security profile 2 or 3; nil: ``centralSystemURL``
    /// with `ws://` turned into `wss://` (same host and port).
    public var secureCentralSystemURL: String?
    /// The Basic auth password (security profiles 1 and 2) for every charger, instead of its
    /// `AuthorizationKey`.
    public var password: String?
    /// The TLS context for `wss://` (CA file, client certificate for security profile 3),
    /// built once for the whole fleet; nil verifies against the system store.
    public var tlsContext: TLSContext?
    /// Reconnect delays.
    public var backoff: ReconnectBackoff.Configuration
    /// How long a rebooting charger stays off the network (OCPP 1.6 §5.14 Reset).
    public var rebootDelay: Duration
    /// How long TCP, TLS and the opening handshake may take.
    public var connectTimeout: Duration
    /// How often a charger's snapshot is compared with the saved one and written when changed.
    public var snapshotInterval: Duration
    /// How long a stop that stops transactions waits for their StopTransaction to be confirmed.
    public var stopTimeout: Duration
    /// The wall clock; `OCPPTimestamp(Date())` in production.
    public var clock: @Sendable () -> OCPPTimestamp
    /// Where one-line notices go (connection failures, storage errors).
    public var log: @Sendable (String) -> Void
    /// Runs firmware downloads and diagnostics uploads (one client per fleet); nil answers every
    /// transfer with a failure that says so.
    public var fileTransfers: FileTransferClient?
    /// Local addresses the chargers bind before connecting, taken in turn (`--source-address`);
    /// empty: the kernel picks. Each address has its own ~28k ephemeral ports to one endpoint.
    public var sourceAddresses: [SocketAddress] = []
    /// The permessage-deflate offer of every charger (`--deflate`); nil: none.
    public var deflate: PerMessageDeflateOptions?

    public init(
        centralSystemURL: String,
        password: String? = nil,
        tlsContext: TLSContext? = nil,
        backoff: ReconnectBackoff.Configuration = .init(),
        rebootDelay: Duration = .seconds(1),
        connectTimeout: Duration = .seconds(10),
        snapshotInterval: Duration = .seconds(30),
        stopTimeout: Duration = .seconds(10),
        clock: @escaping @Sendable () -> OCPPTimestamp,
        log: @escaping @Sendable (String) -> Void = { _ in },
        fileTransfers: FileTransferClient? = nil,
        secureCentralSystemURL: String? = nil
    ) {
        self.centralSystemURL = centralSystemURL
        self.secureCentralSystemURL = secureCentralSystemURL
        self.password = password
        self.tlsContext = tlsContext
        self.backoff = backoff
        self.rebootDelay = rebootDelay
        self.connectTimeout = connectTimeout
        self.snapshotInterval = snapshotInterval
        self.stopTimeout = stopTimeout
        self.clock = clock
        self.log = log
        self.fileTransfers = fileTransfers
    }

    /// `<centralSystemURL>/<chargePointId>`, with exactly one slash between them.
    public func url(for chargePointId: String) -> String {
        Self.join(centralSystemURL, chargePointId)
    }

    /// The URL of a charger at security profile 2 or 3: ``secureCentralSystemURL``, or
    /// ``centralSystemURL`` over `wss://`.
    public func secureURL(for chargePointId: String) -> String {
        var base = secureCentralSystemURL ?? centralSystemURL
        if base.lowercased().hasPrefix("ws://") { base = "wss://" + base.dropFirst("ws://".count) }
        return Self.join(base, chargePointId)
    }

    private static func join(_ base: String, _ chargePointId: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + chargePointId
    }
}

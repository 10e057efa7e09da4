import WebSocket

/// Everything the embedded OCPP 1.6J server is set up with.
public struct OCPPServerConfiguration: Sendable {
    /// The first path segment: chargers connect to `ws(s)://host:port/<pathPrefix>/<chargePointId>`.
    public var pathPrefix: String
    /// Accept unknown charge point ids, creating the charge point (and its EVSEs, as they report
    /// status) on first boot or status; otherwise an unknown id is refused with 404.
    public var autoRegister: Bool
    /// How BootNotification is answered.
    public var bootPolicy: BootPolicy
    /// The heartbeat interval sent in BootNotification.conf (seconds), also the retry interval
    /// for `Pending` and `Rejected`.
    public var heartbeatInterval: Int
    /// What Authorize and StartTransaction answer for an id tag the store does not have.
    public var unknownIdTagPolicy: UnknownIdTagPolicy
    /// DataTransfer vendor ids answered `Accepted`; others get `UnknownVendorId` (OCPP 1.6 §4.3).
    public var dataTransferVendorIds: Set<String>
    /// How long a command waits for the charger's answer unless the caller says otherwise.
    public var callTimeout: Duration
    /// How long a charger's new connection may stay silent before the connection it replaced is
    /// closed (1000 "replaced"); its first message closes it at once. A new connection that
    /// closes sooner without a word (a handshake its charger gave up on, accepted late) puts the
    /// old one back instead of leaving the charger disconnected.
    public var replacementGrace: Duration
    /// TLS (`wss://`, security profiles 2 and 3): the server certificate and whether chargers
    /// must present a client certificate, whose subject CN must then be the charge point id.
    public var tls: TLSConfiguration?
    /// Signs SignCertificate CSRs into CertificateSigned (security extension A02/A03); nil
    /// answers `Accepted` and signs nothing.
    public var certificateAuthority: CertificateAuthority?
    /// Validity of certificates signed for chargers, in days.
    public var issuedCertificateValidityDays: Int
    /// WebSocket limits, keepalive and timeouts.
    public var webSocket: WebSocketConnectionStateMachine.Configuration
    /// Receives one line per security decision worth an operator's eye (a CSR refused, a
    /// certificate signed); never a secret.
    public var log: (@Sendable (String) -> Void)?
    /// permessage-deflate (RFC 7692) accepted when a charger offers it, within these limits;
    /// nil (the default) never compresses. Each compressing connection holds a zlib pair.
    public var deflate: PerMessageDeflateOptions?
    /// Called after each change the server applied to the store, from the charger's task;
    /// must return quickly (hand the event to a queue).
    public var onEvent: (@Sendable (OCPPServerEvent) -> Void)?

    public init(
        pathPrefix: String = "ocpp",
        autoRegister: Bool = false,
        bootPolicy: BootPolicy = .accept,
        heartbeatInterval: Int = 300,
        unknownIdTagPolicy: UnknownIdTagPolicy = .reject,
        dataTransferVendorIds: Set<String> = ["ChargeSim"],
        callTimeout: Duration = .seconds(30),
        replacementGrace: Duration = .seconds(5),
        tls: TLSConfiguration? = nil,
        certificateAuthority: CertificateAuthority? = nil,
        issuedCertificateValidityDays: Int = 365,
        webSocket: WebSocketConnectionStateMachine.Configuration = .init(),
        deflate: PerMessageDeflateOptions? = nil,
        onEvent: (@Sendable (OCPPServerEvent) -> Void)? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.log = log
        self.pathPrefix = pathPrefix
        self.autoRegister = autoRegister
        self.bootPolicy = bootPolicy
        self.heartbeatInterval = heartbeatInterval
        self.unknownIdTagPolicy = unknownIdTagPolicy
        self.dataTransferVendorIds = dataTransferVendorIds
        self.callTimeout = callTimeout
        self.replacementGrace = replacementGrace
        self.tls = tls
        self.certificateAuthority = certificateAuthority
        self.issuedCertificateValidityDays = issuedCertificateValidityDays
        self.webSocket = webSocket
        self.deflate = deflate
        self.onEvent = onEvent
    }
}

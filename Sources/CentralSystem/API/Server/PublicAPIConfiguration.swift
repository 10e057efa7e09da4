import OCPP16

/// How the Public API server binds and behaves.
public struct PublicAPIConfiguration: Sendable {
    /// Host to bind (`127.0.0.1` by default).
    public var host: String
    /// Port to bind; 0 picks a free one (read it back from `PublicAPIServer.run(onBound:)`).
    public var port: Int
    /// How long an action waits for the charge point's answer before answering 406.
    public var commandTimeout: Duration
    /// How long a start action waits for the charger's StartTransaction so that its 202 can carry
    /// the new `sessionId` ([INF]); `null` when it has not arrived by then.
    public var startSessionWait: Duration
    /// Requests per token per `rateLimitWindow` (the `X-RateLimit-Limit` header).
    public var rateLimit: Int
    /// The rate-limit window.
    public var rateLimitWindow: Duration
    /// PEM certificates the install-certificate action sends, by OCPP 1.6 security use; a type
    /// with none configured answers 404 ("feature disabled", reference §2.6).
    public var installableCertificates: [CertificateUse: String]
    /// Largest request body accepted (bigger is a 413).
    public var maxBodyBytes: Int

    public init(
        host: String = "127.0.0.1", port: Int = 0, commandTimeout: Duration = .seconds(30),
        startSessionWait: Duration = .seconds(3), rateLimit: Int = 600,
        rateLimitWindow: Duration = .seconds(60),
        installableCertificates: [CertificateUse: String] = [:], maxBodyBytes: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.commandTimeout = commandTimeout
        self.startSessionWait = startSessionWait
        self.rateLimit = rateLimit
        self.rateLimitWindow = rateLimitWindow
        self.installableCertificates = installableCertificates
        self.maxBodyBytes = maxBodyBytes
    }
}

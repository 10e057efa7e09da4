/// How one side of a TLS connection is set up: which certificates it presents, which peers it trusts
/// and how strictly it checks them. A value type; build a ``TLSContext`` from it once and share that.
///
/// OCPP 1.6 security profiles (OCPP 1.6 security whitepaper, section 2): profile 2 is TLS with server
/// authentication plus HTTP Basic auth, profile 3 adds a client certificate (``certificate`` on the
/// charge point, ``ClientCertificateVerification/required(caFile:)`` on the central system).
public struct TLSConfiguration: Sendable, Equatable {
    /// Which end of the handshake this configuration drives.
    public enum Role: Sendable, Equatable {
        /// Sends the ClientHello, verifies the server's certificate and name.
        case client
        /// Answers the ClientHello with its certificate chain.
        case server
    }

    /// Where a client finds the certificate authorities it trusts.
    public enum TrustRoots: Sendable, Equatable {
        /// The operating system's default store (`SSL_CTX_set_default_verify_paths`).
        case system
        /// A PEM file holding one or more CA certificates.
        case caFile(String)
    }

    /// Whether a client checks the server's certificate chain and name.
    public enum Verification: Sendable, Equatable {
        /// Chain to a trusted root, validity dates and the host name or IP address (RFC 6125).
        case full
        /// Accepts any certificate. Insecure: for test benches only; see ``TLSConfiguration/warnings``.
        case insecureNoVerification
    }

    /// Whether a server asks for a client certificate, and which CA must have signed it.
    public enum ClientCertificateVerification: Sendable, Equatable {
        /// No certificate is requested.
        case none
        /// A certificate is requested; if one is sent it must chain to a CA in `caFile`.
        case optional(caFile: String)
        /// A certificate chaining to a CA in `caFile` must be sent (OCPP security profile 3).
        case required(caFile: String)
    }

    /// The protocol versions this stack will negotiate; nothing older than TLS 1.2.
    public enum Version: Sendable, Equatable, Comparable {
        /// TLS 1.2 (RFC 5246).
        case tls1_2
        /// TLS 1.3 (RFC 8446).
        case tls1_3
    }

    /// A certificate chain and its private key, both PEM files.
    public struct CertificateFiles: Sendable, Equatable {
        /// The leaf certificate first, then any intermediates.
        public var certificateChainFile: String
        /// The private key matching the leaf certificate (unencrypted PEM).
        public var privateKeyFile: String

        public init(certificateChainFile: String, privateKeyFile: String) {
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
        }
    }

    /// Which end of the handshake this is.
    public var role: Role
    /// The CAs a client trusts for the server certificate (unused on a server).
    public var trustRoots: TrustRoots
    /// Whether a client verifies the server (unused on a server).
    public var verification: Verification
    /// The chain this side presents: required on a server, the optional client certificate on a client.
    public var certificate: CertificateFiles?
    /// Whether a server asks clients for a certificate (unused on a client).
    public var clientCertificateVerification: ClientCertificateVerification
    /// The oldest version accepted; TLS 1.2 unless raised.
    public var minimumVersion: Version
    /// The newest version offered; `nil` means the newest the library supports.
    public var maximumVersion: Version?
    /// ALPN protocol names (RFC 7301) in order of preference; empty sends no ALPN extension.
    public var applicationProtocols: [String]

    /// A client that verifies the server against `trustRoots` (the system store by default),
    /// optionally presenting `certificate` (OCPP security profile 3).
    public static func client(
        trustRoots: TrustRoots = .system,
        certificate: CertificateFiles? = nil,
        verification: Verification = .full
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .client, trustRoots: trustRoots, verification: verification, certificate: certificate,
            clientCertificateVerification: .none)
    }

    /// A server presenting `certificate`, optionally asking clients for theirs.
    public static func server(
        certificate: CertificateFiles,
        clientCertificateVerification: ClientCertificateVerification = .none
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .server, trustRoots: .system, verification: .full, certificate: certificate,
            clientCertificateVerification: clientCertificateVerification)
    }

    public init(
        role: Role,
        trustRoots: TrustRoots,
        verification: Verification,
        certificate: CertificateFiles?,
        clientCertificateVerification: ClientCertificateVerification,
        minimumVersion: Version = .tls1_2,
        maximumVersion: Version? = nil,
        applicationProtocols: [String] = []
    ) {
        self.role = role
        self.trustRoots = trustRoots
        self.verification = verification
        self.certificate = certificate
        self.clientCertificateVerification = clientCertificateVerification
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
        self.applicationProtocols = applicationProtocols
    }

    /// Messages the shell must log once when it builds a context from this configuration,
    /// such as turned-off certificate verification. Empty for a secure configuration.
    public var warnings: [String] {
        switch (role, verification) {
        case (.client, .insecureNoVerification):
            return [
                "TLS certificate verification is disabled (insecure): the server's certificate chain and "
                    + "host name are not checked, so the connection is open to impersonation"
            ]
        case (.client, .full), (.server, _):
            return []
        }
    }
}

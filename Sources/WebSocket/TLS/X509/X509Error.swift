/// Why an X.509 object (certificate, key, certificate signing request) could not be read, made or
/// signed. OpenSSL's own reason is kept in `reason`.
public enum X509Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text holds no PEM block of the expected kind, or a block that does not decode.
    case invalidPEM(reason: String)
    /// The bytes are not a DER-encoded structure of the expected kind.
    case invalidDER(reason: String)
    /// A certificate is not self-signed and its issuer was not given, so the issuer key is unknown.
    case issuerRequired
    /// A certificate signing request's signature does not verify with the key it carries.
    case invalidRequestSignature
    /// A value was rejected before OpenSSL was called (empty common name, zero validity, ...).
    case invalidArgument(String)
    /// OpenSSL failed to generate, encode or sign.
    case operationFailed(reason: String)

    public var description: String {
        switch self {
        case .invalidPEM(let reason): return "invalid PEM: \(reason)"
        case .invalidDER(let reason): return "invalid DER: \(reason)"
        case .issuerRequired: return "the certificate is not self-signed: its issuer certificate is needed"
        case .invalidRequestSignature: return "the certificate signing request's signature does not verify"
        case .invalidArgument(let message): return message
        case .operationFailed(let reason): return "OpenSSL failed: \(reason)"
        }
    }

    /// OpenSSL's first queued error text, or `fallback`; the queue is emptied.
    static func openSSLReason(_ fallback: String) -> String {
        TLSError.drainErrorQueue()?.text ?? fallback
    }
}

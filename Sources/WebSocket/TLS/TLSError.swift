import COpenSSL
import COpenSSLShim

/// Why a TLS context could not be built or a TLS connection failed. Each case names the cause
/// a user can act on; OpenSSL's own text is kept where there is no better name.
public enum TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer's certificate is past its `notAfter` date (`X509_V_ERR_CERT_HAS_EXPIRED`).
    case certificateExpired
    /// The peer's chain does not lead to a trusted CA (unknown issuer or self-signed).
    case unknownCertificateAuthority
    /// The server's certificate does not cover the host name or IP address that was dialled.
    case hostnameMismatch(expected: String)
    /// Any other X.509 verification failure, with OpenSSL's code and text.
    case certificateVerificationFailed(code: Int32, reason: String)
    /// The server requires a client certificate and this side sent none (seen by the server).
    case peerDidNotPresentCertificate
    /// The server required a client certificate that this side did not send (seen by the client).
    case certificateRequiredByPeer
    /// The handshake failed for another reason (version, cipher, alert from the peer, ...).
    case handshakeFailed(reason: String)
    /// The connection closed before the handshake finished.
    case unexpectedEOF
    /// The handshake did not finish in the time the handler allows.
    case handshakeTimedOut
    /// A TLS record could not be read or written after the handshake.
    case protocolFailure(reason: String)
    /// A certificate, key or CA file could not be loaded.
    case fileLoadFailed(path: String, reason: String)
    /// The context could not be set up (bad configuration or library failure).
    case configurationFailed(reason: String)

    public var description: String {
        switch self {
        case .certificateExpired:
            return "TLS: the peer's certificate has expired"
        case .unknownCertificateAuthority:
            return "TLS: the peer's certificate is not signed by a trusted certificate authority"
        case .hostnameMismatch(let expected):
            return "TLS: the server's certificate is not valid for \(expected)"
        case .certificateVerificationFailed(let code, let reason):
            return "TLS: certificate verification failed (X509 error \(code): \(reason))"
        case .peerDidNotPresentCertificate:
            return "TLS: the client did not present the required certificate"
        case .certificateRequiredByPeer:
            return "TLS: the server requires a client certificate and none was presented"
        case .handshakeFailed(let reason):
            return "TLS: handshake failed: \(reason)"
        case .unexpectedEOF:
            return "TLS: the connection closed during the handshake"
        case .handshakeTimedOut:
            return "TLS: the handshake did not finish in time"
        case .protocolFailure(let reason):
            return "TLS: \(reason)"
        case .fileLoadFailed(let path, let reason):
            return "TLS: cannot load \(path): \(reason)"
        case .configurationFailed(let reason):
            return "TLS: configuration failed: \(reason)"
        }
    }

    /// Maps a failed X.509 verification result (`SSL_get_verify_result`) to a named cause.
    static func verification(code: Int, expectedName: String?) -> TLSError {
        switch Int32(code) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .certificateExpired
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
            X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return .unknownCertificateAuthority
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return .hostnameMismatch(expected: expectedName ?? "")
        default:
            // X509 codes are OpenSSL's, not ours: the rest keep their number and text.
            let reason = X509_verify_cert_error_string(code).map { String(cString: $0) } ?? "unknown"
            return .certificateVerificationFailed(code: Int32(code), reason: reason)
        }
    }

    /// Drains this thread's OpenSSL error queue and returns the first entry's reason code and
    /// text (`ERR_error_string_n`), or `nil` if the queue was empty.
    static func drainErrorQueue() -> (reason: Int32, text: String)? {
        var first: (reason: Int32, text: String)?
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if first == nil {
                var text = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &text, text.count)
                let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                first = (chargesim_ERR_GET_REASON(code), String(decoding: bytes, as: UTF8.self))
            }
        }
        return first
    }
}

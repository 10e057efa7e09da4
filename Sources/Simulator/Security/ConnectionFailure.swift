import WebSocket

/// Why a connection to the central system could not be opened, as far as the charge point's
/// security logic cares (Improved security for OCPP 1.6-J, security events): the shell reports
/// it with ``ChargePoint/connectionFailed(_:now:)``.
public enum ConnectionFailure: Sendable, Equatable {
    /// The central system's TLS certificate did not verify (unknown CA, expired, wrong host name):
    /// an `InvalidCentralSystemCertificate` security event.
    case centralSystemCertificateRejected(reason: String)
    /// The central system refused the charge point's credentials (HTTP 401 or 403 on the
    /// upgrade, or no client certificate where one is required):
    /// `FailedToAuthenticateAtCentralSystem`.
    case authenticationFailed(reason: String)
    /// The charge point cannot connect with its profile as configured (profile 3 without a
    /// client certificate, a missing trust root file).
    case misconfigured(reason: String)
    /// Anything else (refused, unreachable, timed out, closed during the handshake).
    case other(reason: String)

    /// Sorts an error of `WebSocketConnection.connect` into a failure.
    public init(_ error: any Error) {
        switch error {
        case let tls as TLSError:
            switch tls {
            case .certificateExpired, .unknownCertificateAuthority, .hostnameMismatch, .certificateVerificationFailed:
                self = .centralSystemCertificateRejected(reason: tls.description)
            case .certificateRequiredByPeer, .peerDidNotPresentCertificate:
                self = .authenticationFailed(reason: tls.description)
            case .fileLoadFailed, .configurationFailed:
                self = .misconfigured(reason: tls.description)
            case .handshakeFailed, .unexpectedEOF, .handshakeTimedOut, .protocolFailure:
                self = .other(reason: tls.description)
            }
        case let handshake as WebSocketHandshakeError:
            if case .unexpectedStatus(let code, let reason) = handshake, code == 401 || code == 403 {
                // Say what to fix: the status alone does not tell a user it is the password.
                let what = code == 401 ? "the Basic auth credentials (check the password)" : "the client certificate"
                self = .authenticationFailed(
                    reason: "HTTP \(code) \(reason) on the WebSocket upgrade: the central system refused \(what)")
            } else {
                self = .other(reason: "\(handshake)")
            }
        default:
            self = .other(reason: "\(error)")
        }
    }

    /// The reason, for logs.
    public var reason: String {
        switch self {
        case .centralSystemCertificateRejected(let reason), .authenticationFailed(let reason),
            .misconfigured(let reason), .other(let reason):
            reason
        }
    }
}

import Foundation
import WebSocket

/// Who may open an OCPP connection (OCPP-J 1.6 section 3.1, security whitepaper section 2):
/// decides an upgrade request from its path, `Authorization` header and client certificate,
/// given what the store knows of the charge point. Pure: the server does the lookup.
public struct OCPPUpgradePolicy: Sendable {
    /// The verdict on one request.
    public enum Decision: Sendable, Equatable {
        /// Upgrade, for this charge point.
        case accept(chargePointId: String)
        /// 404: not our path, or an unknown charge point (auto-registration off).
        case notFound(String)
        /// 401 with `WWW-Authenticate: Basic realm="OCPP"`: missing or wrong credentials.
        case unauthorized(String)
        /// 403: the client certificate names another charge point (security profile 3).
        case forbidden(String)
    }

    /// What the store knows of a charge point id.
    public enum Lookup: Sendable, Equatable {
        /// No such charge point.
        case unknown
        /// Registered; `passwordHash` nil means no Basic auth is required.
        case known(passwordHash: String?)
    }

    /// The path prefix, without slashes.
    public var pathPrefix: String
    /// Whether unknown charge points may connect.
    public var autoRegister: Bool

    public init(pathPrefix: String, autoRegister: Bool) {
        self.pathPrefix = pathPrefix
        self.autoRegister = autoRegister
    }

    /// The charge point id in `path` (`/<prefix>/<id>`), percent-decoded; nil if the path is not ours.
    public func chargePointId(inPath path: String) -> String? {
        let prefix = "/" + pathPrefix.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let encoded = path.dropFirst(prefix.count)
        guard !encoded.isEmpty, !encoded.contains("/"), let id = String(encoded).removingPercentEncoding,
            !id.isEmpty
        else { return nil }
        return id
    }

    /// Decides a request. `lookup` asks the store about an id; `peerCertificateCN` is the client
    /// certificate's subject CN when TLS asked for one.
    public func decide(
        path: String, authorization: String?, peerCertificateCN: String?, requiresClientCertificate: Bool,
        lookup: (String) -> Lookup
    ) -> Decision {
        guard let id = chargePointId(inPath: path) else { return .notFound("not an OCPP path: \(path)") }
        if requiresClientCertificate || peerCertificateCN != nil {
            guard peerCertificateCN == id else {
                return .forbidden("the client certificate is not issued to \(id)")
            }
        }
        guard case .known(let storedHash) = lookup(id) else {
            return autoRegister ? .accept(chargePointId: id) : .notFound("unknown charge point \(id)")
        }
        // Security profile 3 (whitepaper section 2.3): the certificate TLS verified against the
        // client CA, issued to this id, authenticates the charge point; no Basic auth is sent.
        if peerCertificateCN == id { return .accept(chargePointId: id) }
        guard let passwordHash = storedHash else { return .accept(chargePointId: id) }
        guard let (user, password) = Self.basicCredentials(authorization) else {
            return .unauthorized("credentials required")
        }
        guard user == id, ChargePointPassword.verify(password, against: passwordHash) else {
            return .unauthorized("wrong credentials")
        }
        return .accept(chargePointId: id)
    }

    /// The user and password of `Basic base64(user:password)` (RFC 7617 section 2).
    public static func basicCredentials(_ header: String?) -> (String, String)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

extension OCPPUpgradePolicy.Decision {
    /// The WebSocket server's answer: upgrade with `subprotocol`, or the HTTP refusal.
    public func webSocketDecision(subprotocol: String) -> WebSocketUpgradeDecision {
        switch self {
        case .accept: .accept(subprotocol: subprotocol)
        case .notFound(let reason): .refuse(status: .notFound, body: reason)
        case .unauthorized(let reason):
            .refuse(status: .unauthorized, headers: ["WWW-Authenticate": "Basic realm=\"OCPP\""], body: reason)
        case .forbidden(let reason): .refuse(status: .forbidden, body: reason)
        }
    }
}

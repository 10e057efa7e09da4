import NIOHTTP1

/// The application's answer to an upgrade request.
public enum WebSocketUpgradeDecision: Sendable, Equatable {
    /// Upgrade. `subprotocol` (one the client offered) overrides the configuration's choice;
    /// `headers` are added to the 101 response.
    case accept(subprotocol: String? = nil, headers: HTTPHeaders = [:])
    /// Refuse with an HTTP status, e.g. 401 with `WWW-Authenticate: Basic realm="..."` for bad
    /// credentials (OCPP security profile 1) or 404 for an unknown charge point; the body is
    /// sent as text/plain and the connection closed.
    case refuse(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: String = "")
}

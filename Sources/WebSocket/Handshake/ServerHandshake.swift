import Foundation
import NIOCore
import NIOHTTP1

/// The server side of the opening handshake (RFC 6455 section 4.2), sans I/O: the shell parses
/// the request head (NIOHTTP1), asks `evaluate(...)`, and writes the response it returns.
public enum ServerHandshake {
    /// What the server supports.
    public struct Configuration: Sendable {
        /// Subprotocols we speak, in our order of preference.
        public var subprotocols: [String]
        /// Refuse (400) a client that offers none of `subprotocols`.
        public var requiresSubprotocol: Bool
        /// permessage-deflate we are willing to accept, or nil to never compress.
        public var deflate: PerMessageDeflateOptions?

        public init(
            subprotocols: [String] = [], requiresSubprotocol: Bool = false, deflate: PerMessageDeflateOptions? = nil
        ) {
            self.subprotocols = subprotocols
            self.requiresSubprotocol = requiresSubprotocol
            self.deflate = deflate
        }
    }

    /// A request we upgrade: the agreed parameters and the 101 response.
    public struct Acceptance: Sendable, Equatable {
        /// The selected subprotocol, if any.
        public var subprotocol: String?
        /// The agreed permessage-deflate parameters, if any.
        public var deflate: PerMessageDeflateParameters?
        /// The 101 response headers (Upgrade, Connection, Sec-WebSocket-Accept, ...).
        public var headers: HTTPHeaders

        /// Writes the full 101 response head.
        public func writeResponse(into output: inout ByteBuffer) {
            output.writeString("HTTP/1.1 101 Switching Protocols\r\n")
            for (name, value) in headers {
                output.writeString("\(name): \(value)\r\n")
            }
            output.writeString("\r\n")
        }
    }

    /// A request we refuse, with the HTTP status and a human-readable reason as the body.
    public struct Rejection: Error, Sendable, Equatable {
        /// The HTTP status (400, 426, or the application's 401/404).
        public var status: HTTPResponseStatus
        /// Why, sent as a text/plain body.
        public var reason: String
        /// Extra response headers (426 carries `Sec-WebSocket-Version: 13`).
        public var headers: HTTPHeaders

        public init(status: HTTPResponseStatus, reason: String, headers: HTTPHeaders = [:]) {
            self.status = status
            self.reason = reason
            self.headers = headers
        }

        /// Writes the full error response; the connection is to be closed after it.
        public func writeResponse(into output: inout ByteBuffer) {
            output.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n")
            for (name, value) in headers {
                output.writeString("\(name): \(value)\r\n")
            }
            output.writeString("Content-Type: text/plain; charset=utf-8\r\n")
            output.writeString("Content-Length: \(reason.utf8.count)\r\nConnection: close\r\n\r\n")
            output.writeString(reason)
        }
    }

    /// Validates an upgrade request (section 4.2.1) and selects subprotocol and extensions
    /// (section 4.2.2). Version problems answer 426 with `Sec-WebSocket-Version: 13` (4.4).
    public static func evaluate(
        method: HTTPMethod, version: HTTPVersion, headers: HTTPHeaders, configuration: Configuration
    ) -> Result<Acceptance, Rejection> {
        guard method == .GET else { return .failure(Rejection(status: .badRequest, reason: "method must be GET")) }
        guard version.major > 1 || (version.major == 1 && version.minor >= 1) else {
            return .failure(Rejection(status: .badRequest, reason: "HTTP/1.1 or later required"))
        }
        guard headers.first(name: "Host") != nil else {
            return .failure(Rejection(status: .badRequest, reason: "missing Host header"))
        }
        guard headers.containsToken("websocket", in: "Upgrade") else {
            return .failure(Rejection(status: .badRequest, reason: "missing Upgrade: websocket"))
        }
        guard headers.containsToken("upgrade", in: "Connection") else {
            return .failure(Rejection(status: .badRequest, reason: "missing Connection: Upgrade"))
        }
        guard headers["Sec-WebSocket-Version"].count == 1, headers.first(name: "Sec-WebSocket-Version") == "13" else {
            return .failure(
                Rejection(
                    status: .upgradeRequired, reason: "unsupported WebSocket version",
                    headers: ["Sec-WebSocket-Version": "13"]))
        }
        let keys = headers["Sec-WebSocket-Key"]
        guard keys.count == 1, let key = keys.first?.trimmingCharacters(in: .whitespaces),
            let nonce = Data(base64Encoded: key), nonce.count == 16
        else {
            return .failure(Rejection(status: .badRequest, reason: "Sec-WebSocket-Key must be base64 of 16 bytes"))
        }

        var response: HTTPHeaders = [
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Accept": WebSocketAccept.value(forKey: key),
        ]
        let offered = headers.tokens("Sec-WebSocket-Protocol")
        let subprotocol = configuration.subprotocols.first { ours in offered.contains { $0 == ours } }
        if let subprotocol {
            response.add(name: "Sec-WebSocket-Protocol", value: subprotocol)
        } else if configuration.requiresSubprotocol {
            let list = configuration.subprotocols.joined(separator: ", ")
            return .failure(
                Rejection(status: .badRequest, reason: "no supported subprotocol offered (supported: \(list))"))
        }

        var deflate: PerMessageDeflateParameters?
        let extensionOffers = headers["Sec-WebSocket-Extensions"]
        if let options = configuration.deflate, !extensionOffers.isEmpty,
            let (parameters, value) = options.serverAccept(offers: extensionOffers)
        {
            deflate = parameters
            response.add(name: "Sec-WebSocket-Extensions", value: value)
        }
        return .success(Acceptance(subprotocol: subprotocol, deflate: deflate, headers: response))
    }
}

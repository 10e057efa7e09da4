import Foundation
import NIOCore
import NIOHTTP1

/// The client side of the opening handshake (RFC 6455 sections 4.1 and 4.2.2), sans I/O:
/// write `writeRequest(into:)`, then feed response bytes to `receivedBytes(_:)` until it
/// returns the agreed connection parameters and any bytes that followed the response head.
public struct ClientHandshake: Sendable {
    /// What the client asks for.
    public struct Configuration: Sendable {
        /// `Sec-WebSocket-Protocol` offer, in our order of preference (e.g. ["ocpp1.6"]).
        public var subprotocols: [String]
        /// Fail when the server selects no subprotocol.
        public var requiresSubprotocol: Bool
        /// Extra request headers, e.g. `Authorization: Basic ...` (OCPP security profile 1/2).
        public var headers: HTTPHeaders
        /// permessage-deflate offer (RFC 7692), or nil for none.
        public var deflate: PerMessageDeflateOptions?
        /// The largest response head accepted, in bytes.
        public var maxResponseHeadSize: Int

        public init(
            subprotocols: [String] = [],
            requiresSubprotocol: Bool = false,
            headers: HTTPHeaders = [:],
            deflate: PerMessageDeflateOptions? = nil,
            maxResponseHeadSize: Int = 16_384
        ) {
            self.subprotocols = subprotocols
            self.requiresSubprotocol = requiresSubprotocol
            self.headers = headers
            self.deflate = deflate
            self.maxResponseHeadSize = maxResponseHeadSize
        }
    }

    /// What the handshake agreed on.
    public struct Accepted: Sendable, Equatable {
        /// The subprotocol the server selected, if any.
        public var subprotocol: String?
        /// The agreed permessage-deflate parameters, if any.
        public var deflate: PerMessageDeflateParameters?
        /// The full response head.
        public var response: HTTPResponseHead
        /// Bytes after the response head: the first frames; feed them to the connection.
        public var leftover: ByteBuffer
    }

    /// The URL being opened.
    public let url: WebSocketURL
    /// What we offer and require.
    public let configuration: Configuration
    /// The `Sec-WebSocket-Key` sent: base64 of 16 random bytes (section 4.1).
    public let key: String
    private var received = ByteBuffer()
    /// Bytes of `received` already searched for the end of the head (so a response dripping in
    /// byte by byte costs linear, not quadratic, time).
    private var searched = 0

    public init(
        url: WebSocketURL, configuration: Configuration = Configuration(), keySource: inout some RandomNumberGenerator
    ) {
        self.url = url
        self.configuration = configuration
        var nonce = [UInt8](repeating: 0, count: 16)
        for index in nonce.indices { nonce[index] = keySource.next() }
        self.key = Data(nonce).base64EncodedString()
    }

    /// Writes the GET upgrade request (section 4.1).
    public func writeRequest(into output: inout ByteBuffer) {
        output.writeString("GET \(url.resource) HTTP/1.1\r\n")
        output.writeString("Host: \(url.hostHeaderValue)\r\n")
        output.writeString("Upgrade: websocket\r\nConnection: Upgrade\r\n")
        output.writeString("Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n")
        if !configuration.subprotocols.isEmpty {
            output.writeString("Sec-WebSocket-Protocol: \(configuration.subprotocols.joined(separator: ", "))\r\n")
        }
        if let deflate = configuration.deflate {
            output.writeString("Sec-WebSocket-Extensions: \(deflate.clientOfferHeaderValue())\r\n")
        }
        for (name, value) in configuration.headers {
            output.writeString("\(name): \(value)\r\n")
        }
        output.writeString("\r\n")
    }

    /// Feeds response bytes; nil means the head is not complete yet.
    public mutating func receivedBytes(_ bytes: ByteBuffer) throws(WebSocketHandshakeError) -> Accepted? {
        var bytes = bytes
        received.writeBuffer(&bytes)
        let view = received.readableBytesView
        guard let end = Self.endOfHead(in: view, from: view.startIndex + max(0, searched - 3)) else {
            searched = view.count
            guard received.readableBytes <= configuration.maxResponseHeadSize else {
                throw .responseTooLarge(limit: configuration.maxResponseHeadSize)
            }
            return nil
        }
        let headLength = end - view.startIndex
        guard headLength <= configuration.maxResponseHeadSize else {
            throw .responseTooLarge(limit: configuration.maxResponseHeadSize)
        }
        let text = received.readString(length: headLength) ?? ""
        received.moveReaderIndex(forwardBy: 4)
        let head = try HTTPResponseHead.parse(Substring(text))
        let leftover = received.readSlice(length: received.readableBytes) ?? ByteBuffer()
        return try validate(head, leftover: leftover)
    }

    /// The index of the CRLF CRLF ending the head, if present.
    private static func endOfHead(in view: ByteBufferView, from start: Int) -> Int? {
        var index = start
        let last = view.endIndex - 4
        while index <= last {
            if view[index] == 0x0D, view[index + 1] == 0x0A, view[index + 2] == 0x0D, view[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Section 4.2.2 point 5 / 4.1 client requirements, in the order the RFC lists them.
    private func validate(_ head: HTTPResponseHead, leftover: ByteBuffer) throws(WebSocketHandshakeError) -> Accepted {
        guard head.status == 101 else { throw .unexpectedStatus(code: head.status, reason: head.reason) }
        guard head.headers.containsToken("websocket", in: "Upgrade") else { throw .missingUpgradeHeader }
        guard head.headers.containsToken("upgrade", in: "Connection") else { throw .missingConnectionHeader }
        guard let accept = head.headers.first(name: "Sec-WebSocket-Accept") else { throw .missingAcceptHeader }
        let expected = WebSocketAccept.value(forKey: key)
        guard accept.trimmingCharacters(in: .whitespaces) == expected else {
            throw .incorrectAccept(expected: expected, received: accept)
        }

        var deflateParameters: PerMessageDeflateParameters?
        let extensions = head.headers["Sec-WebSocket-Extensions"]
        if !extensions.isEmpty {
            let value = extensions.joined(separator: ", ")
            guard let offer = configuration.deflate else { throw .unexpectedExtension(value) }
            do {
                deflateParameters = try offer.clientAccept(responseHeaderValue: value)
            } catch {
                throw .extensionNegotiationFailed("\(error)")
            }
        }

        let selected = head.headers.tokens("Sec-WebSocket-Protocol")
        var subprotocol: String?
        if let first = selected.first {
            guard selected.count == 1, configuration.subprotocols.contains(String(first)) else {
                throw .unexpectedSubprotocol(selected.joined(separator: ", "))
            }
            subprotocol = String(first)
        } else if configuration.requiresSubprotocol {
            throw .noSubprotocolAgreed(offered: configuration.subprotocols)
        }
        return Accepted(subprotocol: subprotocol, deflate: deflateParameters, response: head, leftover: leftover)
    }
}

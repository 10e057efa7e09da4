import Foundation
import NIOCore
import NIOHTTP1
import TestSupport
import Testing
import WebSocket

/// The client side of the opening handshake (RFC 6455 section 4.1): request bytes and every
/// way the response can be wrong.
@Suite struct ClientHandshakeTests {
    func makeHandshake(
        _ url: String = "ws://example.com:8080/ocpp/CP001?x=1",
        _ configuration: ClientHandshake.Configuration = .init(subprotocols: ["ocpp1.6"])
    ) throws -> ClientHandshake {
        var generator = SeededGenerator(seed: 42)
        return ClientHandshake(url: try WebSocketURL(url), configuration: configuration, keySource: &generator)
    }

    func response(_ handshake: ClientHandshake, status: String = "101 Switching Protocols", extra: String = "")
        -> String
    {
        "HTTP/1.1 \(status)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(WebSocketAccept.value(forKey: handshake.key))\r\n\(extra)\r\n"
    }

    func expectError(
        _ error: WebSocketHandshakeError, for text: String, handshake: ClientHandshake,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var handshake = handshake
        #expect(throws: error, sourceLocation: sourceLocation) {
            try handshake.receivedBytes(ByteBuffer(string: text))
        }
    }

    @Test func requestHasEveryRequiredHeader() throws {
        var configuration = ClientHandshake.Configuration(subprotocols: ["ocpp1.6", "ocpp2.0.1"])
        configuration.headers.add(name: "Authorization", value: "Basic Q1AwMDE6c2VjcmV0")
        let handshake = try makeHandshake("ws://example.com:8080/ocpp/CP001?x=1", configuration)
        var buffer = ByteBuffer()
        handshake.writeRequest(into: &buffer)
        #expect(
            String(buffer: buffer)
                == "GET /ocpp/CP001?x=1 HTTP/1.1\r\nHost: example.com:8080\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: \(handshake.key)\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: ocpp1.6, ocpp2.0.1\r\nAuthorization: Basic Q1AwMDE6c2VjcmV0\r\n\r\n")
        #expect(Data(base64Encoded: handshake.key)?.count == 16)
    }

    @Test func keyComesFromTheInjectedGenerator() throws {
        #expect(try makeHandshake().key == makeHandshake().key)
        var other = SeededGenerator(seed: 43)
        let different = ClientHandshake(url: try WebSocketURL("ws://h/"), keySource: &other)
        #expect(different.key != (try makeHandshake().key))
    }

    @Test func acceptedResponseHandsOverLeftoverBytesWhenDripFed() throws {
        let handshake = try makeHandshake()
        let frame: [UInt8] = [0x81, 0x02, 0x68, 0x69]
        let bytes = Array(response(handshake, extra: "Sec-WebSocket-Protocol: ocpp1.6\r\n").utf8) + frame
        for chunkSize in [bytes.count, 1, 7] {
            var client = handshake
            var result: ClientHandshake.Accepted?
            var index = 0
            while index < bytes.count, result == nil {
                let end = min(index + chunkSize, bytes.count)
                result = try client.receivedBytes(ByteBuffer(bytes: bytes[index..<end]))
                index = end
            }
            let accepted = try #require(result)
            #expect(accepted.subprotocol == "ocpp1.6")
            #expect(accepted.deflate == nil)
            #expect(accepted.response.status == 101)
            // The frame is split between the leftover and the bytes not fed yet, never lost.
            #expect(Array(accepted.leftover.readableBytesView) + bytes[index...] == frame, "chunk \(chunkSize)")
        }
    }

    @Test func nonSwitchingStatusIsReportedWithItsReason() throws {
        let handshake = try makeHandshake()
        expectError(
            .unexpectedStatus(code: 401, reason: "Unauthorized"),
            for: "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", handshake: handshake)
        expectError(
            .unexpectedStatus(code: 404, reason: "Not Found"), for: "HTTP/1.1 404 Not Found\r\n\r\n",
            handshake: handshake)
        expectError(
            .unexpectedStatus(code: 200, reason: "OK"), for: response(handshake, status: "200 OK"), handshake: handshake
        )
    }

    @Test func missingUpgradeOrConnectionHeader() throws {
        let handshake = try makeHandshake()
        let accept = WebSocketAccept.value(forKey: handshake.key)
        expectError(
            .missingUpgradeHeader,
            for: "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n",
            handshake: handshake)
        expectError(
            .missingConnectionHeader,
            for:
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n",
            handshake: handshake)
    }

    @Test func headerNamesAndTokensAreCaseInsensitive() throws {
        var handshake = try makeHandshake()
        let accept = WebSocketAccept.value(forKey: handshake.key)
        let text =
            "HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\nCONNECTION: keep-alive, Upgrade\r\nsec-websocket-accept: \(accept)\r\n\r\n"
        #expect(try handshake.receivedBytes(ByteBuffer(string: text)) != nil)
    }

    @Test func missingOrIncorrectAccept() throws {
        let handshake = try makeHandshake()
        expectError(
            .missingAcceptHeader,
            for: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
            handshake: handshake)
        expectError(
            .incorrectAccept(
                expected: WebSocketAccept.value(forKey: handshake.key), received: "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
            for:
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n",
            handshake: handshake)
    }

    @Test func subprotocolRules() throws {
        let handshake = try makeHandshake()
        expectError(
            .unexpectedSubprotocol("ocpp2.0.1"),
            for: response(handshake, extra: "Sec-WebSocket-Protocol: ocpp2.0.1\r\n"), handshake: handshake)
        let required = try makeHandshake("ws://h/", .init(subprotocols: ["ocpp1.6"], requiresSubprotocol: true))
        expectError(.noSubprotocolAgreed(offered: ["ocpp1.6"]), for: response(required), handshake: required)
        var optional = handshake
        #expect(try optional.receivedBytes(ByteBuffer(string: response(handshake)))?.subprotocol == nil)
    }

    @Test func extensionWeDidNotOfferIsRefused() throws {
        let handshake = try makeHandshake()
        expectError(
            .unexpectedExtension("permessage-deflate"),
            for: response(handshake, extra: "Sec-WebSocket-Extensions: permessage-deflate\r\n"), handshake: handshake)
    }

    @Test func responseHeadIsBounded() throws {
        let handshake = try makeHandshake("ws://h/", .init(maxResponseHeadSize: 64))
        expectError(
            .responseTooLarge(limit: 64),
            for: "HTTP/1.1 101 Switching Protocols\r\nX-Padding: " + String(repeating: "a", count: 80),
            handshake: handshake)
    }

    @Test func malformedResponses() throws {
        let handshake = try makeHandshake()
        expectError(
            .malformedResponse("bad status line: SSH-2.0-OpenSSH"), for: "SSH-2.0-OpenSSH\r\n\r\n", handshake: handshake
        )
        expectError(
            .malformedResponse("bad header line: no colon here"),
            for: "HTTP/1.1 101 Switching Protocols\r\nno colon here\r\n\r\n", handshake: handshake)
    }

    @Test func urlParsing() throws {
        #expect(
            try WebSocketURL("ws://example.com")
                == WebSocketURL(isSecure: false, host: "example.com", port: 80, resource: "/"))
        #expect(
            try WebSocketURL("wss://example.com/a/b?c=d")
                == WebSocketURL(isSecure: true, host: "example.com", port: 443, resource: "/a/b?c=d"))
        let ipv6 = try WebSocketURL("ws://[::1]:9000/x")
        #expect(ipv6.host == "::1")
        #expect(ipv6.hostHeaderValue == "[::1]:9000")
        #expect(try WebSocketURL("wss://example.com:443/").hostHeaderValue == "example.com")
        #expect(throws: WebSocketHandshakeError.invalidURL("http://example.com/")) {
            try WebSocketURL("http://example.com/")
        }
        #expect(throws: WebSocketHandshakeError.invalidURL("ws://example.com/#frag")) {
            try WebSocketURL("ws://example.com/#frag")
        }
        #expect(throws: WebSocketHandshakeError.invalidURL("ws:///path")) { try WebSocketURL("ws:///path") }
    }
}

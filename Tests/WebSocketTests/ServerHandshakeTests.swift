import NIOCore
import NIOHTTP1
import TestSupport
import Testing
import WebSocket

/// The server side of the opening handshake (RFC 6455 section 4.2) and a client paired with it.
@Suite struct ServerHandshakeTests {
    static let rfcKey = "dGhlIHNhbXBsZSBub25jZQ=="

    func requestHeaders(key: String = rfcKey, protocols: String? = nil, version: String = "13") -> HTTPHeaders {
        var headers: HTTPHeaders = [
            "Host": "server.example.com", "Upgrade": "websocket", "Connection": "Upgrade",
            "Sec-WebSocket-Key": key, "Sec-WebSocket-Version": version,
        ]
        if let protocols { headers.add(name: "Sec-WebSocket-Protocol", value: protocols) }
        return headers
    }

    func evaluate(
        _ headers: HTTPHeaders, method: HTTPMethod = .GET, version: HTTPVersion = .http1_1,
        _ configuration: ServerHandshake.Configuration = .init()
    ) -> Result<ServerHandshake.Acceptance, ServerHandshake.Rejection> {
        ServerHandshake.evaluate(method: method, version: version, headers: headers, configuration: configuration)
    }

    func rejectionReason(_ result: Result<ServerHandshake.Acceptance, ServerHandshake.Rejection>) -> (Int, String)? {
        guard case .failure(let rejection) = result else { return nil }
        return (Int(rejection.status.code), rejection.reason)
    }

    @Test func acceptsTheRFCExampleWithExactResponseBytes() throws {
        let acceptance = try evaluate(requestHeaders(protocols: "chat, superchat"), .init(subprotocols: ["chat"])).get()
        var buffer = ByteBuffer()
        acceptance.writeResponse(into: &buffer)
        #expect(
            String(buffer: buffer)
                == "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: chat\r\n\r\n")
        #expect(acceptance.subprotocol == "chat")
    }

    @Test func subprotocolFollowsServerPreference() throws {
        let result = evaluate(
            requestHeaders(protocols: "ocpp1.5, ocpp1.6"), .init(subprotocols: ["ocpp1.6", "ocpp1.5"]))
        #expect(try result.get().subprotocol == "ocpp1.6")
        let none = evaluate(requestHeaders(protocols: "mqtt"), .init(subprotocols: ["ocpp1.6"]))
        #expect(try none.get().subprotocol == nil)
        let required = evaluate(
            requestHeaders(protocols: "mqtt"), .init(subprotocols: ["ocpp1.6"], requiresSubprotocol: true))
        #expect(rejectionReason(required)?.0 == 400)
    }

    @Test func wrongVersionIsAnswered426WithSupportedVersion() throws {
        let result = evaluate(requestHeaders(version: "8"))
        guard case .failure(let rejection) = result else {
            Issue.record("expected a rejection")
            return
        }
        var buffer = ByteBuffer()
        rejection.writeResponse(into: &buffer)
        #expect(
            String(buffer: buffer)
                == "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 29\r\nConnection: close\r\n\r\nunsupported WebSocket version")
        var missing = requestHeaders()
        missing.remove(name: "Sec-WebSocket-Version")
        #expect(rejectionReason(evaluate(missing))?.0 == 426)
    }

    @Test func eachBadRequestIs400WithAReason() {
        #expect(rejectionReason(evaluate(requestHeaders(), method: .POST))! == (400, "method must be GET"))
        #expect(rejectionReason(evaluate(requestHeaders(), version: .http1_0))! == (400, "HTTP/1.1 or later required"))
        var noHost = requestHeaders()
        noHost.remove(name: "Host")
        #expect(rejectionReason(evaluate(noHost))! == (400, "missing Host header"))
        var noUpgrade = requestHeaders()
        noUpgrade.replaceOrAdd(name: "Upgrade", value: "h2c")
        #expect(rejectionReason(evaluate(noUpgrade))! == (400, "missing Upgrade: websocket"))
        var noConnection = requestHeaders()
        noConnection.replaceOrAdd(name: "Connection", value: "keep-alive")
        #expect(rejectionReason(evaluate(noConnection))! == (400, "missing Connection: Upgrade"))
        for key in ["", "not base64!", "AAAAAAAAAAAAAAAAAAAA", "dGhlIHNhbXBsZSBub25jZQ"] {
            #expect(
                rejectionReason(evaluate(requestHeaders(key: key)))! == (
                    400, "Sec-WebSocket-Key must be base64 of 16 bytes"
                ), "key \(key)")
        }
    }

    @Test func connectionTokenListsAreAccepted() throws {
        var headers = requestHeaders()
        headers.replaceOrAdd(name: "Connection", value: "keep-alive, Upgrade")
        #expect(throws: Never.self) { try evaluate(headers).get() }
    }

    @Test func extensionOffersAreIgnoredWithoutDeflate() throws {
        var headers = requestHeaders()
        headers.add(name: "Sec-WebSocket-Extensions", value: "permessage-deflate; client_max_window_bits")
        let acceptance = try evaluate(headers).get()
        #expect(acceptance.deflate == nil)
        #expect(acceptance.headers["Sec-WebSocket-Extensions"].isEmpty)
    }

    @Test func applicationRejectionsWriteTheirStatus() {
        var buffer = ByteBuffer()
        ServerHandshake.Rejection(
            status: .unauthorized, reason: "bad credentials", headers: ["WWW-Authenticate": "Basic realm=\"ocpp\""]
        )
        .writeResponse(into: &buffer)
        #expect(
            String(buffer: buffer).hasPrefix("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ocpp\"\r\n"))
        #expect(String(buffer: buffer).hasSuffix("\r\n\r\nbad credentials"))
    }

    @Test func clientAndServerAgree() throws {
        var generator = SeededGenerator(seed: 1)
        var client = ClientHandshake(
            url: try WebSocketURL("ws://csms.local/ocpp/CP1"),
            configuration: .init(subprotocols: ["ocpp1.6"], requiresSubprotocol: true),
            keySource: &generator)
        let acceptance = try evaluate(
            requestHeaders(key: client.key, protocols: "ocpp1.6"), .init(subprotocols: ["ocpp1.6"])
        ).get()
        var response = ByteBuffer()
        acceptance.writeResponse(into: &response)
        let accepted = try #require(try client.receivedBytes(response))
        #expect(accepted.subprotocol == "ocpp1.6")
        #expect(accepted.leftover.readableBytes == 0)
    }
}

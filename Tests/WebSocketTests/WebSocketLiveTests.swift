import NIOCore
import NIOHTTP1
import NIOPosix
import TestSupport
import Testing
import WebSocket

/// Our client against our server over loopback (port 0): echo, limits, negotiation, refusals,
/// keepalive and the close handshake, with the real NIO shell around the sans-I/O core.
@Suite struct WebSocketLiveTests {
    private func configurations(deflate: Bool) -> (WebSocketServerConfiguration, WebSocketClientConfiguration) {
        let options = deflate ? PerMessageDeflateOptions() : nil
        return (WebSocketServerConfiguration(deflate: options), WebSocketClientConfiguration(deflate: options))
    }

    private func bytes(_ count: Int) -> ByteBuffer {
        var generator = SeededGenerator(seed: UInt64(count))
        return ByteBuffer(bytes: generator.bytes(count: count))
    }

    // MARK: - Data

    @Test(arguments: [false, true])
    func echoesTextAndBinary(deflate: Bool) async throws {
        let (serverConfiguration, clientConfiguration) = configurations(deflate: deflate)
        let echo = try await LiveHarness.echoServer(configuration: serverConfiguration)
        let client = try await WebSocketClient.connect(to: echo.url, configuration: clientConfiguration)
        #expect((client.deflate != nil) == deflate)

        try await client.send(text: "héllo ✓")
        #expect(try await LiveHarness.next(client) == .text("héllo ✓"))
        try await client.send(binary: bytes(300))
        #expect(try await LiveHarness.next(client) == .binary(bytes(300)))
        try await client.send(text: "")
        #expect(try await LiveHarness.next(client) == .text(""))

        #expect(await client.close() == WebSocketCloseStatus(code: .normalClosure))
        await echo.server.shutdown()
    }

    @Test(arguments: [false, true])
    func echoesOneMebibyteMessages(deflate: Bool) async throws {
        let (serverConfiguration, clientConfiguration) = configurations(deflate: deflate)
        let echo = try await LiveHarness.echoServer(configuration: serverConfiguration)
        let client = try await WebSocketClient.connect(to: echo.url, configuration: clientConfiguration)

        let big = bytes(1 << 20)
        try await client.send(binary: big)
        #expect(try await LiveHarness.next(client) == .binary(big))
        let text = String(repeating: "0123456789abcdef", count: (1 << 20) / 16)
        try await client.send(text: text)
        #expect(try await LiveHarness.next(client) == .text(text))

        await client.close()
        await echo.server.shutdown()
    }

    @Test func messageOverTheLimitClosesWith1009() async throws {
        var serverConfiguration = WebSocketServerConfiguration()
        serverConfiguration.connection.maxMessageSize = 1000
        let echo = try await LiveHarness.echoServer(configuration: serverConfiguration)
        let client = try await WebSocketClient.connect(to: echo.url)

        try await client.send(binary: bytes(1001))
        #expect(await client.closeStatus.code == .messageTooBig)
        #expect(try await LiveHarness.first("the server's close", of: echo.closes).code == .messageTooBig)
        await echo.server.shutdown()
    }

    @Test func aMessageSentWithTheHandshakeResponseIsNotLost() async throws {
        let server = try await WebSocketServer.bind(host: "127.0.0.1", port: 0) { connection in
            connection.send(text: "welcome")
            connection.close(code: .normalClosure, reason: "bye")
        }
        for _ in 0..<20 {
            let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)")
            #expect(try await LiveHarness.next(client) == .text("welcome"))
            #expect(await client.closeStatus == WebSocketCloseStatus(code: .normalClosure, reason: "bye"))
        }
        await server.shutdown()
    }

    @Test func theCallbackAPIEchoesOnTheEventLoop() async throws {
        let echo = try await LiveHarness.echoServer()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let (messages, sink) = AsyncStream.makeStream(of: WebSocketMessage.self)
        let connection = try await WebSocketConnection.connect(
            to: WebSocketURL(echo.url), eventLoop: loop
        ) { connection in
            connection.onMessage = { sink.yield($0) }
            connection.onClose = { _ in sink.finish() }
            connection.send(text: "from the loop")
        }.get()
        #expect(try await LiveHarness.first("the echo", of: messages) == .text("from the loop"))
        #expect(try await loop.submit { connection.close(code: .goingAway) }.get() == .queued)
        #expect(try await connection.closeFuture.get().code == .goingAway)
        await echo.server.shutdown()
    }

    @Test func anUnreadInboundStopsReadingAndResumesWhenRead() async throws {
        let (received, receivedSink) = AsyncStream.makeStream(of: Int.self)
        let server = try await WebSocketServer.bind(host: "127.0.0.1", port: 0) { connection in
            // Floods the client with 200 messages of 10 kB (many socket reads); acknowledges "done".
            for index in 0..<200 { connection.send(text: "\(index):" + String(repeating: "x", count: 10_000)) }
            connection.onMessage = { _ in receivedSink.yield(1) }
        }
        let client = try await WebSocketClient.connect(
            to: "ws://127.0.0.1:\(server.port)", inboundHighWatermark: 8)
        var index = 0
        for try await message in client.inbound {
            #expect(message == .text("\(index):" + String(repeating: "x", count: 10_000)))
            index += 1
            if index == 200 { break }
        }
        #expect(index == 200)
        try await client.send(text: "done")
        #expect(try await LiveHarness.first("the acknowledgement", of: received) == 1)
        await client.close()
        await server.shutdown()
    }

    // MARK: - Negotiation and refusal

    @Test func selectsTheServersPreferredSubprotocol() async throws {
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(subprotocols: ["ocpp2.0.1", "ocpp1.6"]))
        let client = try await WebSocketClient.connect(
            to: echo.url, configuration: WebSocketClientConfiguration(subprotocols: ["ocpp1.6", "ocpp2.0.1"]))
        #expect(client.subprotocol == "ocpp2.0.1")
        let serverSide = try await LiveHarness.first("the server connection", of: echo.connections)
        #expect(serverSide.subprotocol == "ocpp2.0.1")
        await client.close()
        await echo.server.shutdown()
    }

    @Test func shouldUpgradeMayPickAnOfferedSubprotocol() async throws {
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(subprotocols: ["ocpp2.0.1", "ocpp1.6"])
        ) { request in
            #expect(request.offeredSubprotocols == ["ocpp1.6", "ocpp2.0.1"])
            return .accept(subprotocol: "ocpp1.6", headers: ["X-Charger": "known"])
        }
        let client = try await WebSocketClient.connect(
            to: echo.url, configuration: WebSocketClientConfiguration(subprotocols: ["ocpp1.6", "ocpp2.0.1"]))
        #expect(client.subprotocol == "ocpp1.6")
        await client.close()
        await echo.server.shutdown()
    }

    @Test func serverRequiringASubprotocolRefusesWith400() async throws {
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(subprotocols: ["ocpp1.6"], requiresSubprotocol: true))
        let error = await #expect(throws: WebSocketHandshakeError.self) {
            _ = try await WebSocketClient.connect(
                to: echo.url, configuration: WebSocketClientConfiguration(subprotocols: ["chat"]))
        }
        guard case .unexpectedStatus(let code, _) = error else {
            Issue.record("expected a status error, got \(String(describing: error))")
            return
        }
        #expect(code == 400)
        await echo.server.shutdown()
    }

    @Test func clientRequiringASubprotocolFailsWhenNoneIsAgreed() async throws {
        let echo = try await LiveHarness.echoServer()
        await #expect(throws: WebSocketHandshakeError.noSubprotocolAgreed(offered: ["ocpp1.6"])) {
            _ = try await WebSocketClient.connect(
                to: echo.url,
                configuration: WebSocketClientConfiguration(subprotocols: ["ocpp1.6"], requiresSubprotocol: true))
        }
        await echo.server.shutdown()
    }

    /// OCPP security profile 1: HTTP Basic auth with the charge point id as user name.
    private static func basicAuth(_ request: WebSocketUpgradeRequest) -> WebSocketUpgradeDecision {
        guard request.path.hasPrefix("/ocpp/") else {
            return .refuse(status: .notFound, body: "unknown charge point")
        }
        // "CP-1:secret" in base64.
        guard request.headers.first(name: "Authorization") == "Basic Q1AtMTpzZWNyZXQ=" else {
            return .refuse(status: .unauthorized, headers: ["WWW-Authenticate": "Basic realm=\"ocpp\""])
        }
        return .accept()
    }

    @Test func refusesBadCredentialsWith401AndAcceptsGoodOnes() async throws {
        let echo = try await LiveHarness.echoServer(shouldUpgrade: Self.basicAuth)
        var wrong = WebSocketClientConfiguration()
        wrong.setBasicAuthorization(user: "CP-1", password: "guess")
        let error = await #expect(throws: WebSocketHandshakeError.self) {
            _ = try await WebSocketClient.connect(to: echo.url + "/ocpp/CP-1", configuration: wrong)
        }
        #expect(error == .unexpectedStatus(code: 401, reason: "Unauthorized"))

        var right = WebSocketClientConfiguration()
        right.setBasicAuthorization(user: "CP-1", password: "secret")
        let client = try await WebSocketClient.connect(to: echo.url + "/ocpp/CP-1", configuration: right)
        try await client.send(text: "BootNotification")
        #expect(try await LiveHarness.next(client) == .text("BootNotification"))
        await client.close()
        await echo.server.shutdown()
    }

    @Test func refusesUnknownPathsWith404() async throws {
        let echo = try await LiveHarness.echoServer(shouldUpgrade: Self.basicAuth)
        await #expect(throws: WebSocketHandshakeError.unexpectedStatus(code: 404, reason: "Not Found")) {
            _ = try await WebSocketClient.connect(to: echo.url + "/elsewhere")
        }
        await echo.server.shutdown()
    }

    @Test func answersAPlainHTTPRequestWith400AndAWrongVersionWith426() async throws {
        let echo = try await LiveHarness.echoServer()
        let plain = try await LiveHarness.rawExchange(
            port: echo.server.port, request: "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(plain.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        let version = try await LiveHarness.rawExchange(
            port: echo.server.port,
            request: "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n")
        #expect(version.hasPrefix("HTTP/1.1 426 Upgrade Required\r\n"))
        #expect(version.contains("Sec-WebSocket-Version: 13\r\n"))
        let garbage = try await LiveHarness.rawExchange(port: echo.server.port, request: "\u{1}\u{2}garbage\r\n\r\n")
        #expect(garbage.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        await echo.server.shutdown()
    }

    @Test func firstFramesInTheSameSegmentAsTheHandshakeAreRead() async throws {
        let echo = try await LiveHarness.echoServer()
        // A masked text frame "hi" right behind the request, then a close frame (code 1000).
        let head = Array(
            ("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)
        let frames: [UInt8] = [0x81, 0x82, 0, 0, 0, 0, 0x68, 0x69, 0x88, 0x82, 0, 0, 0, 0, 0x03, 0xE8]
        let answer = try await LiveHarness.rawExchange(port: echo.server.port, request: head + frames)
        #expect(String(decoding: answer.prefix(34), as: UTF8.self) == "HTTP/1.1 101 Switching Protocols\r\n")
        #expect(answer.suffix(8) == [0x81, 0x02, 0x68, 0x69, 0x88, 0x02, 0x03, 0xE8])
        #expect(try await LiveHarness.first("the server's close", of: echo.closes).code == .normalClosure)
        await echo.server.shutdown()
    }

    @Test func aClientThatNeverSendsItsRequestIsDisconnected() async throws {
        let echo = try await LiveHarness.echoServer(
            configuration: WebSocketServerConfiguration(handshakeTimeout: .milliseconds(50)))
        #expect(try await LiveHarness.rawExchange(port: echo.server.port, request: "GET / HT") == "")
        await echo.server.shutdown()
    }

    @Test func aServerThatNeverAnswersTheHandshakeTimesTheClientOut() async throws {
        let blackHole = try await LiveHarness.blackHoleServer()
        let port = blackHole.localAddress?.port ?? 0
        await #expect(throws: WebSocketClientError.connectTimedOut) {
            _ = try await WebSocketClient.connect(
                to: "ws://127.0.0.1:\(port)",
                configuration: WebSocketClientConfiguration(connectTimeout: .milliseconds(100)))
        }
        try await blackHole.close()
    }

    @Test func shouldUpgradePickingASubprotocolTheClientDidNotOfferIsRefused() async throws {
        let echo = try await LiveHarness.echoServer { _ in .accept(subprotocol: "ocpp2.0.1") }
        await #expect(throws: WebSocketHandshakeError.unexpectedStatus(code: 400, reason: "Bad Request")) {
            _ = try await WebSocketClient.connect(
                to: echo.url, configuration: WebSocketClientConfiguration(subprotocols: ["ocpp1.6"]))
        }
        await echo.server.shutdown()
    }

    // MARK: - Keepalive

    @Test func keepalivePingsAreAnsweredWithPongs() async throws {
        let echo = try await LiveHarness.echoServer()
        var configuration = WebSocketClientConfiguration()
        configuration.connection.pingInterval = .milliseconds(20)
        configuration.connection.pongTimeout = .seconds(5)
        let client = try await WebSocketClient.connect(to: echo.url, configuration: configuration)
        let (pongs, pongSink) = AsyncStream.makeStream(of: ByteBuffer.self)
        try await client.connection.eventLoop.submit {
            client.connection.onPong = { pongSink.yield($0) }
        }.get()

        let seen = try await LiveHarness.count(3, of: pongs, "three keepalive pongs")
        #expect(seen == 3)
        #expect(await client.close() == WebSocketCloseStatus(code: .normalClosure))
        await echo.server.shutdown()
    }

    /// OCPP's `WebSocketPingInterval` may change on an open connection: pings start without a
    /// reconnect.
    @Test func thePingIntervalCanBeTurnedOnWhileOpen() async throws {
        let echo = try await LiveHarness.echoServer()
        let client = try await WebSocketClient.connect(to: echo.url)
        let (pongs, pongSink) = AsyncStream.makeStream(of: ByteBuffer.self)
        try await client.connection.eventLoop.submit {
            client.connection.onPong = { pongSink.yield($0) }
            client.connection.setPingInterval(.milliseconds(20))
        }.get()

        let seen = try await LiveHarness.count(2, of: pongs, "two keepalive pongs after the interval was set")
        #expect(seen == 2)
        #expect(await client.close() == WebSocketCloseStatus(code: .normalClosure))
        await echo.server.shutdown()
    }

    @Test func aPeerThatNeverAnswersPingsIsDeclaredDead() async throws {
        let silent = try await LiveHarness.silentServer()
        let port = silent.localAddress?.port ?? 0
        var configuration = WebSocketClientConfiguration()
        configuration.connection.pingInterval = .milliseconds(20)
        configuration.connection.pongTimeout = .milliseconds(50)
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(port)", configuration: configuration)
        let status = try await LiveTimeout.run("the dead peer verdict") { await client.closeStatus }
        #expect(status == WebSocketCloseStatus(code: .abnormalClosure, reason: "no pong received"))
        try await silent.close()
    }

    /// A process holding many connections drives their keepalive from one timer of its own (the
    /// fleet's timer queue); here a repeating task stands in for it.
    @Test func anExternallyDrivenKeepaliveSendsPingsThatAreAnswered() async throws {
        let echo = try await LiveHarness.echoServer()
        var configuration = WebSocketClientConfiguration()
        configuration.connection.pingInterval = .milliseconds(20)
        // Far longer than the test's timeout: a driver that waited for the pong deadline before
        // the next ping (instead of the interval after the pong) could not see three pongs.
        configuration.connection.pongTimeout = .seconds(60)
        let client = try await WebSocketClient.connect(to: echo.url, configuration: configuration)
        let (pongs, pongSink) = AsyncStream.makeStream(of: ByteBuffer.self)
        let connection = client.connection
        // Driven as the fleet does: one timer at `keepaliveDeadline`, re-armed only when it fires
        // (never on a received frame).
        try await connection.eventLoop.submit {
            connection.onPong = { pongSink.yield($0) }
            connection.driveKeepaliveExternally()
            func arm() {
                guard let deadline = connection.keepaliveDeadline else { return }
                connection.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                    connection.keepaliveTimerFired()
                    arm()
                }
            }
            arm()
        }.get()
        #expect(try await connection.eventLoop.submit { connection.keepaliveDeadline != nil }.get())

        let seen = try await LiveHarness.count(3, of: pongs, "three externally driven keepalive pongs")
        #expect(seen == 3)
        #expect(await client.close() == WebSocketCloseStatus(code: .normalClosure))
        await echo.server.shutdown()
    }

    @Test func anExternallyDrivenKeepaliveDeclaresASilentPeerDead() async throws {
        let silent = try await LiveHarness.silentServer()
        let port = silent.localAddress?.port ?? 0
        var configuration = WebSocketClientConfiguration()
        configuration.connection.pingInterval = .milliseconds(20)
        configuration.connection.pongTimeout = .milliseconds(50)
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(port)", configuration: configuration)
        let connection = client.connection
        let driver = try await connection.eventLoop.submit {
            connection.driveKeepaliveExternally()
            return connection.eventLoop.scheduleRepeatedTask(
                initialDelay: .milliseconds(5), delay: .milliseconds(5)
            ) { _ in connection.keepaliveTimerFired() }
        }.get()
        let status = try await LiveTimeout.run("the dead peer verdict") { await client.closeStatus }
        #expect(status == WebSocketCloseStatus(code: .abnormalClosure, reason: "no pong received"))
        driver.cancel()
        try await silent.close()
    }

    // MARK: - Close handshake

    @Test func clientInitiatedCloseCarriesCodeAndReasonToTheServer() async throws {
        let echo = try await LiveHarness.echoServer()
        let client = try await WebSocketClient.connect(to: echo.url)
        let status = await client.close(code: CloseCode(4000), reason: "charger going offline")
        // The server echoes the code (RFC 6455 section 5.5.1).
        #expect(status.code == CloseCode(4000))
        let serverSaw = try await LiveHarness.first("the server's close", of: echo.closes)
        #expect(serverSaw == WebSocketCloseStatus(code: CloseCode(4000), reason: "charger going offline"))
        await #expect(throws: WebSocketClientError.notOpen) { try await client.send(text: "too late") }
        await echo.server.shutdown()
    }

    @Test func serverInitiatedCloseReachesTheClient() async throws {
        let echo = try await LiveHarness.echoServer()
        let client = try await WebSocketClient.connect(to: echo.url)
        let serverSide = try await LiveHarness.first("the server connection", of: echo.connections)
        let result = try await serverSide.eventLoop.submit {
            serverSide.close(code: .policyViolation, reason: "unknown charger")
        }.get()
        #expect(result == .queued)
        #expect(await client.closeStatus == WebSocketCloseStatus(code: .policyViolation, reason: "unknown charger"))
        #expect(try await LiveHarness.first("the server's close", of: echo.closes).code == .policyViolation)
        await echo.server.shutdown()
    }

    @Test func serverShutdownClosesOpenConnectionsGoingAway() async throws {
        let echo = try await LiveHarness.echoServer()
        let first = try await WebSocketClient.connect(to: echo.url)
        let second = try await WebSocketClient.connect(to: echo.url)
        await echo.server.shutdown()
        #expect(await first.closeStatus.code == .goingAway)
        #expect(await second.closeStatus.code == .goingAway)
        #expect(echo.server.connectionCount == 0)
    }
}

import NIOCore
import NIOEmbedded
import TestSupport
import Testing
import WebSocket

/// ``TLSHandler`` on two `EmbeddedChannel`s whose ciphertext the test carries across by hand:
/// no network, every byte and every event observable.
@Suite struct TLSHandlerTests {
    /// Collects the handshake events that reach the top of a pipeline.
    final class EventCollector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        var handshakes: [TLSHandshakeCompleted] = []
        var reads = 0

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            reads += 1
            context.fireChannelRead(data)
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let completed = event as? TLSHandshakeCompleted { handshakes.append(completed) }
            context.fireUserInboundEventTriggered(event)
        }
    }

    struct Pair {
        let client: EmbeddedChannel
        let server: EmbeddedChannel
        let clientEvents = EventCollector()
        let serverEvents = EventCollector()

        init(clientConfiguration: TLSConfiguration? = nil, serverHostname: String = "localhost") throws {
            let certificates = try TLSTestCertificates.shared.get()
            let clientContext = try TLSContext(
                configuration: clientConfiguration
                    ?? .client(
                        trustRoots: .caFile(certificates.authority.certificateFile),
                        certificate: certificates.client.certificateFiles))
            let serverContext = try TLSContext(
                configuration: .server(
                    certificate: certificates.server.certificateFiles,
                    clientCertificateVerification: .optional(caFile: certificates.authority.certificateFile)))
            client = EmbeddedChannel()
            server = EmbeddedChannel()
            try client.pipeline.syncOperations.addHandler(
                TLSHandler(context: clientContext, serverHostname: serverHostname))
            try client.pipeline.syncOperations.addHandler(clientEvents)
            try server.pipeline.syncOperations.addHandler(TLSHandler(context: serverContext))
            try server.pipeline.syncOperations.addHandler(serverEvents)
            let address = try SocketAddress(ipAddress: "127.0.0.1", port: 1)
            try server.connect(to: address).wait()
            try client.connect(to: address).wait()
        }

        /// Carries ciphertext both ways until neither side has anything to send (each `writeInbound`
        /// is a read burst). With `dripFeed` each byte arrives in its own burst, so records are split.
        func pump(dripFeed: Bool = false) throws {
            var moved = true
            while moved {
                moved = try carry(from: client, to: server, dripFeed: dripFeed)
                moved = try carry(from: server, to: client, dripFeed: dripFeed) || moved
            }
        }

        private func carry(from source: EmbeddedChannel, to sink: EmbeddedChannel, dripFeed: Bool) throws -> Bool {
            var moved = false
            while var bytes = try source.readOutbound(as: ByteBuffer.self) {
                moved = true
                guard sink.isActive else { continue }
                if dripFeed {
                    while let byte = bytes.readSlice(length: 1) { try sink.writeInbound(byte) }
                } else {
                    try sink.writeInbound(bytes)
                }
            }
            return moved
        }

        func finish() {
            _ = try? client.finish()
            _ = try? server.finish()
        }
    }

    private func text(_ string: String) -> ByteBuffer { ByteBuffer(string: string) }

    @Test(arguments: [false, true])
    func handshakeAndDataSurviveAnySplitOfTheCiphertext(dripFeed: Bool) throws {
        let pair = try Pair()
        defer { pair.finish() }
        try pair.pump(dripFeed: dripFeed)

        #expect(pair.clientEvents.handshakes.map(\.peerCertificateSubjectCN) == ["localhost"])
        #expect(pair.serverEvents.handshakes.map(\.peerCertificateSubjectCN) == ["CP-0042"])

        try pair.client.writeAndFlush(text("ping")).wait()
        try pair.pump(dripFeed: dripFeed)
        #expect(try pair.server.readInbound(as: ByteBuffer.self) == text("ping"))
        try pair.server.writeAndFlush(text("pong")).wait()
        try pair.pump(dripFeed: dripFeed)
        #expect(try pair.client.readInbound(as: ByteBuffer.self) == text("pong"))
    }

    @Test func clientHelloGoesOutWhenTheChannelBecomesActive() throws {
        let pair = try Pair()
        defer { pair.finish() }
        let hello = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
        // A TLS record of type handshake (22) whose first message is a ClientHello (1).
        #expect(hello.getInteger(at: 0, as: UInt8.self) == 22)
        #expect(hello.getInteger(at: 5, as: UInt8.self) == 1)
    }

    @Test func recordsOfOneReadBurstArePassedOnAsOneRead() throws {
        let pair = try Pair()
        defer { pair.finish() }
        try pair.pump()
        for word in ["one ", "two ", "three"] {
            try pair.client.writeAndFlush(text(word)).wait()
        }
        // One channelRead per record, as a socket would deliver them in one read burst.
        while let record = try pair.client.readOutbound(as: ByteBuffer.self) {
            pair.server.pipeline.syncOperations.fireChannelRead(NIOAny(record))
        }
        #expect(pair.serverEvents.reads == 0)
        pair.server.pipeline.syncOperations.fireChannelReadComplete()
        #expect(pair.serverEvents.reads == 1)
        #expect(try pair.server.readInbound(as: ByteBuffer.self) == text("one two three"))
    }

    @Test func writesBeforeTheHandshakeCompleteTheirPromisesAfterIt() throws {
        let pair = try Pair()
        defer { pair.finish() }
        let first = pair.client.write(text("early "))
        let second = pair.client.writeAndFlush(text("bird"))
        var completed = 0
        first.and(second).assumeIsolated().whenComplete { _ in completed += 1 }
        pair.client.embeddedEventLoop.run()
        #expect(completed == 0)
        try pair.pump()
        #expect(completed == 1)
        try first.wait()
        try second.wait()
        #expect(try pair.server.readInbound(as: ByteBuffer.self) == text("early bird"))
    }

    /// Writes when the handshake completes, as a WebSocket client sends its upgrade request.
    final class WriterOnHandshake: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is TLSHandshakeCompleted {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "second")), promise: nil)
            }
            context.fireUserInboundEventTriggered(event)
        }
    }

    @Test func writesHeldDuringTheHandshakeGoBeforeWritesMadeOnItsEvent() throws {
        let pair = try Pair()
        defer { pair.finish() }
        try pair.client.pipeline.syncOperations.addHandler(WriterOnHandshake())
        pair.client.writeAndFlush(text("first "), promise: nil)
        try pair.pump()
        var received = ByteBuffer()
        while var part = try pair.server.readInbound(as: ByteBuffer.self) { received.writeBuffer(&part) }
        #expect(received == text("first second"))
    }

    @Test func closeSendsCloseNotifyAndThePeerClosesCleanly() throws {
        let pair = try Pair()
        defer { pair.finish() }
        try pair.pump()
        try pair.client.close().wait()
        // pump() throws if an error reached the end of either pipeline.
        try pair.pump()
        #expect(!pair.server.isActive)
        #expect(throws: ChannelError.ioOnClosedChannel) { try pair.server.writeAndFlush(text("late")).wait() }
    }

    @Test func connectionLostDuringTheHandshakeIsUnexpectedEOF() throws {
        let pair = try Pair()
        defer { pair.finish() }
        _ = try pair.client.readOutbound(as: ByteBuffer.self)
        let held = pair.client.writeAndFlush(text("never sent"))
        pair.client.pipeline.fireChannelInactive()
        #expect(throws: TLSError.unexpectedEOF) { try pair.client.throwIfErrorCaught() }
        #expect(throws: TLSError.unexpectedEOF) { try held.wait() }
    }

    @Test func handshakeThatDoesNotFinishInTimeFails() throws {
        let pair = try Pair()
        defer { pair.finish() }
        pair.client.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(pair.client.isActive)
        pair.client.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(throws: TLSError.handshakeTimedOut) { try pair.client.throwIfErrorCaught() }
        #expect(!pair.client.isActive)
    }

    @Test func finishedHandshakeStopsTheTimer() throws {
        let pair = try Pair()
        defer { pair.finish() }
        try pair.pump()
        pair.client.embeddedEventLoop.advanceTime(by: .seconds(60))
        pair.server.embeddedEventLoop.advanceTime(by: .seconds(60))
        try pair.client.throwIfErrorCaught()
        try pair.server.throwIfErrorCaught()
        #expect(pair.client.isActive && pair.server.isActive)
    }

    @Test func failedHandshakeSendsTheAlertAndCloses() throws {
        let other = try TLSTestCertificates.shared.get().otherAuthority
        let pair = try Pair(clientConfiguration: .client(trustRoots: .caFile(other.certificateFile)))
        defer { pair.finish() }
        #expect(throws: TLSError.unknownCertificateAuthority) { try pair.pump() }
        #expect(!pair.client.isActive)
        // The server reads the client's alert (encrypted under TLS 1.3 handshake keys).
        let alert = try #require(try pair.client.readOutbound(as: ByteBuffer.self))
        let error = #expect(throws: TLSError.self) { try pair.server.writeInbound(alert) }
        guard case .handshakeFailed(let reason)? = error else {
            Issue.record("expected a handshake failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("unknown ca"))
    }
}

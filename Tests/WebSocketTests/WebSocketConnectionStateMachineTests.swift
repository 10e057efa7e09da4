import NIOCore
import TestSupport
import Testing
import WebSocket

/// The connection core: reassembly, control frames, close handshake, limits, keepalive.
@Suite struct WebSocketConnectionStateMachineTests {
    static let key: (UInt8, UInt8, UInt8, UInt8) = (0x11, 0x22, 0x33, 0x44)

    /// A frame as the peer of `role` would send it (clients mask, servers do not).
    func peerFrame(fin: Bool = true, _ opcode: Opcode, _ payload: [UInt8], to role: WebSocketRole) -> [UInt8] {
        WireFrame(fin: fin, opcode: opcode.rawValue, masked: role == .server ? Self.key : nil, payload: payload).bytes
    }

    func peerFrame(fin: Bool = true, _ opcode: Opcode, _ text: String, to role: WebSocketRole = .server) -> [UInt8] {
        peerFrame(fin: fin, opcode, Array(text.utf8), to: role)
    }

    func closePayload(_ code: UInt16, _ reason: String = "") -> [UInt8] {
        [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8)
    }

    func makeMachine(
        _ role: WebSocketRole = .server, _ configuration: WebSocketConnectionStateMachine.Configuration = .init(),
        clock: ManualClock = ManualClock()
    ) -> WebSocketConnectionStateMachine {
        WebSocketConnectionStateMachine(
            role: role, configuration: configuration, now: clock.now, maskingKeys: SeededGenerator(seed: 7))
    }

    func feed(_ machine: inout WebSocketConnectionStateMachine, _ bytes: [UInt8], now: NIODeadline = ManualClock().now)
        -> [WebSocketEvent]
    {
        machine.receivedBytes(ByteBuffer(bytes: bytes), now: now)
        var events: [WebSocketEvent] = []
        while let event = machine.nextEvent() { events.append(event) }
        return events
    }

    /// Decodes what the machine wrote, as its peer would.
    func writtenFrames(_ machine: inout WebSocketConnectionStateMachine) throws -> [Frame] {
        guard let output = machine.takeOutput() else { return [] }
        var parser = FrameParser(
            configuration: .init(role: machine.role == .server ? .client : .server, maxFrameSize: 1 << 24))
        parser.append(output)
        var frames: [Frame] = []
        while let frame = try parser.nextFrame() { frames.append(frame) }
        #expect(parser.bufferedByteCount == 0)
        return frames
    }

    func closeFrame(_ code: CloseCode?) -> Frame {
        var payload = ByteBuffer()
        if let code { payload.writeInteger(code.rawValue) }
        return Frame(opcode: .close, payload: payload)
    }

    func expectFailure(
        _ bytes: [UInt8], code: CloseCode, role: WebSocketRole = .server,
        configuration: WebSocketConnectionStateMachine.Configuration = .init(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var machine = makeMachine(role, configuration)
        let events = feed(&machine, bytes)
        let expectedEvents: [WebSocketEvent] =
            role == .server ? [.closed(.init(code: code)), .closeTransport] : [.closed(.init(code: code))]
        #expect(events.map(\.withoutReason) == expectedEvents, sourceLocation: sourceLocation)
        let frames = try writtenFrames(&machine)
        #expect(frames.count == 1, sourceLocation: sourceLocation)
        #expect(
            frames.first?.payload.getInteger(at: frames.first?.payload.readerIndex ?? 0, as: UInt16.self)
                == code.rawValue, sourceLocation: sourceLocation)
        #expect(!machine.isOpen, sourceLocation: sourceLocation)
        // The same failure however the bytes are cut.
        DripFeed.verify(
            bytes, expected: expectedEvents, repeatable: false, makeParser: { makeMachine(role, configuration) },
            feed: { machine, buffer in feed(&machine, Array(buffer.readableBytesView)).map(\.withoutReason) },
            sourceLocation: sourceLocation)
    }

    // MARK: Messages

    @Test func singleFrameTextAndBinary() throws {
        var machine = makeMachine()
        let events = feed(&machine, peerFrame(.text, "Hello") + peerFrame(.binary, [1, 2, 3], to: .server))
        #expect(events == [.text("Hello"), .binary(ByteBuffer(bytes: [1, 2, 3]))])
        #expect(machine.takeOutput() == nil)
    }

    @Test func fragmentsWithInterleavedControlFramesAreDripFedAlike() {
        let bytes =
            peerFrame(fin: false, .text, "Hel") + peerFrame(.ping, "p1") + peerFrame(fin: false, .continuation, "l")
            + peerFrame(.pong, "p2") + peerFrame(.continuation, "o, wörld")
            + peerFrame(fin: false, .binary, [9], to: .server)
            + peerFrame(.continuation, [8], to: .server)
        DripFeed.verify(
            bytes,
            expected: [
                .ping(ByteBuffer(string: "p1")), .pong(ByteBuffer(string: "p2")), .text("Hello, wörld"),
                .binary(ByteBuffer(bytes: [9, 8])),
            ] as [WebSocketEvent],
            makeParser: { makeMachine() },
            feed: { machine, buffer in
                machine.receivedBytes(buffer, now: ManualClock().now)
                var events: [WebSocketEvent] = []
                while let event = machine.nextEvent() { events.append(event) }
                return events
            })
    }

    @Test func pingIsAnsweredWithItsPayload() throws {
        for role in [WebSocketRole.server, .client] {
            var machine = makeMachine(role)
            let events = feed(&machine, peerFrame(.ping, Array("are you there".utf8), to: role))
            #expect(events == [.ping(ByteBuffer(string: "are you there"))])
            #expect(try writtenFrames(&machine) == [Frame(opcode: .pong, payload: ByteBuffer(string: "are you there"))])
        }
    }

    @Test func continuationWithoutStartIsAProtocolError() throws {
        try expectFailure(peerFrame(.continuation, "x"), code: .protocolError)
    }

    @Test func newDataFrameInsideFragmentedMessageIsAProtocolError() throws {
        try expectFailure(peerFrame(fin: false, .text, "a") + peerFrame(.text, "b"), code: .protocolError)
        try expectFailure(peerFrame(fin: false, .binary, "a") + peerFrame(.binary, "b"), code: .protocolError)
    }

    @Test func frameRuleViolationsFailWith1002() throws {
        try expectFailure(WireFrame(opcode: 3, masked: Self.key).bytes, code: .protocolError)
        try expectFailure(WireFrame(rsv: 4, opcode: 1, masked: Self.key, payload: [0x41]).bytes, code: .protocolError)
        try expectFailure(WireFrame(.text, "unmasked").bytes, code: .protocolError)
        try expectFailure(WireFrame(.text, "masked", masked: Self.key).bytes, code: .protocolError, role: .client)
        try expectFailure(WireFrame(fin: false, .ping, "x", masked: Self.key).bytes, code: .protocolError)
    }

    @Test func invalidUTF8TextFailsWith1007() throws {
        try expectFailure(
            peerFrame(.text, [0xCE, 0xBA, 0xED, 0xA0, 0x80], to: .server), code: .invalidFramePayloadData)
        // Truncated at the end of the message.
        try expectFailure(
            peerFrame(fin: false, .text, [0x61], to: .server) + peerFrame(.continuation, [0xE2, 0x82], to: .server),
            code: .invalidFramePayloadData)
    }

    @Test func invalidUTF8FailsFastAcrossFragments() throws {
        // Autobahn 6.4.1: the second of three fragments is impossible; fail before the third.
        var machine = makeMachine()
        #expect(feed(&machine, peerFrame(fin: false, .text, "κόσμε")) == [])
        let events = feed(&machine, peerFrame(fin: false, .continuation, [0xF4, 0x90, 0x80, 0x80], to: .server))
        #expect(events.map(\.withoutReason) == [.closed(.init(code: .invalidFramePayloadData)), .closeTransport])
    }

    @Test func invalidUTF8FailsFastInsideOneFrame() throws {
        // Autobahn 6.4.3: one frame arriving in chunks; the impossible byte fails it at once.
        var machine = makeMachine()
        let bytes = peerFrame(
            .text, Array("κόσμε".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("edited".utf8), to: .server)
        #expect(feed(&machine, Array(bytes[0..<12])) == [])
        let events = feed(&machine, Array(bytes[12..<18]))
        #expect(events.map(\.withoutReason) == [.closed(.init(code: .invalidFramePayloadData)), .closeTransport])
    }

    @Test func textSplitInsideACharacterAcrossFragmentsIsValid() {
        var machine = makeMachine()
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        let events = feed(
            &machine,
            peerFrame(fin: false, .text, [euro[0]], to: .server)
                + peerFrame(fin: false, .continuation, [euro[1]], to: .server)
                + peerFrame(.continuation, [euro[2]], to: .server))
        #expect(events == [.text("€")])
    }

    // MARK: Limits

    @Test func frameOverMaxFrameSizeFailsWith1009() throws {
        try expectFailure(
            peerFrame(.binary, Array(repeating: 1, count: 101), to: .server), code: .messageTooBig,
            configuration: .init(maxFrameSize: 100, maxMessageSize: 1000))
    }

    @Test func messageOverMaxMessageSizeFailsBeforeThePayloadArrives() throws {
        var machine = makeMachine(.server, .init(maxFrameSize: 100, maxMessageSize: 150))
        #expect(feed(&machine, peerFrame(fin: false, .binary, Array(repeating: 1, count: 100), to: .server)) == [])
        // Only the header of a 60-byte continuation: 160 > 150 is known now.
        let header = Array(peerFrame(.continuation, Array(repeating: 2, count: 60), to: .server).prefix(6))
        let events = feed(&machine, header)
        #expect(events.map(\.withoutReason) == [.closed(.init(code: .messageTooBig)), .closeTransport])
    }

    @Test func messageExactlyAtTheLimitIsDelivered() {
        var machine = makeMachine(.server, .init(maxFrameSize: 100, maxMessageSize: 150))
        let events = feed(
            &machine,
            peerFrame(fin: false, .binary, Array(repeating: 1, count: 100), to: .server)
                + peerFrame(.continuation, Array(repeating: 2, count: 50), to: .server))
        #expect(
            events == [.binary(ByteBuffer(bytes: Array(repeating: 1, count: 100) + Array(repeating: 2, count: 50)))])
    }

    // MARK: Close handshake

    @Test func peerCloseIsEchoedAndServerClosesTransport() throws {
        var machine = makeMachine(.server)
        let events = feed(&machine, peerFrame(.close, closePayload(1000, "bye"), to: .server))
        #expect(events == [.closed(.init(code: .normalClosure, reason: "bye")), .closeTransport])
        #expect(try writtenFrames(&machine) == [closeFrame(.normalClosure)])
        #expect(machine.send(text: "late") == .notOpen)
    }

    @Test func clientWaitsForServerToCloseTransportThenTimesOut() throws {
        var clock = ManualClock()
        var machine = makeMachine(.client, .init(closeTimeout: .seconds(3)), clock: clock)
        let events = feed(&machine, peerFrame(.close, closePayload(1001), to: .client), now: clock.now)
        #expect(events == [.closed(.init(code: .goingAway))])
        #expect(try writtenFrames(&machine) == [closeFrame(.goingAway)])
        #expect(machine.nextDeadline == clock.now + .seconds(3))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .none)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(1))) == .closeTransport)
        #expect(machine.transportClosed() == nil)
    }

    @Test func emptyCloseIsEchoedEmptyAndReportedAs1005() throws {
        var machine = makeMachine(.server)
        let events = feed(&machine, peerFrame(.close, [], to: .server))
        #expect(events == [.closed(.init(code: .noStatusReceived)), .closeTransport])
        #expect(try writtenFrames(&machine) == [closeFrame(nil)])
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000] as [UInt16])
    func closeWithInvalidCodeFailsWith1002(code: UInt16) throws {
        try expectFailure(peerFrame(.close, closePayload(code), to: .server), code: .protocolError)
    }

    @Test func closeWithOneBytePayloadFailsWith1002() throws {
        try expectFailure(peerFrame(.close, [0x03], to: .server), code: .protocolError)
    }

    @Test func closeWithInvalidUTF8ReasonFailsWith1007() throws {
        try expectFailure(peerFrame(.close, closePayload(1000) + [0xFF], to: .server), code: .invalidFramePayloadData)
    }

    @Test func localCloseIgnoresDataThenCompletesOnPeerClose() throws {
        let clock = ManualClock()
        var machine = makeMachine(.server, clock: clock)
        #expect(machine.close(code: .goingAway, reason: "shutdown", now: clock.now) == .queued)
        let frames = try writtenFrames(&machine)
        #expect(frames.count == 1)
        #expect(String(buffer: frames[0].payload.getSlice(at: 2, length: 8) ?? ByteBuffer()) == "shutdown")
        #expect(machine.send(binary: ByteBuffer(bytes: [1])) == .notOpen)
        #expect(machine.sendPing(ByteBuffer()) == .notOpen)
        #expect(machine.nextDeadline == clock.now + .seconds(5))
        let events = feed(
            &machine,
            peerFrame(.text, "ignored") + peerFrame(.ping, "x") + peerFrame(.close, closePayload(1001), to: .server))
        #expect(events == [.closed(.init(code: .goingAway)), .closeTransport])
        // No pong, no second close: nothing may follow our close frame.
        #expect(machine.takeOutput() == nil)
    }

    @Test func localCloseTimesOutWithoutPeerClose() {
        var clock = ManualClock()
        var machine = makeMachine(.client, .init(closeTimeout: .seconds(2)), clock: clock)
        #expect(machine.close(now: clock.now) == .queued)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .closeTransport)
        #expect(machine.closeStatus?.code == .abnormalClosure)
    }

    @Test func clientFailureSendsCloseAndWaitsForServer() throws {
        var machine = makeMachine(.client)
        let events = feed(&machine, WireFrame(opcode: 3).bytes)
        #expect(events.map(\.withoutReason) == [.closed(.init(code: .protocolError))])
        let frames = try writtenFrames(&machine)
        #expect(frames.count == 1)
        #expect(frames.first?.opcode == .close)
        #expect(machine.nextDeadline != nil)
        // Whatever the server sends now is not processed.
        #expect(feed(&machine, peerFrame(.text, "more", to: .client)) == [])
    }

    @Test func transportLossWithoutCloseIs1006() {
        var machine = makeMachine()
        #expect(
            machine.transportClosed()
                == WebSocketCloseStatus(code: .abnormalClosure, reason: "connection closed without a close frame"))
        #expect(machine.transportClosed() == nil)
    }

    @Test func invalidSendRequestsAreRefused() {
        var machine = makeMachine()
        #expect(machine.sendPing(ByteBuffer(repeating: 0, count: 126)) == .invalidArgument)
        #expect(machine.close(code: CloseCode(1005), now: ManualClock().now) == .invalidArgument)
        #expect(machine.isOpen)
    }

    // MARK: Sending

    @Test func serverSendsUnmaskedAndClientSendsMaskedFrames() throws {
        var server = makeMachine(.server)
        #expect(server.send(text: "Hello") == .queued)
        #expect(server.takeOutput().map { Array($0.readableBytesView) } == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])

        var client = makeMachine(.client)
        #expect(client.send(text: "Hello") == .queued)
        #expect(client.send(binary: ByteBuffer(bytes: [1, 2])) == .queued)
        let taken = client.takeOutput()
        let output = try #require(taken)
        #expect(output.getInteger(at: output.readerIndex + 1, as: UInt8.self) == 0x85)
        var other = makeMachine(.client)
        #expect(other.send(text: "Hello") == .queued)
        var frames: [Frame] = []
        var parser = FrameParser(configuration: .init(role: .server, maxFrameSize: 100))
        parser.append(output)
        while let frame = try parser.nextFrame() { frames.append(frame) }
        #expect(
            frames == [
                Frame(opcode: .text, payload: ByteBuffer(string: "Hello")),
                Frame(opcode: .binary, payload: ByteBuffer(bytes: [1, 2])),
            ])
    }

    @Test func unsolicitedPongAndLongCloseReason() throws {
        var machine = makeMachine(.server)
        #expect(machine.sendPong(ByteBuffer(string: "beat")) == .queued)
        #expect(
            machine.close(code: CloseCode(4000), reason: String(repeating: "x", count: 200), now: ManualClock().now)
                == .queued)
        let frames = try writtenFrames(&machine)
        #expect(frames.map(\.opcode) == [.pong, .close])
        #expect(frames.last?.payload.readableBytes == 125)
        #expect(frames.last?.payload.getInteger(at: frames.last?.payload.readerIndex ?? 0, as: UInt16.self) == 4000)
    }

    // MARK: Keepalive

    @Test func pingAfterSilenceAndDeadWithoutPong() throws {
        var clock = ManualClock()
        let start = clock.now
        var machine = makeMachine(.client, .init(pingInterval: .seconds(10), pongTimeout: .seconds(5)), clock: clock)
        #expect(machine.nextDeadline == start + .seconds(10))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(9))) == .none)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(1))) == .sendPing)
        let frames = try writtenFrames(&machine)
        #expect(frames.map(\.opcode) == [.ping])
        #expect(machine.nextDeadline == clock.now + .seconds(5))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(4))) == .none)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(1))) == .connectionDead)
        #expect(machine.closeStatus?.code == .abnormalClosure)
        #expect(machine.nextDeadline == nil)
        #expect(machine.transportClosed() == nil)
    }

    @Test func pongRestartsTheSilenceClock() {
        var clock = ManualClock()
        var machine = makeMachine(.client, .init(pingInterval: .seconds(10), pongTimeout: .seconds(5)), clock: clock)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(10))) == .sendPing)
        let pongTime = clock.advance(by: .seconds(2))
        #expect(
            feed(&machine, peerFrame(.pong, [0, 0, 0, 1], to: .client), now: pongTime) == [
                .pong(ByteBuffer(bytes: [0, 0, 0, 1]))
            ])
        #expect(machine.nextDeadline == pongTime + .seconds(10))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(5))) == .none)
        #expect(machine.isOpen)
    }

    /// A timer re-armed only when it fires (a fleet's shared one) wakes up for the next ping a
    /// prompt pong allows, then every interval while the pong is late, never past its deadline.
    @Test func keepaliveWakeUpForATimerNotReArmedOnFrames() throws {
        var clock = ManualClock()
        let start = clock.now
        var machine = makeMachine(.client, .init(pingInterval: .seconds(2), pongTimeout: .seconds(5)), clock: clock)
        #expect(machine.keepaliveWakeUp == start + .seconds(2))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .sendPing)
        _ = try writtenFrames(&machine)
        let pingTime = clock.now
        #expect(machine.keepaliveWakeUp == pingTime + .seconds(2))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .none)
        #expect(machine.keepaliveWakeUp == pingTime + .seconds(4))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .none)
        #expect(machine.keepaliveWakeUp == pingTime + .seconds(5))
        let pongTime = clock.advance(by: .milliseconds(500))
        _ = feed(&machine, peerFrame(.pong, [0, 0, 0, 1], to: .client), now: pongTime)
        #expect(machine.keepaliveWakeUp == pongTime + .seconds(2))
        machine.setPingInterval(nil)
        #expect(machine.keepaliveWakeUp == nil)
    }

    @Test func receivedDataPostponesThePing() {
        var clock = ManualClock()
        var machine = makeMachine(.server, .init(pingInterval: .seconds(10)), clock: clock)
        let dataTime = clock.advance(by: .seconds(8))
        #expect(feed(&machine, peerFrame(.text, "tick"), now: dataTime) == [.text("tick")])
        #expect(machine.timerFired(now: clock.advance(by: .seconds(2))) == .none)
        #expect(machine.nextDeadline == dataTime + .seconds(10))
    }

    @Test func pingIntervalChangesOnALiveConnection() {
        var clock = ManualClock()
        let start = clock.now
        var machine = makeMachine(.client, clock: clock)
        machine.setPingInterval(.seconds(30))
        #expect(machine.nextDeadline == start + .seconds(30))
        #expect(machine.timerFired(now: clock.advance(by: .seconds(30))) == .sendPing)
        machine.setPingInterval(.zero)
        #expect(machine.nextDeadline == nil)
        #expect(machine.timerFired(now: clock.advance(by: .seconds(60))) == .none)
        #expect(machine.isOpen)
    }

    @Test func noKeepaliveWithoutInterval() {
        let machine = makeMachine()
        #expect(machine.nextDeadline == nil)
    }

    /// A shell may lend the core one buffer for all its frames (issue 11): the frames written into
    /// it are the bytes of a fresh buffer, whatever the lent buffer held, and an unused one comes
    /// back empty.
    @Test func framesWrittenIntoARecycledBufferAreTheSame() {
        var fresh = makeMachine(.client)
        var recycling = makeMachine(.client)
        var spare = ByteBuffer(bytes: Array(repeating: 0xEE, count: 300))
        for text in ["[2,\"1\",\"Heartbeat\",{}]", String(repeating: "x", count: 200), ""] {
            _ = fresh.send(utf8Text: Array(text.utf8))
            recycling.recycleOutputBuffer(spare)
            _ = recycling.send(utf8Text: Array(text.utf8))
            let expected = fresh.takeOutput()
            spare = recycling.takeOutputBuffer()
            #expect(spare == expected)
        }
        recycling.recycleOutputBuffer(spare)
        #expect(recycling.takeOutput() == nil)
        #expect(recycling.takeOutputBuffer().readableBytes == 0)
    }
}

extension WebSocketEvent {
    /// The event with any close reason blanked, for tests that check only the code.
    var withoutReason: WebSocketEvent {
        if case .closed(let status) = self { return .closed(.init(code: status.code)) }
        return self
    }
}

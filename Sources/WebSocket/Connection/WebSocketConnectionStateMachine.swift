import NIOCore

/// The sans-I/O core of one WebSocket connection after the opening handshake (RFC 6455
/// sections 5-7, RFC 7692 when a `PerMessageDeflate` is given).
///
/// Drive it from a channel handler:
/// 1. `receivedBytes(_:now:)` with each read, then `nextEvent()` until it returns nil;
/// 2. `send(text:)`, `send(binary:)`, `sendPing(_:now:)`, `close(code:reason:now:)` from the user;
/// 3. after each burst, `takeOutput()` and write + flush what it returns;
/// 4. arm one timer at `nextDeadline` and call `timerFired(now:)` when it fires;
/// 5. `transportClosed()` when the TCP connection goes away.
///
/// Protocol errors never throw out of the machine: they become a close frame with the right
/// code in the output and a `.closed` event, as section 7.1.7 ("Fail the WebSocket Connection")
/// asks. Not thread-safe; lives on the connection's event loop.
public struct WebSocketConnectionStateMachine {
    /// Limits and timers of a connection.
    public struct Configuration: Sendable, Equatable {
        /// The largest frame payload accepted; a bigger frame closes with 1009.
        public var maxFrameSize: Int
        /// The largest message accepted (after reassembly and inflation); bigger closes with 1009.
        public var maxMessageSize: Int
        /// Send a ping after this much silence from the peer; nil disables keepalive.
        public var pingInterval: TimeAmount?
        /// How long to wait for a pong before declaring the connection dead.
        public var pongTimeout: TimeAmount
        /// How long to wait for the peer's close frame, and (client) for the server to close TCP.
        public var closeTimeout: TimeAmount
        /// Messages shorter than this are sent uncompressed even with permessage-deflate
        /// (RFC 7692 section 6 lets each message choose).
        public var compressionThreshold: Int

        public init(
            maxFrameSize: Int = 16 << 20,
            maxMessageSize: Int = 16 << 20,
            pingInterval: TimeAmount? = nil,
            pongTimeout: TimeAmount = .seconds(10),
            closeTimeout: TimeAmount = .seconds(5),
            compressionThreshold: Int = 0
        ) {
            self.maxFrameSize = maxFrameSize
            self.maxMessageSize = maxMessageSize
            self.pingInterval = pingInterval
            self.pongTimeout = pongTimeout
            self.closeTimeout = closeTimeout
            self.compressionThreshold = compressionThreshold
        }
    }

    /// Where the connection is in its lifetime (section 7).
    private enum State {
        /// Messages flow both ways.
        case open
        /// We sent a close frame and wait for the peer's until the deadline; data is ignored.
        case closeSent(deadline: NIODeadline)
        /// The close handshake is over (or the connection failed); the client waits for the
        /// server to close TCP until the deadline (section 7.1.1).
        case awaitingTransportClose(deadline: NIODeadline)
        /// The shell was told to close TCP, or TCP is gone.
        case finished
    }

    /// A data message being reassembled from fragments (section 5.4).
    private enum Assembly {
        /// No message in progress.
        case idle
        /// An uncompressed text message; its bytes are validated as they arrive.
        case text(ByteBuffer)
        /// An uncompressed binary message.
        case binary(ByteBuffer)
        /// A compressed message (RSV1 on its first frame), inflated once complete.
        case compressed(isText: Bool, ByteBuffer)
    }

    /// Our end of the connection.
    public let role: WebSocketRole
    /// The limits and timers in force.
    public private(set) var configuration: Configuration
    private let deflate: PerMessageDeflate?
    private var parser: FrameParser
    private var state: State = .open
    private var assembly: Assembly = .idle
    private var utf8 = UTF8Validator()
    /// Bytes of the current (incomplete) text frame already fed to `utf8`.
    private var validatedInFrame = 0
    private var output: ByteBuffer
    private let allocator: ByteBufferAllocator
    private var maskingKeys: any RandomNumberGenerator
    private var now: NIODeadline
    private var lastReceived: NIODeadline
    private var pingSentAt: NIODeadline?
    private var pingCounter: UInt32 = 0
    private var closeTransportPending = false
    /// Set once the `.closed` event (or the status from `transportClosed`) was produced.
    public private(set) var closeStatus: WebSocketCloseStatus?

    /// - Parameters:
    ///   - deflate: the negotiated permessage-deflate codec, or nil when none was agreed.
    ///   - now: the time the connection opened (starts the keepalive clock).
    ///   - maskingKeys: the source of client masking keys (section 10.3 wants them unpredictable).
    public init(
        role: WebSocketRole,
        configuration: Configuration = Configuration(),
        deflate: PerMessageDeflate? = nil,
        now: NIODeadline,
        allocator: ByteBufferAllocator = ByteBufferAllocator(),
        maskingKeys: any RandomNumberGenerator = MaskingKeyGenerator()
    ) {
        self.role = role
        self.configuration = configuration
        self.deflate = deflate
        self.parser = FrameParser(
            configuration: .init(
                role: role, maxFrameSize: configuration.maxFrameSize, allowsCompression: deflate != nil))
        self.allocator = allocator
        self.output = allocator.buffer(capacity: 0)
        self.maskingKeys = maskingKeys
        self.now = now
        self.lastReceived = now
    }

    /// True while messages may be sent.
    public var isOpen: Bool {
        if case .open = state { return true }
        return false
    }

    // MARK: - Input

    /// Hands over bytes read from the transport (bytes left over after the handshake first).
    public mutating func receivedBytes(_ bytes: ByteBuffer, now: NIODeadline) {
        self.now = now
        switch state {
        case .open, .closeSent:
            lastReceived = now
            parser.append(bytes)
        case .awaitingTransportClose, .finished:
            // Section 7.1.7: no more processing of the peer's data after the connection failed.
            break
        }
    }

    /// The next event produced by the received bytes, or nil when more bytes are needed.
    public mutating func nextEvent() -> WebSocketEvent? {
        if closeTransportPending {
            closeTransportPending = false
            state = .finished
            return .closeTransport
        }
        while true {
            switch state {
            case .open, .closeSent:
                break
            case .awaitingTransportClose, .finished:
                return nil
            }
            do {
                guard let frame = try parser.nextFrame() else {
                    try checkIncompleteFrame()
                    return nil
                }
                if let event = try handle(frame) {
                    return event
                }
            } catch {
                return fail(error)
            }
        }
    }

    /// The bytes to write (frames, pongs, close frames), or nil when there are none.
    public mutating func takeOutput() -> ByteBuffer? {
        guard output.readableBytes > 0 else { return nil }
        let taken = output
        output = allocator.buffer(capacity: 0)
        return taken
    }

    /// Hands the core an empty buffer to write its next output into, when no output is pending (a
    /// shell that recycles one buffer per event loop saves an allocation per frame); `buffer` is
    /// cleared first if it holds bytes. Take it back with `takeOutputBuffer()`.
    public mutating func recycleOutputBuffer(_ buffer: ByteBuffer) {
        guard output.readableBytes == 0 else { return }
        output = buffer
        // Only when needed: `clear()` on a buffer the caller still references allocates anew.
        if output.writerIndex > 0 { output.clear() }
    }

    /// The output buffer itself, empty or not (a recycled one goes back to the shell even when
    /// nothing was written); the core starts a new one.
    public mutating func takeOutputBuffer() -> ByteBuffer {
        let taken = output
        output = allocator.buffer(capacity: 0)
        return taken
    }

    /// The TCP connection closed. Returns the status to report when no `.closed` event was
    /// produced yet (1006 when the close handshake did not happen, section 7.1.5).
    public mutating func transportClosed() -> WebSocketCloseStatus? {
        state = .finished
        closeTransportPending = false
        guard closeStatus == nil else { return nil }
        let status = WebSocketCloseStatus(code: .abnormalClosure, reason: "connection closed without a close frame")
        closeStatus = status
        return status
    }

    // MARK: - Sending

    /// Queues a text message (section 5.6), compressed when deflate is active and worthwhile.
    public mutating func send(text: String) -> WebSocketSendResult {
        guard isOpen else { return .notOpen }
        if let deflate, text.utf8.count >= configuration.compressionThreshold {
            var plain = allocator.buffer(capacity: text.utf8.count)
            plain.writeString(text)
            writeCompressed(deflate.compress(plain, allocator: allocator), opcode: .text)
        } else {
            let key = nextMaskingKey()
            FrameWriter.writeFrame(text: text, maskingKey: key, into: &output)
        }
        return .queued
    }

    /// Queues a text message given as its UTF-8 bytes, which the caller vouches for (e.g. JSON it
    /// wrote from Strings): no String is built on the way to the frame.
    public mutating func send(utf8Text bytes: [UInt8]) -> WebSocketSendResult {
        guard isOpen else { return .notOpen }
        if let deflate, bytes.count >= configuration.compressionThreshold {
            var plain = allocator.buffer(capacity: bytes.count)
            plain.writeBytes(bytes)
            writeCompressed(deflate.compress(plain, allocator: allocator), opcode: .text)
        } else {
            let key = nextMaskingKey()
            FrameWriter.writeFrame(opcode: .text, maskingKey: key, payloadLength: bytes.count, into: &output) {
                $0.writeBytes(bytes)
            }
        }
        return .queued
    }

    /// Queues a binary message (section 5.6), compressed when deflate is active and worthwhile.
    public mutating func send(binary: ByteBuffer) -> WebSocketSendResult {
        guard isOpen else { return .notOpen }
        if let deflate, binary.readableBytes >= configuration.compressionThreshold {
            writeCompressed(deflate.compress(binary, allocator: allocator), opcode: .binary)
        } else {
            let key = nextMaskingKey()
            FrameWriter.writeFrame(opcode: .binary, payload: binary, maskingKey: key, into: &output)
        }
        return .queued
    }

    /// Queues a ping (section 5.5.2); the payload must fit a control frame (125 bytes).
    public mutating func sendPing(_ payload: ByteBuffer) -> WebSocketSendResult {
        sendControl(.ping, payload)
    }

    /// Queues an unsolicited pong (section 5.5.3 allows it as a unidirectional heartbeat).
    public mutating func sendPong(_ payload: ByteBuffer) -> WebSocketSendResult {
        sendControl(.pong, payload)
    }

    private mutating func sendControl(_ opcode: Opcode, _ payload: ByteBuffer) -> WebSocketSendResult {
        guard isOpen else { return .notOpen }
        guard payload.readableBytes <= 125 else { return .invalidArgument }
        let key = nextMaskingKey()
        FrameWriter.writeFrame(opcode: opcode, payload: payload, maskingKey: key, into: &output)
        return .queued
    }

    /// Starts the close handshake (section 7.1.2): queues a close frame, then waits up to
    /// `closeTimeout` for the peer's. `code` must be valid on the wire; the reason is cut to fit.
    public mutating func close(
        code: CloseCode = .normalClosure, reason: String = "", now: NIODeadline
    ) -> WebSocketSendResult {
        guard isOpen else { return .notOpen }
        guard code.isValidOnWire else { return .invalidArgument }
        self.now = now
        let key = nextMaskingKey()
        FrameWriter.writeClose(code: code, reason: reason, maskingKey: key, into: &output)
        state = .closeSent(deadline: now + configuration.closeTimeout)
        return .queued
    }

    // MARK: - Time

    /// When the shell must call `timerFired(now:)` next, or nil when no timer is needed.
    public var nextDeadline: NIODeadline? {
        switch state {
        case .open:
            guard let interval = configuration.pingInterval else { return nil }
            if let pingSentAt {
                return pingSentAt + configuration.pongTimeout
            }
            return lastReceived + interval
        case .closeSent(let deadline), .awaitingTransportClose(let deadline):
            return deadline
        case .finished:
            return nil
        }
    }

    /// For a keepalive timer that is not re-armed on every received frame (a fleet drives many
    /// connections from one timer): the earliest instant `timerFired(now:)` may have keepalive
    /// work. With a ping outstanding that is the sooner of its pong deadline and the next ping,
    /// which a prompt pong brings to `pingSentAt + interval` (past that, one interval after the
    /// last look); a call before the work is due does nothing and the caller asks again. Nil when the connection is not open or has no keepalive.
    public var keepaliveWakeUp: NIODeadline? {
        guard case .open = state, let interval = configuration.pingInterval else { return nil }
        guard let pingSentAt else { return lastReceived + interval }
        let pongDeadline = pingSentAt + configuration.pongTimeout
        // Once that instant has passed without a pong, look again one interval later: the pong
        // may still come (the caller is not told), and waking at once would spin.
        let nextPing = pingSentAt + interval
        return min(pongDeadline, nextPing > now ? nextPing : now + interval)
    }

    /// Changes the keepalive interval on a live connection (OCPP's `WebSocketPingInterval` can
    /// be changed by the central system); nil or zero turns keepalive off. An outstanding ping
    /// still needs its pong. Re-arm the timer with `nextDeadline` afterwards.
    public mutating func setPingInterval(_ interval: TimeAmount?) {
        if let interval, interval > .zero {
            configuration.pingInterval = interval
        } else {
            configuration.pingInterval = nil
            pingSentAt = nil
        }
    }

    /// The timer armed at `nextDeadline` fired (or any earlier timer; early calls do nothing).
    public mutating func timerFired(now: NIODeadline) -> WebSocketTimerAction {
        self.now = now
        switch state {
        case .open:
            guard let interval = configuration.pingInterval else { return .none }
            if let pingSentAt {
                guard now >= pingSentAt + configuration.pongTimeout else { return .none }
                state = .finished
                closeStatus = closeStatus ?? WebSocketCloseStatus(code: .abnormalClosure, reason: "no pong received")
                return .connectionDead
            }
            guard now >= lastReceived + interval else { return .none }
            pingCounter &+= 1
            var payload = allocator.buffer(capacity: 4)
            payload.writeInteger(pingCounter)
            let key = nextMaskingKey()
            FrameWriter.writeFrame(opcode: .ping, payload: payload, maskingKey: key, into: &output)
            pingSentAt = now
            return .sendPing
        case .closeSent(let deadline), .awaitingTransportClose(let deadline):
            guard now >= deadline else { return .none }
            state = .finished
            closeStatus =
                closeStatus ?? WebSocketCloseStatus(code: .abnormalClosure, reason: "close handshake timed out")
            return .closeTransport
        case .finished:
            return .none
        }
    }

    // MARK: - Frame handling

    private mutating func handle(_ frame: Frame) throws(WebSocketProtocolError) -> WebSocketEvent? {
        if case .closeSent = state {
            // Section 5.5.1: after our close, only the peer's close matters.
            guard frame.opcode == .close else { return nil }
        }
        switch frame.opcode {
        case .text, .binary:
            guard case .idle = assembly else { throw .dataFrameDuringFragmentedMessage }
            return try startMessage(frame)
        case .continuation:
            return try continueMessage(frame)
        case .ping:
            let key = nextMaskingKey()
            FrameWriter.writeFrame(opcode: .pong, payload: frame.payload, maskingKey: key, into: &output)
            return .ping(frame.payload)
        case .pong:
            pingSentAt = nil
            return .pong(frame.payload)
        case .close:
            return try receivedClose(frame.payload)
        }
    }

    private mutating func startMessage(_ frame: Frame) throws(WebSocketProtocolError) -> WebSocketEvent? {
        let isText = frame.opcode == .text
        try checkMessageSize(frame.payload.readableBytes)
        if frame.rsv1 {
            assembly = .compressed(isText: isText, frame.payload)
            return frame.fin ? try finishMessage() : nil
        }
        if isText {
            try validateText(frame.payload, frameComplete: true)
            assembly = .text(frame.payload)
        } else {
            assembly = .binary(frame.payload)
        }
        return frame.fin ? try finishMessage() : nil
    }

    private mutating func continueMessage(_ frame: Frame) throws(WebSocketProtocolError) -> WebSocketEvent? {
        let payload = frame.payload
        switch assembly {
        case .idle:
            throw .continuationWithoutStart
        case .text(var buffer):
            try checkMessageSize(buffer.readableBytes + payload.readableBytes)
            try validateText(payload, frameComplete: true)
            assembly = .idle  // drop our reference so the append below does not copy
            buffer.writeImmutableBuffer(payload)
            assembly = .text(buffer)
        case .binary(var buffer):
            try checkMessageSize(buffer.readableBytes + payload.readableBytes)
            assembly = .idle
            buffer.writeImmutableBuffer(payload)
            assembly = .binary(buffer)
        case .compressed(let isText, var buffer):
            try checkMessageSize(buffer.readableBytes + payload.readableBytes)
            assembly = .idle
            buffer.writeImmutableBuffer(payload)
            assembly = .compressed(isText: isText, buffer)
        }
        return frame.fin ? try finishMessage() : nil
    }

    private mutating func finishMessage() throws(WebSocketProtocolError) -> WebSocketEvent {
        let finished = assembly
        assembly = .idle
        switch finished {
        case .idle:
            preconditionFailure("WebSocketConnectionStateMachine: finishing a message in state idle")
        case .text(var buffer):
            guard utf8.isComplete else { throw .invalidUTF8 }
            utf8.reset()
            return .text(buffer.readString(length: buffer.readableBytes) ?? "")
        case .binary(let buffer):
            return .binary(buffer)
        case .compressed(let isText, let buffer):
            guard let deflate else {
                preconditionFailure("WebSocketConnectionStateMachine: compressed message without deflate")
            }
            var inflated: ByteBuffer
            do {
                inflated = try deflate.decompress(buffer, maxSize: configuration.maxMessageSize, allocator: allocator)
            } catch {
                switch error {
                case .messageTooBig(let limit): throw .messageTooBig(limit: limit)
                case .invalidCompressedData, .invalidNegotiationResponse: throw .invalidCompressedData
                }
            }
            guard isText else { return .binary(inflated) }
            var validator = UTF8Validator()
            guard validator.validate(inflated), validator.isComplete else { throw .invalidUTF8 }
            return .text(inflated.readString(length: inflated.readableBytes) ?? "")
        }
    }

    private func checkMessageSize(_ size: Int) throws(WebSocketProtocolError) {
        guard size <= configuration.maxMessageSize else {
            throw .messageTooBig(limit: configuration.maxMessageSize)
        }
    }

    /// Feeds the not yet validated part of a text frame's payload to the message validator.
    private mutating func validateText(_ payload: ByteBuffer, frameComplete: Bool) throws(WebSocketProtocolError) {
        let alreadyDone = validatedInFrame
        let fresh = payload.readableBytes - alreadyDone
        if fresh > 0 {
            let ok = payload.withUnsafeReadableBytes {
                utf8.validate(UnsafeRawBufferPointer(rebasing: $0[alreadyDone...]))
            }
            guard ok else { throw .invalidUTF8 }
        }
        validatedInFrame = frameComplete ? 0 : payload.readableBytes
    }

    /// Checks limits and UTF-8 on a frame whose payload is still arriving: a message that will
    /// be too big fails before its bytes are buffered, invalid text fails fast (section 8.1).
    private mutating func checkIncompleteFrame() throws(WebSocketProtocolError) {
        guard case .open = state, let header = parser.pendingHeader, !header.opcode.isControl else { return }
        // A frame that breaks the fragmentation rules is left for `handle` to reject with 1002.
        let assembled: Int
        let validatesText: Bool
        switch assembly {
        case .idle:
            guard header.opcode != .continuation else { return }
            assembled = 0
            validatesText = header.opcode == .text && !header.rsv1
        case .text(let buffer):
            guard header.opcode == .continuation else { return }
            assembled = buffer.readableBytes
            validatesText = true
        case .binary(let buffer), .compressed(_, let buffer):
            guard header.opcode == .continuation else { return }
            assembled = buffer.readableBytes
            validatesText = false
        }
        try checkMessageSize(assembled + header.payloadLength)
        guard validatesText, let partial = parser.partialFrame() else { return }
        try validateText(partial.payloadPrefix, frameComplete: false)
    }

    private mutating func receivedClose(_ payload: ByteBuffer) throws(WebSocketProtocolError) -> WebSocketEvent {
        var payload = payload
        let status: WebSocketCloseStatus
        let echoCode: CloseCode?
        switch payload.readableBytes {
        case 0:
            status = WebSocketCloseStatus(code: .noStatusReceived)
            echoCode = nil
        case 1:
            throw .closePayloadTooShort
        default:
            let code = CloseCode(payload.readInteger(as: UInt16.self) ?? 0)
            guard code.isValidOnWire else { throw .invalidCloseCode(code.rawValue) }
            guard UTF8Validator.isValid(payload.readableBytesView) else { throw .invalidUTF8 }
            status = WebSocketCloseStatus(code: code, reason: payload.readString(length: payload.readableBytes) ?? "")
            echoCode = code
        }
        switch state {
        case .open:
            // Section 5.5.1: answer with a close frame, echoing the status code.
            let key = nextMaskingKey()
            FrameWriter.writeClose(code: echoCode, reason: "", maskingKey: key, into: &output)
        case .closeSent, .awaitingTransportClose, .finished:
            break
        }
        closeStatus = status
        finishClosing()
        return .closed(status)
    }

    /// Fails the connection (section 7.1.7): close frame with the error's code, then the
    /// server closes TCP at once and the client waits for the server to do it.
    private mutating func fail(_ error: WebSocketProtocolError) -> WebSocketEvent? {
        switch state {
        case .open:
            let key = nextMaskingKey()
            FrameWriter.writeClose(code: error.closeCode, reason: error.closeReason, maskingKey: key, into: &output)
        case .closeSent:
            break
        case .awaitingTransportClose, .finished:
            return nil
        }
        let status = WebSocketCloseStatus(code: error.closeCode, reason: error.closeReason)
        let alreadyReported = closeStatus != nil
        closeStatus = closeStatus ?? status
        finishClosing()
        if alreadyReported {
            return nextEvent()
        }
        return .closed(status)
    }

    /// After the close handshake: section 7.1.1, the server closes TCP first; the client gives
    /// the server `closeTimeout` to do so.
    private mutating func finishClosing() {
        assembly = .idle
        switch role {
        case .server:
            state = .awaitingTransportClose(deadline: now + configuration.closeTimeout)
            closeTransportPending = true
        case .client:
            state = .awaitingTransportClose(deadline: now + configuration.closeTimeout)
        }
    }

    private mutating func writeCompressed(_ compressed: ByteBuffer, opcode: Opcode) {
        let key = nextMaskingKey()
        FrameWriter.writeFrame(rsv1: true, opcode: opcode, payload: compressed, maskingKey: key, into: &output)
    }

    private mutating func nextMaskingKey() -> MaskingKey? {
        switch role {
        case .client: return MaskingKey(using: &maskingKeys)
        case .server: return nil
        }
    }
}

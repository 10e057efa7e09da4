import NIOCore

/// One open WebSocket connection, client or server side, pinned to its channel's event loop.
///
/// This is the callback API: no Task and no thread per connection, so a process can hold tens
/// of thousands of them. Set `onMessage` and `onClose` on the event loop, in the server's
/// `onConnection` or the client's `connect(to:configuration:eventLoop:configure:)` closure,
/// which run there before any frame is read; call `send`, `sendPing` and `close` on the event
/// loop too. `WebSocketClient` wraps
/// this type with async/await.
///
/// `@unchecked Sendable`: the mutable state (the callbacks, the close status and the handler
/// with its state machine) is only touched on `eventLoop`, which every mutator checks with
/// `preconditionInEventLoop`; the other properties are immutable.
public final class WebSocketConnection: @unchecked Sendable {
    /// The connection's channel (TLS, if any, sits below the WebSocket handler).
    public let channel: any Channel
    /// Which end we are.
    public let role: WebSocketRole
    /// The subprotocol agreed in the opening handshake (RFC 6455 section 4.1, 4.2.2).
    public let subprotocol: String?
    /// The permessage-deflate parameters agreed, or nil when messages go uncompressed.
    public let deflate: PerMessageDeflateParameters?
    /// The peer's address, when the channel knows it.
    public let remoteAddress: SocketAddress?

    private let handler: WebSocketChannelHandler
    private let closePromise: EventLoopPromise<WebSocketCloseStatus>
    private var _onMessage: ((WebSocketMessage) -> Void)?
    private var _onClose: ((WebSocketCloseStatus) -> Void)?
    private var _onPong: ((ByteBuffer) -> Void)?
    private var _closeStatus: WebSocketCloseStatus?

    init(
        channel: any Channel, role: WebSocketRole, subprotocol: String?, deflate: PerMessageDeflateParameters?,
        handler: WebSocketChannelHandler
    ) {
        self.channel = channel
        self.role = role
        self.subprotocol = subprotocol
        self.deflate = deflate
        self.remoteAddress = channel.remoteAddress
        self.handler = handler
        self.closePromise = channel.eventLoop.makePromise()
    }

    /// The event loop every call must be made on.
    public var eventLoop: any EventLoop { channel.eventLoop }

    /// Called on the event loop with each complete message.
    public var onMessage: ((WebSocketMessage) -> Void)? {
        get {
            eventLoop.preconditionInEventLoop()
            return _onMessage
        }
        set {
            eventLoop.preconditionInEventLoop()
            _onMessage = newValue
        }
    }

    /// Called once on the event loop when the TCP connection is gone, with how the WebSocket
    /// ended (the peer's close code, ours, or 1006 when no close frame was exchanged).
    public var onClose: ((WebSocketCloseStatus) -> Void)? {
        get {
            eventLoop.preconditionInEventLoop()
            return _onClose
        }
        set {
            eventLoop.preconditionInEventLoop()
            _onClose = newValue
        }
    }

    /// Called on the event loop with the payload of each pong (answers to our keepalive pings
    /// and to `sendPing`, or unsolicited heartbeats).
    public var onPong: ((ByteBuffer) -> Void)? {
        get {
            eventLoop.preconditionInEventLoop()
            return _onPong
        }
        set {
            eventLoop.preconditionInEventLoop()
            _onPong = newValue
        }
    }

    /// How the connection ended, once it has; nil while it is open. Read on the event loop.
    public var closeStatus: WebSocketCloseStatus? {
        eventLoop.preconditionInEventLoop()
        return _closeStatus
    }

    /// Succeeds with the close status when the TCP connection is gone; never fails.
    public var closeFuture: EventLoopFuture<WebSocketCloseStatus> { closePromise.futureResult }

    /// Whether messages may still be sent (the close handshake has not started).
    public var isOpen: Bool {
        eventLoop.preconditionInEventLoop()
        return handler.isOpen
    }

    /// Sends a text message (RFC 6455 section 5.6); written at once, or at the end of the
    /// current read burst when called from a callback.
    @discardableResult
    public func send(text: String) -> WebSocketSendResult {
        eventLoop.preconditionInEventLoop()
        return handler.send { $0.send(text: text) }
    }

    /// Sends a text message given as UTF-8 bytes the caller vouches for (JSON written from
    /// Strings, say), without building a String; like `send(text:)` otherwise.
    @discardableResult
    public func send(utf8Text bytes: [UInt8]) -> WebSocketSendResult {
        eventLoop.preconditionInEventLoop()
        return handler.send { $0.send(utf8Text: bytes) }
    }

    /// Sends a binary message (RFC 6455 section 5.6).
    @discardableResult
    public func send(binary: ByteBuffer) -> WebSocketSendResult {
        eventLoop.preconditionInEventLoop()
        return handler.send { $0.send(binary: binary) }
    }

    /// Sends a ping (RFC 6455 section 5.5.2); at most 125 bytes of payload.
    @discardableResult
    public func sendPing(_ payload: ByteBuffer = ByteBuffer()) -> WebSocketSendResult {
        eventLoop.preconditionInEventLoop()
        return handler.send { $0.sendPing(payload) }
    }

    /// Changes the keepalive ping interval of the open connection (nil or zero: no pings), e.g.
    /// when OCPP's `WebSocketPingInterval` is changed; the keepalive timer is re-armed at once.
    public func setPingInterval(_ interval: TimeAmount?) {
        eventLoop.preconditionInEventLoop()
        _ = handler.send { machine in
            machine.setPingInterval(interval)
            return .queued
        }
    }

    /// Hands the keepalive ping timer to the caller, who then calls `keepaliveTimerFired()` at or
    /// after `keepaliveDeadline` (a process holding many connections drives them all from one
    /// timer instead of one scheduled task each). The behaviour is the same: a ping after
    /// `pingInterval` of silence from the peer, and the connection closed (1006, "no pong
    /// received") when its pong does not come within `pongTimeout`. Call once, on the event loop.
    public func driveKeepaliveExternally() {
        eventLoop.preconditionInEventLoop()
        handler.driveKeepaliveExternally()
    }

    /// While the connection is open and keeps alive, when `keepaliveTimerFired()` is due next: the
    /// next ping, or the deadline of the pong awaited. It moves later with every frame received,
    /// and earlier when `setPingInterval` shortens the interval.
    public var keepaliveDeadline: NIODeadline? {
        eventLoop.preconditionInEventLoop()
        return handler.keepaliveDeadline
    }

    /// Sends the keepalive ping that is due, or closes the connection whose pong is overdue; a call
    /// before `keepaliveDeadline` does nothing. For callers that `driveKeepaliveExternally()`.
    public func keepaliveTimerFired() {
        eventLoop.preconditionInEventLoop()
        handler.keepaliveTimerFired()
    }

    /// Starts the close handshake (RFC 6455 section 7.1.2); `onClose` and `closeFuture` report
    /// the end. The TCP connection closes when the peer answers, or after the close timeout.
    @discardableResult
    public func close(code: CloseCode = .normalClosure, reason: String = "") -> WebSocketSendResult {
        eventLoop.preconditionInEventLoop()
        let now = eventLoop.now
        return handler.send { $0.close(code: code, reason: reason, now: now) }
    }

    // MARK: - From the handler

    func deliver(_ message: WebSocketMessage) {
        _onMessage?(message)
    }

    func receivedPong(_ payload: ByteBuffer) {
        _onPong?(payload)
    }

    func closed(_ status: WebSocketCloseStatus) {
        guard _closeStatus == nil else { return }
        _closeStatus = status
        let onClose = _onClose
        // Drop the callbacks: they often capture the object that holds this connection.
        _onMessage = nil
        _onClose = nil
        _onPong = nil
        onClose?(status)
        closePromise.succeed(status)
    }
}

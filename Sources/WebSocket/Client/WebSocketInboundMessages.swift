import NIOConcurrencyHelpers
import NIOCore

/// The messages a `WebSocketClient` receives, as an `AsyncSequence` with backpressure: when
/// `highWatermark` messages wait unread, the connection stops reading from its socket (TCP
/// flow control then slows the peer) and resumes once the reader has taken half of them. A
/// reader that stops for longer than the peer's (or our) keepalive lets the connection die.
/// One reader at a time.
public struct WebSocketInboundMessages: AsyncSequence, Sendable {
    public typealias Element = WebSocketMessage

    private let stream: AsyncStream<WebSocketMessage>
    private let flow: FlowControl

    init(stream: AsyncStream<WebSocketMessage>, flow: FlowControl) {
        self.stream = stream
        self.flow = flow
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), flow: flow)
    }

    /// Takes messages in order; nil once the connection is closed and all were taken.
    public struct Iterator: AsyncIteratorProtocol {
        private var base: AsyncStream<WebSocketMessage>.Iterator
        private let flow: FlowControl

        init(base: AsyncStream<WebSocketMessage>.Iterator, flow: FlowControl) {
            self.base = base
            self.flow = flow
        }

        public mutating func next() async -> WebSocketMessage? {
            let message = await base.next()
            if message != nil { flow.consumed() }
            return message
        }
    }

    /// Counts unread messages and pauses or resumes reading on the channel.
    final class FlowControl: Sendable {
        private struct State {
            var unread = 0
            var paused = false
            var channel: (any Channel)?
        }

        let highWatermark: Int
        private let state = NIOLockedValueBox(State())

        init(highWatermark: Int) {
            self.highWatermark = Swift.max(highWatermark, 1)
        }

        /// On the event loop, once the connection exists.
        func attach(_ channel: any Channel) {
            state.withLockedValue { $0.channel = channel }
        }

        /// On the event loop, after a message was queued for the reader.
        func produced() {
            let channel: (any Channel)? = state.withLockedValue { state in
                state.unread += 1
                guard state.unread >= highWatermark, !state.paused else { return nil }
                state.paused = true
                return state.channel
            }
            try? channel?.syncOptions?.setOption(.autoRead, value: false)
        }

        /// On the reader's task, after it took a message.
        func consumed() {
            let channel: (any Channel)? = state.withLockedValue { state in
                state.unread -= 1
                guard state.paused, state.unread <= highWatermark / 2 else { return nil }
                state.paused = false
                return state.channel
            }
            if let channel {
                channel.setOption(.autoRead, value: true).whenFailure { _ in
                    // The channel closed meanwhile: nothing left to read.
                }
            }
        }
    }
}

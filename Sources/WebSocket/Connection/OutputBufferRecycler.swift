import NIOCore
import NIOPosix

/// One spare output buffer per event-loop thread, which every connection on that loop writes its
/// next frame into when it sends outside a read burst (issue 11: a fleet sends a frame per
/// MeterValues, and a fresh `ByteBuffer` per frame cost two allocations and two frees, on cold
/// memory). After the flush the socket has the bytes and NIO has let go of the buffer, so the next
/// frame reuses its storage; when NIO still holds it (the socket was full), `clear()` allocates a
/// new one. Per thread, not per connection: an idle connection keeps no spare buffer.
///
/// `@unchecked Sendable`: an instance is only reached through `current`, a thread-specific
/// variable, so it is only ever used on the thread that made it.
final class OutputBufferRecycler: @unchecked Sendable {
    /// Buffers larger than this are not kept: one big message must not pin its buffer.
    static let maximumKeptCapacity = 16 << 10

    private static let perThread = ThreadSpecificVariable<OutputBufferRecycler>()

    /// The recycler of the calling thread.
    static var current: OutputBufferRecycler {
        if let recycler = perThread.currentValue { return recycler }
        let recycler = OutputBufferRecycler()
        perThread.currentValue = recycler
        return recycler
    }

    private var spare: ByteBuffer?

    /// The spare buffer, emptied, if there is one; the recycler no longer holds it.
    func take() -> ByteBuffer? {
        guard var buffer = spare else { return nil }
        spare = nil
        buffer.clear()
        return buffer
    }

    /// Keeps `buffer` (written and flushed) for the next frame.
    func keep(_ buffer: ByteBuffer) {
        guard buffer.capacity > 0, buffer.capacity <= Self.maximumKeptCapacity else { return }
        spare = buffer
    }
}

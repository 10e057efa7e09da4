import CZlib
import NIOCore

/// A raw-deflate compressor (RFC 1951, no zlib header) for one direction of a connection.
/// The `z_stream` lives at a fixed heap address because zlib keeps pointers into it.
/// Not thread-safe: it belongs to one connection's event loop.
final class ZlibDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// The window actually handed to zlib (9 when 8 was agreed, see `init`).
    let windowBits: Int

    /// - Parameters:
    ///   - windowBits: the agreed window, 8...15. zlib refuses 8 for raw deflate, so 9 is used:
    ///     zlib never emits a distance longer than the window minus 262 bytes, which for a 512
    ///     byte window is 250, within what a peer inflating with a 256-byte window accepts.
    ///   - level: zlib compression level, clamped to -1...9 (-1 is zlib's default, 6).
    ///   - memoryLevel: zlib memory level, clamped to 1...9.
    init(windowBits: Int, level: Int, memoryLevel: Int) {
        self.windowBits = min(max(windowBits, 9), 15)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = deflateInit2_(
            stream, Int32(min(max(level, -1), 9)), Z_DEFLATED, -Int32(self.windowBits),
            Int32(min(max(memoryLevel, 1), 9)), Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        // With clamped arguments the only failure left is Z_MEM_ERROR, like any failed allocation.
        precondition(code == Z_OK, "deflateInit2 failed with \(code)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses one message and ends it with a sync flush, then drops the `00 00 FF FF` the
    /// flush ends with (RFC 7692 section 7.2.1). An empty message becomes the single byte `00`:
    /// the start of an empty stored block that the receiver completes with `00 00 FF FF`, so
    /// zlib is not called (it would refuse a second flush with no input in between).
    func compress(_ message: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        guard message.readableBytes > 0 else { return Self.emptyMessage(allocator: allocator) }
        let bound = Int(deflateBound(stream, uLong(message.readableBytes)))
        var output = allocator.buffer(capacity: bound + 16)
        message.withUnsafeReadableBytes { input in
            var pending = input.count
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = 0
            while true {
                if stream.pointee.avail_in == 0 && pending > 0 {
                    let chunk = min(pending, Int(UInt32.max))
                    stream.pointee.avail_in = UInt32(chunk)
                    pending -= chunk
                }
                let flush = pending == 0 ? Z_SYNC_FLUSH : Z_NO_FLUSH
                var code = Z_OK
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: 64) { out in
                    let room = min(out.count, Int(UInt32.max))
                    stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = UInt32(room)
                    code = deflate(stream, flush)
                    return room - Int(stream.pointee.avail_out)
                }
                // Z_BUF_ERROR only means no progress was possible: all was already flushed.
                precondition(code == Z_OK || code == Z_BUF_ERROR, "deflate failed with \(code)")
                if flush == Z_SYNC_FLUSH && (stream.pointee.avail_out > 0 || code == Z_BUF_ERROR) {
                    break
                }
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        if output.readableBytes >= 4, output.getBytes(at: output.writerIndex - 4, length: 4) == [0, 0, 0xFF, 0xFF] {
            output.moveWriterIndex(to: output.writerIndex - 4)
        }
        return output
    }

    /// The compressed form of an empty message: `00`, whatever the stream's state, since a sync
    /// flush always leaves the output byte-aligned.
    static func emptyMessage(allocator: ByteBufferAllocator) -> ByteBuffer {
        var output = allocator.buffer(capacity: 1)
        output.writeInteger(UInt8(0))
        return output
    }

}

import CZlib
import NIOCore

/// A raw-inflate decompressor (RFC 1951) for one direction of a connection, bounded per message.
/// The `z_stream` lives at a fixed heap address because zlib keeps pointers into it.
/// Not thread-safe: it belongs to one connection's event loop.
final class ZlibInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// The peer's agreed window, 8...15 (zlib inflates raw 8-bit windows fine).
    let windowBits: Int

    /// RFC 7692 section 7.2.2: the sender removed this empty stored block's tail; we put it back.
    private static let flushTrailer: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    init(windowBits: Int) {
        self.windowBits = min(max(windowBits, 8), 15)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = inflateInit2_(stream, -Int32(self.windowBits), zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        // With a clamped window the only failure left is Z_MEM_ERROR, like any failed allocation.
        precondition(code == Z_OK, "inflateInit2 failed with \(code)")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates one message payload (trailer appended) onto `output`, which never grows past
    /// `maxSize` new readable bytes nor, given ByteBuffer's power-of-two storage, past the
    /// power of two at or above the limit. On error `output` holds what was inflated so far and the
    /// stream is reset; the connection must then fail, since the shared window is lost.
    func inflateMessage(
        _ payload: ByteBuffer, maxSize: Int, into output: inout ByteBuffer
    ) throws(PerMessageDeflateError) {
        // An empty payload carries no deflate data at all, not even the block the trailer ends;
        // feeding the trailer alone would leave zlib mid-block, so the message is simply empty.
        guard payload.readableBytes > 0 else { return }
        let limit = output.readableBytes + max(maxSize, 0)
        var outcome = payload.withUnsafeReadableBytes { input in
            inflate(input, limit: limit, into: &output)
        }
        if case .consumed = outcome {
            outcome = Self.flushTrailer.withUnsafeBytes { trailer in
                inflate(trailer, limit: limit, into: &output)
            }
        }
        switch outcome {
        case .consumed:
            return
        case .streamEnded:
            // The peer set BFINAL (RFC 7692 section 7.2.3.4): the deflate stream is over, but
            // its next message may still refer to this one's bytes, so keep them as dictionary.
            restartKeepingWindow()
        case .tooBig:
            inflateReset(stream)
            throw .messageTooBig(limit: maxSize)
        case .corrupt:
            inflateReset(stream)
            throw .invalidCompressedData
        }
    }

    private enum Outcome {
        /// All input consumed and all output produced.
        case consumed
        /// A final block ended the deflate stream; any bytes after it are ignored.
        case streamEnded
        /// Output would pass the limit.
        case tooBig
        /// zlib rejected the data.
        case corrupt
    }

    private func inflate(_ input: UnsafeRawBufferPointer, limit: Int, into output: inout ByteBuffer) -> Outcome {
        guard let base = input.baseAddress else { return .consumed }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        var pending = input.count
        stream.pointee.avail_in = 0
        defer {
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        // After a call that filled the output, zlib may hold more output even with no input left.
        var outputWasFull = false
        while true {
            if stream.pointee.avail_in == 0 && pending > 0 {
                let chunk = min(pending, Int(UInt32.max))
                stream.pointee.avail_in = UInt32(chunk)
                pending -= chunk
            } else if stream.pointee.avail_in == 0 && !outputWasFull {
                return .consumed
            }
            let room = limit - output.readableBytes
            var code = Z_OK
            if room > 0 {
                if output.writableBytes == 0 {
                    // Double, but never past the limit: a deflate bomb cannot make us allocate more.
                    output.reserveCapacity(min(output.writerIndex + room, max(output.capacity * 2, 1024)))
                }
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: 0) { out in
                    let space = min(out.count, room, Int(UInt32.max))
                    stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = UInt32(space)
                    code = CZlib.inflate(stream, Z_SYNC_FLUSH)
                    return space - Int(stream.pointee.avail_out)
                }
                outputWasFull = stream.pointee.avail_out == 0
            } else {
                // At the limit: one more byte of output means the message is too big.
                var probe: UInt8 = 0
                withUnsafeMutablePointer(to: &probe) { probe in
                    stream.pointee.next_out = probe
                    stream.pointee.avail_out = 1
                    code = CZlib.inflate(stream, Z_SYNC_FLUSH)
                }
                if stream.pointee.avail_out == 0 { return .tooBig }
                outputWasFull = false
            }
            switch code {
            case Z_STREAM_END:
                return .streamEnded
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress was possible: fine when the output was full or the input ran out.
                if outputWasFull || stream.pointee.avail_in == 0 {
                    outputWasFull = false
                    continue
                }
                return .corrupt
            default:
                // Z_DATA_ERROR, Z_NEED_DICT, Z_MEM_ERROR, Z_STREAM_ERROR.
                return .corrupt
            }
        }
    }

    /// Restarts after a final block while keeping the last window of output as dictionary.
    private func restartKeepingWindow() {
        var dictionary = [UInt8](repeating: 0, count: 1 << windowBits)
        var length: uInt = 0
        let got = dictionary.withUnsafeMutableBufferPointer { buffer in
            inflateGetDictionary(stream, buffer.baseAddress, &length)
        }
        inflateReset(stream)
        if got == Z_OK && length > 0 {
            dictionary.withUnsafeBufferPointer { buffer in
                _ = inflateSetDictionary(stream, buffer.baseAddress, length)
            }
        }
    }
}

import NIOCore

/// Incremental RFC 6455 frame parser working in place on its receive buffer.
///
/// Feed bytes with `append(_:)`, then call `nextFrame()` until it returns nil ("need more
/// data"). Every header rule of section 5 is checked as soon as the header is complete, before
/// any payload byte is buffered, so an oversized frame costs no memory. Payloads are unmasked
/// in place and handed out as slices of the receive buffer.
public struct FrameParser: Sendable {
    /// Limits and negotiated features the parser enforces.
    public struct Configuration: Sendable, Equatable {
        /// Our role: a server requires masked frames, a client rejects them (section 5.1).
        public var role: WebSocketRole
        /// The largest payload accepted in one frame; above it the frame fails with 1009.
        public var maxFrameSize: Int
        /// Whether RSV1 may be set (permessage-deflate negotiated, RFC 7692 section 6).
        public var allowsCompression: Bool

        public init(role: WebSocketRole, maxFrameSize: Int, allowsCompression: Bool = false) {
            self.role = role
            self.maxFrameSize = maxFrameSize
            self.allowsCompression = allowsCompression
        }
    }

    /// Where the parser stands in the current frame.
    private enum State: Sendable {
        /// Waiting for a complete header.
        case header
        /// Header consumed; waiting for `header.payloadLength` payload bytes, of which the first
        /// `unmasked` are already unmasked in place.
        case payload(FrameHeader, unmasked: Int)
    }

    /// The limits and features in force.
    public let configuration: Configuration
    private var buffer: ByteBuffer
    private var state: State = .header

    public init(configuration: Configuration) {
        self.configuration = configuration
        self.buffer = ByteBuffer()
    }

    /// Bytes received but not yet returned as frames.
    public var bufferedByteCount: Int { buffer.readableBytes }

    /// Adds received bytes. When nothing is buffered the buffer is adopted without copying.
    public mutating func append(_ bytes: ByteBuffer) {
        if buffer.readableBytes == 0 {
            buffer = bytes
        } else {
            // Reclaim consumed space before it grows unbounded across many small reads.
            if buffer.readerIndex >= 65_536 {
                buffer.discardReadBytes()
            }
            buffer.writeImmutableBuffer(bytes)
        }
    }

    /// Returns the next complete frame, nil when more bytes are needed, or throws the rule the
    /// peer broke. After a throw the parser must not be used again.
    public mutating func nextFrame() throws(WebSocketProtocolError) -> Frame? {
        let header: FrameHeader
        let unmasked: Int
        switch state {
        case .header:
            guard let parsed = try parseHeader() else { return nil }
            header = parsed
            unmasked = 0
        case .payload(let pending, let done):
            header = pending
            unmasked = done
        }
        let length = header.payloadLength
        guard buffer.readableBytes >= length else {
            state = .payload(header, unmasked: unmasked)
            return nil
        }
        if let key = header.maskingKey, length > unmasked {
            Masking.apply(
                key, to: &buffer, at: buffer.readerIndex + unmasked, count: length - unmasked, phase: unmasked)
        }
        state = .header
        // `readSlice` cannot fail: the length was checked just above.
        let payload = buffer.readSlice(length: length) ?? ByteBuffer()
        // Let go of a drained receive buffer: an idle connection then holds none, and the channel
        // can reuse its pooled receive buffer instead of allocating another (the slice lives on).
        if buffer.readableBytes == 0 { buffer = ByteBuffer() }
        return Frame(fin: header.fin, rsv1: header.rsv1, opcode: header.opcode, payload: payload)
    }

    /// The header of the frame whose payload is still arriving, if any.
    public var pendingHeader: FrameHeader? {
        guard case .payload(let header, _) = state else { return nil }
        return header
    }

    /// The frame whose payload is partly received, with the unmasked bytes received so far
    /// (a slice). Lets the connection validate UTF-8 before the frame is complete.
    public mutating func partialFrame() -> (header: FrameHeader, payloadPrefix: ByteBuffer)? {
        guard case .payload(let header, let unmasked) = state else { return nil }
        let available = min(buffer.readableBytes, header.payloadLength)
        if let key = header.maskingKey, available > unmasked {
            Masking.apply(
                key, to: &buffer, at: buffer.readerIndex + unmasked, count: available - unmasked, phase: unmasked)
        }
        state = .payload(header, unmasked: max(available, unmasked))
        let prefix = buffer.getSlice(at: buffer.readerIndex, length: available) ?? ByteBuffer()
        return (header, prefix)
    }

    /// Parses and consumes a header once all of it is buffered, enforcing the section 5 rules.
    private mutating func parseHeader() throws(WebSocketProtocolError) -> FrameHeader? {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self),
            let second = buffer.getInteger(at: start + 1, as: UInt8.self)
        else { return nil }

        let fin = first & 0x80 != 0
        let rsv1 = first & 0x40 != 0
        guard first & 0x30 == 0 else { throw .reservedBitsSet }
        guard let opcode = Opcode(rawValue: first & 0x0F) else { throw .reservedOpcode(first & 0x0F) }
        if rsv1 {
            guard configuration.allowsCompression else { throw .reservedBitsSet }
            guard !opcode.isControl, opcode != .continuation else { throw .unexpectedCompressionBit }
        }
        let masked = second & 0x80 != 0
        let shortLength = Int(second & 0x7F)
        if opcode.isControl {
            guard fin else { throw .fragmentedControlFrame }
            guard shortLength <= 125 else { throw .controlFrameTooLong(shortLength) }
        }
        switch configuration.role {
        case .server: guard masked else { throw .unmaskedFrameFromClient }
        case .client: guard !masked else { throw .maskedFrameFromServer }
        }

        var cursor = start + 2
        let length: Int
        switch shortLength {
        case 126:
            guard let value = buffer.getInteger(at: cursor, as: UInt16.self) else { return nil }
            length = Int(value)
            cursor += 2
        case 127:
            guard let value = buffer.getInteger(at: cursor, as: UInt64.self) else { return nil }
            guard value & (1 << 63) == 0 else { throw .payloadLengthOutOfRange }
            length = Int(value)
            cursor += 8
        default:
            length = shortLength
        }
        // Non-minimal length encodings are accepted: section 5.2 obliges the sender only.
        guard length <= configuration.maxFrameSize else {
            throw .frameTooBig(length: length, limit: configuration.maxFrameSize)
        }

        var maskingKey: MaskingKey?
        if masked {
            guard let key = buffer.getInteger(at: cursor, endianness: .little, as: UInt32.self) else { return nil }
            // Loading little-endian puts wire byte 0 in the low bits: rebuild the wire order.
            maskingKey = MaskingKey(
                UInt8(truncatingIfNeeded: key), UInt8(truncatingIfNeeded: key >> 8),
                UInt8(truncatingIfNeeded: key >> 16), UInt8(truncatingIfNeeded: key >> 24))
            cursor += 4
        }
        buffer.moveReaderIndex(to: cursor)
        return FrameHeader(fin: fin, rsv1: rsv1, opcode: opcode, maskingKey: maskingKey, payloadLength: length)
    }
}

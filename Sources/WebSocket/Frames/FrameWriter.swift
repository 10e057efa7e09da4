import NIOCore

/// Serialises frames (RFC 6455 section 5.2) with the minimal length encoding, masking the
/// payload in place in the output buffer when a key is given (client frames, section 5.3).
public enum FrameWriter {
    /// Writes `header` (its `payloadLength` must be the number of payload bytes that follow).
    @inlinable
    public static func writeHeader(_ header: FrameHeader, into output: inout ByteBuffer) {
        var first: UInt8 = header.opcode.rawValue
        if header.fin { first |= 0x80 }
        if header.rsv1 { first |= 0x40 }
        let maskBit: UInt8 = header.maskingKey == nil ? 0 : 0x80
        let length = header.payloadLength
        if length <= 125 {
            output.writeMultipleIntegers(first, maskBit | UInt8(length))
        } else if length <= 0xFFFF {
            output.writeMultipleIntegers(first, maskBit | 126, UInt16(length))
        } else {
            output.writeMultipleIntegers(first, maskBit | 127, UInt64(length))
        }
        if let key = header.maskingKey {
            output.writeMultipleIntegers(key.bytes.0, key.bytes.1, key.bytes.2, key.bytes.3)
        }
    }

    /// Writes a whole frame whose payload `writePayload` appends (exactly `payloadLength` bytes).
    @inlinable
    public static func writeFrame(
        fin: Bool = true, rsv1: Bool = false, opcode: Opcode, maskingKey: MaskingKey?, payloadLength: Int,
        into output: inout ByteBuffer, payload writePayload: (inout ByteBuffer) -> Void
    ) {
        let header = FrameHeader(
            fin: fin, rsv1: rsv1, opcode: opcode, maskingKey: maskingKey, payloadLength: payloadLength)
        output.reserveCapacity(minimumWritableBytes: header.encodedSize + payloadLength)
        writeHeader(header, into: &output)
        let payloadStart = output.writerIndex
        writePayload(&output)
        precondition(output.writerIndex - payloadStart == payloadLength, "FrameWriter: payload length mismatch")
        if let maskingKey {
            Masking.apply(maskingKey, to: &output, at: payloadStart, count: payloadLength)
        }
    }

    /// Writes a whole frame carrying `payload`'s readable bytes.
    @inlinable
    public static func writeFrame(
        fin: Bool = true, rsv1: Bool = false, opcode: Opcode, payload: ByteBuffer, maskingKey: MaskingKey?,
        into output: inout ByteBuffer
    ) {
        writeFrame(
            fin: fin, rsv1: rsv1, opcode: opcode, maskingKey: maskingKey, payloadLength: payload.readableBytes,
            into: &output
        ) { $0.writeImmutableBuffer(payload) }
    }

    /// Writes a whole frame carrying `text` as UTF-8, without an intermediate buffer.
    @inlinable
    public static func writeFrame(
        fin: Bool = true, opcode: Opcode = .text, text: String, maskingKey: MaskingKey?, into output: inout ByteBuffer
    ) {
        writeFrame(
            fin: fin, opcode: opcode, maskingKey: maskingKey, payloadLength: text.utf8.count, into: &output
        ) { $0.writeString(text) }
    }

    /// Writes a close frame (section 5.5.1): the code in network order, then the UTF-8 reason.
    /// `code` nil writes an empty close frame. The reason is cut to fit 125 bytes on a character
    /// boundary.
    public static func writeClose(
        code: CloseCode?, reason: String, maskingKey: MaskingKey?, into output: inout ByteBuffer
    ) {
        guard let code else {
            writeFrame(opcode: .close, maskingKey: maskingKey, payloadLength: 0, into: &output) { _ in }
            return
        }
        var reasonBytes = Substring(reason).utf8.prefix(123)
        while String(reasonBytes) == nil, !reasonBytes.isEmpty {
            reasonBytes = reasonBytes.dropLast()
        }
        let trimmed = reasonBytes
        writeFrame(opcode: .close, maskingKey: maskingKey, payloadLength: 2 + trimmed.count, into: &output) {
            $0.writeInteger(code.rawValue)
            $0.writeBytes(trimmed)
        }
    }
}

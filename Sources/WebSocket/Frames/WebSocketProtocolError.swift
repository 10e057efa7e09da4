/// Every way a peer can break RFC 6455 after the handshake; each maps to exactly one close code.
public enum WebSocketProtocolError: Error, Sendable, Equatable {
    /// Opcode 3-7 or 11-15 (section 5.2).
    case reservedOpcode(UInt8)
    /// RSV2 or RSV3 set, or RSV1 set with no extension defining it (section 5.2).
    case reservedBitsSet
    /// RSV1 set on a control frame or a continuation frame (RFC 7692 section 6.1).
    case unexpectedCompressionBit
    /// A control frame with more than 125 bytes of payload (section 5.5).
    case controlFrameTooLong(Int)
    /// A control frame with FIN clear (section 5.5).
    case fragmentedControlFrame
    /// A server received an unmasked frame (section 5.1).
    case unmaskedFrameFromClient
    /// A client received a masked frame (section 5.1).
    case maskedFrameFromServer
    /// A 64-bit payload length with its most significant bit set (section 5.2).
    case payloadLengthOutOfRange
    /// The frame's declared length is above the configured maximum frame size.
    case frameTooBig(length: Int, limit: Int)
    /// The reassembled (or inflated) message is above the configured maximum message size.
    case messageTooBig(limit: Int)
    /// A continuation frame with no message in progress (section 5.4).
    case continuationWithoutStart
    /// A new text or binary frame while a fragmented message is still open (section 5.4).
    case dataFrameDuringFragmentedMessage
    /// A text message (or close reason) that is not valid UTF-8 (sections 5.6, 8.1).
    case invalidUTF8
    /// A close frame with a one-byte payload (section 5.5.1).
    case closePayloadTooShort
    /// A close frame carrying a code that may not appear on the wire (section 7.4).
    case invalidCloseCode(UInt16)
    /// A compressed message that does not inflate (RFC 7692 section 8).
    case invalidCompressedData

    /// The close code to send when failing the connection for this reason (section 7.4.1).
    public var closeCode: CloseCode {
        switch self {
        case .reservedOpcode, .reservedBitsSet, .unexpectedCompressionBit, .controlFrameTooLong,
            .fragmentedControlFrame, .unmaskedFrameFromClient, .maskedFrameFromServer, .payloadLengthOutOfRange,
            .continuationWithoutStart, .dataFrameDuringFragmentedMessage, .closePayloadTooShort, .invalidCloseCode:
            return .protocolError
        case .frameTooBig, .messageTooBig:
            return .messageTooBig
        case .invalidUTF8, .invalidCompressedData:
            return .invalidFramePayloadData
        }
    }

    /// A short reason for the close frame (kept under the 123-byte limit of section 5.5.1).
    public var closeReason: String {
        switch self {
        case .reservedOpcode(let raw): return "reserved opcode \(raw)"
        case .reservedBitsSet: return "reserved bits set"
        case .unexpectedCompressionBit: return "RSV1 on a control or continuation frame"
        case .controlFrameTooLong: return "control frame longer than 125 bytes"
        case .fragmentedControlFrame: return "fragmented control frame"
        case .unmaskedFrameFromClient: return "client frame not masked"
        case .maskedFrameFromServer: return "server frame masked"
        case .payloadLengthOutOfRange: return "payload length out of range"
        case .frameTooBig(_, let limit): return "frame larger than \(limit) bytes"
        case .messageTooBig(let limit): return "message larger than \(limit) bytes"
        case .continuationWithoutStart: return "continuation frame without a message"
        case .dataFrameDuringFragmentedMessage: return "data frame inside a fragmented message"
        case .invalidUTF8: return "invalid UTF-8"
        case .closePayloadTooShort: return "close payload of one byte"
        case .invalidCloseCode(let code): return "invalid close code \(code)"
        case .invalidCompressedData: return "invalid compressed data"
        }
    }
}

/// The fixed part of a frame (RFC 6455 section 5.2): flags, opcode, mask and payload length.
public struct FrameHeader: Sendable, Equatable {
    /// FIN: this is the final fragment of a message.
    public var fin: Bool
    /// RSV1: set on the first frame of a compressed message when permessage-deflate is in use
    /// (RFC 7692 section 6).
    public var rsv1: Bool
    /// The frame's opcode.
    public var opcode: Opcode
    /// The masking key; present exactly on client-to-server frames (section 5.3).
    public var maskingKey: MaskingKey?
    /// The payload length in bytes.
    public var payloadLength: Int

    public init(fin: Bool = true, rsv1: Bool = false, opcode: Opcode, maskingKey: MaskingKey? = nil, payloadLength: Int)
    {
        self.fin = fin
        self.rsv1 = rsv1
        self.opcode = opcode
        self.maskingKey = maskingKey
        self.payloadLength = payloadLength
    }

    /// The number of bytes this header takes on the wire, with the minimal length encoding.
    @inlinable
    public var encodedSize: Int {
        let lengthBytes: Int
        if payloadLength <= 125 {
            lengthBytes = 0
        } else if payloadLength <= 0xFFFF {
            lengthBytes = 2
        } else {
            lengthBytes = 8
        }
        return 2 + lengthBytes + (maskingKey == nil ? 0 : 4)
    }
}

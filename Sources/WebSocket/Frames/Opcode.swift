/// A frame opcode (RFC 6455 section 5.2). Reserved values (3-7, 11-15) are not representable:
/// the parser rejects them with close 1002 before a `Frame` exists.
public enum Opcode: UInt8, Sendable, Equatable {
    /// Continues a fragmented data message (section 5.4).
    case continuation = 0x0
    /// First (or only) frame of a UTF-8 text message.
    case text = 0x1
    /// First (or only) frame of a binary message.
    case binary = 0x2
    /// Close control frame (section 5.5.1).
    case close = 0x8
    /// Ping control frame (section 5.5.2).
    case ping = 0x9
    /// Pong control frame (section 5.5.3).
    case pong = 0xA

    /// Control frames have the high bit of the opcode set (section 5.5).
    @inlinable
    public var isControl: Bool { rawValue & 0x8 != 0 }
}

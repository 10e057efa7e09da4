import NIOCore

/// One parsed frame. The payload is already unmasked; it is a slice of the receive buffer
/// (RFC 6455 section 5.2), so holding on to it keeps that buffer's storage alive.
public struct Frame: Sendable, Equatable {
    /// FIN: this is the final fragment of a message.
    public var fin: Bool
    /// RSV1: the message is compressed (only on the first frame of a data message).
    public var rsv1: Bool
    /// The frame's opcode.
    public var opcode: Opcode
    /// The unmasked application data.
    public var payload: ByteBuffer

    public init(fin: Bool = true, rsv1: Bool = false, opcode: Opcode, payload: ByteBuffer) {
        self.fin = fin
        self.rsv1 = rsv1
        self.opcode = opcode
        self.payload = payload
    }
}

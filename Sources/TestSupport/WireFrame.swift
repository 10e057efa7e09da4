import WebSocket

/// Raw frame bytes for tests, including ones a correct writer would never produce (reserved
/// bits and opcodes, non-minimal lengths, a length with the top bit set).
public struct WireFrame: Sendable {
    /// FIN bit.
    public var fin = true
    /// RSV1-3 as a 3-bit value (4 = RSV1).
    public var rsv: UInt8 = 0
    /// The raw 4-bit opcode, reserved values included.
    public var opcode: UInt8
    /// The masking key, nil for an unmasked frame.
    public var maskingKey: (UInt8, UInt8, UInt8, UInt8)?
    /// The unmasked payload.
    public var payload: [UInt8]
    /// Force the 16-bit (126) or 64-bit (127) length form; nil picks the minimal one.
    public var lengthForm: UInt8?
    /// Overrides the declared length (the payload bytes stay as given).
    public var declaredLength: UInt64?

    public init(
        fin: Bool = true, rsv: UInt8 = 0, opcode: UInt8, masked: (UInt8, UInt8, UInt8, UInt8)? = nil,
        payload: [UInt8] = [], lengthForm: UInt8? = nil, declaredLength: UInt64? = nil
    ) {
        self.fin = fin
        self.rsv = rsv
        self.opcode = opcode
        self.maskingKey = masked
        self.payload = payload
        self.lengthForm = lengthForm
        self.declaredLength = declaredLength
    }

    /// A frame with a real opcode and a text payload.
    public init(fin: Bool = true, _ opcode: Opcode, _ text: String, masked: (UInt8, UInt8, UInt8, UInt8)? = nil) {
        self.init(fin: fin, opcode: opcode.rawValue, masked: masked, payload: Array(text.utf8))
    }

    /// The encoded bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = [(fin ? 0x80 : 0) | (rsv << 4) | (opcode & 0x0F)]
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        let length = declaredLength ?? UInt64(payload.count)
        let form = lengthForm ?? (length <= 125 ? 0 : length <= 0xFFFF ? 126 : 127)
        switch form {
        case 126:
            out.append(maskBit | 126)
            out += [UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)]
        case 127:
            out.append(maskBit | 127)
            out += (0..<8).reversed().map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
        default:
            out.append(maskBit | UInt8(length))
        }
        var body = payload
        if let key = maskingKey {
            let keyBytes = [key.0, key.1, key.2, key.3]
            out += keyBytes
            for index in body.indices { body[index] ^= keyBytes[index % 4] }
        }
        return out + body
    }
}

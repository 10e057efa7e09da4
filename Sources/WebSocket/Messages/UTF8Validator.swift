import NIOCore

/// Incremental, fail-fast UTF-8 validator (RFC 6455 section 8.1, Unicode table 3-7).
///
/// A deterministic automaton over byte classes: it rejects at the first byte that cannot
/// continue a well-formed sequence (overlong forms, surrogates, code points above U+10FFFF,
/// stray continuation bytes), so a text message can be failed mid-frame. State carries across
/// calls, so fragments may split a character anywhere. Runs of ASCII are skipped 8 bytes at a time;
/// other bytes take one table load and one shift ("shift-based DFA"), so consecutive loads do
/// not wait on each other.
public struct UTF8Validator: Sendable, Equatable {
    // A state is stored as its bit offset (index * 6) in a row of `rows`.
    // `accept` is a character boundary; `reject` is sticky.
    private static let accept: UInt64 = 0
    private static let reject: UInt64 = 6
    private static let classCount = 12

    /// Byte class of every byte value: 0 ASCII, 1 80-8F, 2 90-9F, 3 A0-BF, 4 C2-DF, 5 E0,
    /// 6 E1-EC/EE-EF, 7 ED, 8 F0, 9 F1-F3, 10 F4, 11 never valid (C0, C1, F5-FF).
    private static let byteClass: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x00...0x7F: return 0
        case 0x80...0x8F: return 1
        case 0x90...0x9F: return 2
        case 0xA0...0xBF: return 3
        case 0xC2...0xDF: return 4
        case 0xE0: return 5
        case 0xE1...0xEC, 0xEE...0xEF: return 6
        case 0xED: return 7
        case 0xF0: return 8
        case 0xF1...0xF3: return 9
        case 0xF4: return 10
        default: return 11
        }
    }

    /// `transition[state * 12 + class]`. States: 0 accept, 1 reject, 2 one continuation left,
    /// 3 two left, 4 three left, 5 after E0 (needs A0-BF), 6 after ED (needs 80-9F, no surrogates),
    /// 7 after F0 (needs 90-BF), 8 after F4 (needs 80-8F, at most U+10FFFF).
    private static let transition: [UInt8] = {
        let r: UInt8 = 1
        let rows: [[UInt8]] = [
            // ASCII 80-8F 90-9F A0-BF C2-DF E0  E1-EF ED  F0  F1-F3 F4  bad
            [0, r, r, r, 2, 5, 3, 6, 7, 4, 8, r],  // 0 accept
            [r, r, r, r, r, r, r, r, r, r, r, r],  // 1 reject
            [r, 0, 0, 0, r, r, r, r, r, r, r, r],  // 2 one continuation left
            [r, 2, 2, 2, r, r, r, r, r, r, r, r],  // 3 two left
            [r, 3, 3, 3, r, r, r, r, r, r, r, r],  // 4 three left
            [r, r, r, 2, r, r, r, r, r, r, r, r],  // 5 after E0
            [r, 2, 2, r, r, r, r, r, r, r, r, r],  // 6 after ED
            [r, r, 3, 3, r, r, r, r, r, r, r, r],  // 7 after F0
            [r, 3, r, r, r, r, r, r, r, r, r, r],  // 8 after F4
        ]
        return rows.flatMap { $0 }
    }()

    /// `transition` composed with `byteClass`: `rows[byte] >> (state * 6) & 63` is the next
    /// state's offset. Nine states of six bits fit a 64-bit row.
    private static let rows: [UInt64] = (0..<256).map { byte in
        (0..<9).reduce(UInt64(0)) { row, state in
            let next = UInt64(transition[state * classCount + Int(byteClass[byte])]) * 6
            return row | next << UInt64(state * 6)
        }
    }

    private var state: UInt64 = UTF8Validator.accept
    /// Bytes accepted before the failure (or all bytes seen while valid).
    public private(set) var validByteCount: Int = 0

    public init() {}

    /// True when the bytes so far end on a character boundary (a message may end here).
    public var isComplete: Bool { state == Self.accept }

    /// True once an impossible sequence was seen; it stays failed until `reset()`.
    public var hasFailed: Bool { state == Self.reject }

    /// Starts over for a new message.
    public mutating func reset() {
        self = UTF8Validator()
    }

    /// Feeds `bytes`; returns false as soon as they cannot be part of valid UTF-8
    /// (`validByteCount` then tells where, counted over all calls).
    public mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard state != Self.reject else { return false }
        var current = state
        var index = 0
        let count = bytes.count
        let failedAt: Int? = Self.rows.withUnsafeBufferPointer { table in
            while index < count {
                let byte = bytes[index]
                if current == Self.accept, byte < 0x80 {
                    // An ASCII byte on a character boundary: skip the ASCII run a word at a time.
                    // Trying only here keeps mixed non-ASCII text off this path.
                    index &+= 1
                    while index &+ 8 <= count,
                        bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        index &+= 8
                    }
                    continue
                }
                current = (table[Int(byte)] &>> current) & 63
                if current == Self.reject { return index }
                index &+= 1
            }
            return nil
        }
        state = current
        if let failedAt {
            validByteCount += failedAt
            return false
        }
        validByteCount += count
        return true
    }

    /// Feeds the readable bytes of `buffer`.
    public mutating func validate(_ buffer: ByteBuffer) -> Bool {
        buffer.withUnsafeReadableBytes { validate($0) }
    }

    /// Whether `bytes` is complete, valid UTF-8.
    public static func isValid(_ bytes: some Sequence<UInt8>) -> Bool {
        var validator = UTF8Validator()
        let ok = Array(bytes).withUnsafeBytes { validator.validate($0) }
        return ok && validator.isComplete
    }
}

/// Writes compact JSON straight into bytes, for the payloads a fleet sends every few seconds per
/// charger (``DirectJSONEncodable``): the bytes `JSONEncoder` writes with sorted keys and
/// unescaped slashes, without its boxing, its key sorting and its per-value allocations.
///
/// The caller writes keys in sorted order; `DirectJSONEncodingTests` holds every conformance to
/// `JSONEncoder`'s bytes. Package-wide so the simulator's transaction queue writes its journal
/// entries with it too.
package struct CompactJSONWriter {
    /// The JSON written so far.
    package private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element needs a `,` before it.
    private var needsComma = false
    /// Whether `/` is written `\/`, as `JSONEncoder` does without `.withoutEscapingSlashes`.
    private let escapesSlashes: Bool

    package init(capacity: Int = 128, escapingSlashes: Bool = false) {
        bytes.reserveCapacity(capacity)
        escapesSlashes = escapingSlashes
    }

    package mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an array element: the `,` when one came before.
    package mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
    }

    /// Writes `"name":` (and the `,` before it when needed). `name` is a plain ASCII key.
    package mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes an integer in decimal.
    package mutating func value(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude is unsigned, so Int.min has one too.
        Self.appendDecimal(UInt64(number.magnitude), to: &bytes)
        needsComma = true
    }

    /// Writes a JSON string: quotes, backslashes and control characters escaped as `JSONEncoder`
    /// does, `/` as the writer was made to, everything else (non-ASCII included) as is.
    package mutating func value(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var clean = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x2F && escapesSlashes) {
                if clean < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index])) }
                appendEscaped(byte)
                clean = index + 1
            }
            if clean < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...])) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes an unsigned integer in decimal.
    package mutating func value(_ number: UInt64) {
        Self.appendDecimal(number, to: &bytes)
        needsComma = true
    }

    /// Appends `number`'s decimal digits to `bytes` (also for payloads written without a writer).
    package static func appendDecimal(_ number: UInt64, to bytes: inout [UInt8]) {
        // The digits come out last first, into a buffer on the stack (20 holds UInt64.max), and
        // are appended in one go: reversing `bytes[start...]` in place copied the whole array (a
        // slice's mutation is not unique), four times per MeterValues.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = number
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Writes an OCPP timestamp as a JSON string; false (nothing written) when its year is outside
    /// 0000...9999, which `JSONEncoder` reports as an error.
    mutating func value(_ timestamp: OCPPTimestamp) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        guard timestamp.appendRFC3339(to: &bytes) else {
            bytes.removeLast()
            return false
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
        return true
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case 0x5C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x2F: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    digits[Int(byte >> 4)], digits[Int(byte & 0x0F)],
                ])
            }
        }
    }
}

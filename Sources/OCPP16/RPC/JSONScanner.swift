import Foundation

/// A strict RFC 8259 scanner over UTF-8 bytes: reads the few strings and numbers of the outer
/// RPC array and skips over nested values (returning their byte range) without building them.
///
/// It never recurses: nesting is tracked in a 64-bit mask, which is also the depth bound.
struct JSONScanner {
    /// Deepest nesting of objects and arrays accepted inside one skipped value.
    static let maximumDepth = 64

    /// A JSON syntax fault, with the byte offset where it was found.
    struct SyntaxError: Error, Equatable {
        var reason: String
        var offset: Int
    }

    /// The JSON type of the value starting at the current position, judged by its first byte.
    enum ValueKind: Equatable {
        case object, array, string, number, literal, invalid

        var name: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .literal: "a literal (true, false or null)"
            case .invalid: "not a JSON value"
            }
        }
    }

    let bytes: UnsafeRawBufferPointer
    private(set) var index: Int = 0

    init(_ bytes: UnsafeRawBufferPointer, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .lineFeed, .carriageReturn: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` if it is next (after whitespace).
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    func fault(_ reason: String) -> SyntaxError {
        SyntaxError(reason: reason, offset: index)
    }

    /// The kind of the next value (after whitespace), without consuming it.
    mutating func nextKind() -> ValueKind {
        skipWhitespace()
        guard let byte = peek() else { return .invalid }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return .literal
        default: return .invalid
        }
    }

    // MARK: Values

    /// Skips one complete value (after whitespace) and returns its byte range.
    mutating func skipValue() throws(SyntaxError) -> Range<Int> {
        skipWhitespace()
        let start = index
        var depth = 0
        var objectMask: UInt64 = 0  // bit d set: the container at depth d is an object
        while true {
            // Here a value is expected.
            skipWhitespace()
            guard let byte = peek() else { throw fault("unexpected end of input, a value was expected") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < Self.maximumDepth else {
                    throw fault("nesting deeper than \(Self.maximumDepth) levels")
                }
                let isObject = byte == UInt8(ascii: "{")
                if isObject { objectMask |= 1 << UInt64(depth) } else { objectMask &= ~(1 << UInt64(depth)) }
                depth += 1
                index += 1
                skipWhitespace()
                if peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    depth -= 1
                } else {
                    if isObject { try skipMemberName() }
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try scanStringBody()
            case UInt8(ascii: "t"):
                try expectLiteral("true")
            case UInt8(ascii: "f"):
                try expectLiteral("false")
            case UInt8(ascii: "n"):
                try expectLiteral("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                _ = try skipNumber()
            default:
                let shown =
                    (0x21..<0x7F).contains(byte)
                    ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
                throw fault("unexpected \(shown), a value was expected")
            }
            // Here a value has just ended: close containers until a comma asks for the next value.
            while true {
                if depth == 0 { return start..<index }
                let inObject = (objectMask >> UInt64(depth - 1)) & 1 == 1
                skipWhitespace()
                guard let next = peek() else { throw fault("unexpected end of input inside a container") }
                if next == UInt8(ascii: ",") {
                    index += 1
                    if inObject { try skipMemberName() }
                    break
                } else if next == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    depth -= 1
                } else {
                    throw fault(inObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
                }
            }
        }
    }

    /// `"name" :` inside an object.
    private mutating func skipMemberName() throws(SyntaxError) {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw fault("expected a member name string") }
        _ = try scanStringBody()
        guard consume(UInt8(ascii: ":")) else { throw fault("expected ':' after a member name") }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fault("truncated literal") }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw fault("invalid literal")
        }
        index += count
    }

    /// Skips a number (RFC 8259 section 6 grammar, no leading zeros, no `+`, no bare `.`);
    /// returns its range and whether it is an integer (no fraction, no exponent).
    mutating func skipNumber() throws(SyntaxError) -> (range: Range<Int>, isInteger: Bool) {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), first.isDigit else { throw fault("a digit was expected in a number") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard peek()?.isDigit == true else { throw fault("a digit was expected after '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard peek()?.isDigit == true else { throw fault("a digit was expected in an exponent") }
            skipDigits()
        }
        return (start..<index, isInteger)
    }

    private mutating func skipDigits() {
        while let byte = peek(), byte.isDigit { index += 1 }
    }

    // MARK: Strings

    /// Scans a string starting at its opening quote; returns the range between the quotes and
    /// whether it holds escapes or non-ASCII bytes (either needs the slow decode).
    private mutating func scanStringBody() throws(SyntaxError) -> (content: Range<Int>, isPlainASCII: Bool) {
        index += 1  // opening quote
        let start = index
        var isPlainASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let content = start..<index
                index += 1
                return (content, isPlainASCII)
            case UInt8(ascii: "\\"):
                isPlainASCII = false
                index += 1
                guard let escaped = peek() else { break }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    for _ in 0..<4 {
                        guard let hex = peek(), hex.hexValue != nil else { throw fault("invalid \\u escape") }
                        index += 1
                    }
                default:
                    throw fault("invalid escape sequence")
                }
            case 0..<0x20:
                throw fault("unescaped control character in a string")
            case 0x80...:
                isPlainASCII = false
                index += 1
            default:
                index += 1
            }
        }
        throw fault("unterminated string")
    }

    /// Reads a string value (the current byte must be its opening quote) into a Swift String,
    /// resolving escapes and rejecting invalid UTF-8 and lone surrogates.
    mutating func scanString() throws(SyntaxError) -> String {
        let (content, isPlainASCII) = try scanStringBody()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[content])
        if isPlainASCII {
            return String(decoding: raw, as: UTF8.self)
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                position += 1
                continue
            }
            let escaped = raw[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = Self.hex4(raw, at: position)
                position += 4
                if (0xD800..<0xDC00).contains(scalarValue) {
                    // A high surrogate must be followed by `\u` and a low surrogate.
                    guard position + 6 <= raw.count, raw[position] == UInt8(ascii: "\\"),
                        raw[position + 1] == UInt8(ascii: "u")
                    else { throw fault("lone surrogate in a \\u escape") }
                    let low = Self.hex4(raw, at: position + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw fault("lone surrogate in a \\u escape") }
                    position += 6
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw fault("lone surrogate in a \\u escape") }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            default: utf8.append(escaped)  // `"`, `\` and `/` stand for themselves
            }
        }
        guard let string = String(bytes: utf8, encoding: .utf8) else { throw fault("string is not valid UTF-8") }
        return string
    }

    /// The value of four hex digits already checked by `scanStringBody`.
    private static func hex4(_ raw: UnsafeRawBufferPointer, at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(raw[position + offset].hexValue ?? 0)
        }
        return value
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")

    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    fileprivate var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

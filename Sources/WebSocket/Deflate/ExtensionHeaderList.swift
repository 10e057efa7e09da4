/// A parsed `Sec-WebSocket-Extensions` value (RFC 6455 section 9.1):
///
///     extension-list  = 1#extension
///     extension       = extension-token *( ";" extension-param )
///     extension-param = token [ "=" (token | quoted-string) ]
///
/// Several header lines are one comma-separated list. A quoted value must still be a token
/// once unescaped (RFC 6455 section 9.1).
struct ExtensionHeaderList: Equatable {
    /// One extension with its parameters, in the order received.
    struct Extension: Equatable {
        var name: String
        var parameters: [Parameter]
    }

    /// One `name[=value]` parameter; the value is unquoted.
    struct Parameter: Equatable {
        var name: String
        var value: String?
    }

    var extensions: [Extension]

    /// Parses every header value as one list; nil when the syntax is wrong anywhere, since a
    /// broken element makes the split into extensions unreliable.
    init?(headerValues: [String]) {
        var scanner = Scanner(bytes: Array(headerValues.joined(separator: ",").utf8))
        guard let extensions = scanner.extensionList() else { return nil }
        self.extensions = extensions
    }

    /// Byte-level recursive-descent reader of the grammar above.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func extensionList() -> [Extension]? {
            var result: [Extension] = []
            while true {
                skipWhitespace()
                // The #rule allows empty list elements ("a, , b").
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard index < bytes.count else { return result }
                guard let element = extensionElement() else { return nil }
                result.append(element)
                skipWhitespace()
                guard index < bytes.count else { return result }
                guard peek() == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }

        private mutating func extensionElement() -> Extension? {
            guard let name = token() else { return nil }
            var parameters: [Parameter] = []
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: ";") else { return Extension(name: name, parameters: parameters) }
                index += 1
                skipWhitespace()
                guard let parameterName = token() else { return nil }
                skipWhitespace()
                var value: String?
                if peek() == UInt8(ascii: "=") {
                    index += 1
                    skipWhitespace()
                    if peek() == UInt8(ascii: "\"") {
                        guard let quoted = quotedString(), Self.isToken(quoted) else { return nil }
                        value = quoted
                    } else {
                        guard let plain = token() else { return nil }
                        value = plain
                    }
                }
                parameters.append(Parameter(name: parameterName, value: value))
            }
        }

        private mutating func token() -> String? {
            let start = index
            while index < bytes.count, Self.isTokenCharacter(bytes[index]) {
                index += 1
            }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A quoted-string with backslash escapes; returns the unescaped content.
        private mutating func quotedString() -> String? {
            index += 1  // the opening quote
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    content.append(bytes[index])
                    index += 1
                default:
                    content.append(byte)
                }
            }
            return nil
        }

        private func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        private mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
        }

        static func isToken(_ string: String) -> Bool {
            !string.isEmpty && string.utf8.allSatisfy(isTokenCharacter)
        }

        /// tchar from RFC 7230 section 3.2.6.
        static func isTokenCharacter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
    }
}

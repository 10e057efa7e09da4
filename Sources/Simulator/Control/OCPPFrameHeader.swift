/// The head of an OCPP-J frame, read without parsing the payload (for metrics): the message
/// type, the message id and, for a CALL, the action, for a CALLERROR, the error code.
struct OCPPFrameHeader: Equatable {
    enum Kind: String {
        case call
        case result
        case error
    }

    var kind: Kind
    var messageId: String
    /// The action of a CALL, the error code of a CALLERROR; nil for a CALLRESULT.
    var name: String?

    /// Reads `[2,"id","Action",...`, `[3,"id",...` or `[4,"id","Code",...`; nil for anything else.
    init?(_ text: String) {
        var scanner = text.utf8.makeIterator()
        func next() -> UInt8? {
            while let byte = scanner.next() {
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")
                    && byte != UInt8(ascii: "\r")
                {
                    return byte
                }
            }
            return nil
        }
        func string() -> String? {
            guard next() == UInt8(ascii: "\"") else { return nil }
            var bytes: [UInt8] = []
            while let byte = scanner.next() {
                if byte == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = scanner.next() else { return nil }
                    bytes.append(escaped)
                } else {
                    bytes.append(byte)
                }
                if bytes.count > 64 { return nil }
            }
            return nil
        }
        guard next() == UInt8(ascii: "["), let type = next(), next() == UInt8(ascii: ",") else { return nil }
        switch type {
        case UInt8(ascii: "2"): kind = .call
        case UInt8(ascii: "3"): kind = .result
        case UInt8(ascii: "4"): kind = .error
        default: return nil
        }
        guard let id = string() else { return nil }
        messageId = id
        switch kind {
        case .call, .error:
            guard next() == UInt8(ascii: ","), let name = string() else { return nil }
            self.name = name
        case .result:
            name = nil
        }
    }
}

import Foundation

/// One OCPP-J message: the JSON array wrapped around every OCPP payload (OCPP-J 1.6 section 4).
///
/// Parsing reads the outer array with a strict scanner and keeps each payload as its exact bytes
/// (``RawJSON``), so the typed decode of a payload runs once, on just that slice. Serializing
/// writes the compact form the spec shows: `[2,"19223201","BootNotification",{...}]`.
public enum RPCFrame: Sendable, Equatable {
    /// A request: `[2, "<UniqueId>", "<Action>", {<Payload>}]` (section 4.2.1).
    case call(messageId: String, action: String, payload: RawJSON)
    /// A successful response: `[3, "<UniqueId>", {<Payload>}]` (section 4.2.2).
    case callResult(messageId: String, payload: RawJSON)
    /// An error response: `[4, "<UniqueId>", "<errorCode>", "<errorDescription>", {<errorDetails>}]`
    /// (section 4.2.3).
    case callError(messageId: String, error: CallError)

    /// The longest message id allowed: "Maximum of 36 characters, to allow for GUIDs" (section 4.1.4).
    public static let maximumMessageIdLength = 36

    /// The message id of any of the three frames.
    public var messageId: String {
        switch self {
        case .call(let messageId, _, _), .callResult(let messageId, _), .callError(let messageId, _):
            messageId
        }
    }

    /// The MessageTypeNumber of this frame.
    public var messageType: RPCMessageType {
        switch self {
        case .call: .call
        case .callResult: .callResult
        case .callError: .callError
        }
    }
}

// MARK: - Serializing

extension RPCFrame {
    /// The frame as compact UTF-8 JSON, ready for a WebSocket text message. A CALLERROR description
    /// longer than ``CallError/maximumDescriptionLength`` characters is cut to that length.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        switch self {
        case .call(let messageId, let action, let payload):
            out.reserveCapacity(messageId.utf8.count + action.utf8.count + payload.bytes.count + 12)
            out.append(contentsOf: "[2,".utf8)
            Self.appendString(messageId, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendString(action, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendData(payload.bytes, to: &out)
        case .callResult(let messageId, let payload):
            out.reserveCapacity(messageId.utf8.count + payload.bytes.count + 8)
            out.append(contentsOf: "[3,".utf8)
            Self.appendString(messageId, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendData(payload.bytes, to: &out)
        case .callError(let messageId, let error):
            out.reserveCapacity(messageId.utf8.count + error.errorDescription.utf8.count + 48)
            out.append(contentsOf: "[4,".utf8)
            Self.appendString(messageId, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendString(error.code.wire, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendString(String(error.errorDescription.prefix(CallError.maximumDescriptionLength)), to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: error.details.bytes)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// Appends `data` in one copy (Array's generic `append(contentsOf:)` walks `Data` slowly).
    static func appendData(_ data: Data, to out: inout [UInt8]) {
        data.withUnsafeBytes { out.append(contentsOf: $0) }
    }

    /// True when `utf8` stands in a JSON string as is: no control character, quote or backslash.
    static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else (including non-ASCII) as UTF-8.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Ids and action names need no escapes: one copy, not a byte at a time.
        var plain = string
        let copied = plain.withUTF8 { utf8 -> Bool in
            guard Self.needsNoEscape(utf8) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - Parsing

extension RPCFrame {
    /// Parses one complete message (the text of one WebSocket message).
    ///
    /// Payloads are copied once, into the ``RawJSON`` of the frame. A `null` payload or
    /// `errorDetails` is read as `{}` (section 4.2.1 allows both notations for "no payload").
    /// See ``RPCFrameError`` for which fault gets which CALLERROR code.
    public static func parse(_ bytes: [UInt8]) throws(RPCFrameError) -> RPCFrame {
        let result: Result<RPCFrame, RPCFrameError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(RPCFrameError) in
                try parse(buffer, payload: { range in RawJSON(Data(buffer[range])) })
            }
        }
        return try result.get()
    }

    /// Parses one complete message held in `Data`; payloads share the storage of `data`.
    public static func parse(_ data: Data) throws(RPCFrameError) -> RPCFrame {
        let result: Result<RPCFrame, RPCFrameError> = data.withUnsafeBytes { buffer in
            Result { () throws(RPCFrameError) in
                try parse(
                    buffer,
                    payload: { range in
                        RawJSON(data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)])
                    })
            }
        }
        return try result.get()
    }

    /// The payload of `bytes` when they are exactly `[3,"<messageId>",<payload>]` with no
    /// whitespace around the id (what peers write), nil otherwise: the answer to the CALL in
    /// flight, read without building its id or type (issue 11: one per MeterValues). A nil leaves
    /// the frame to ``parse(_:)-([UInt8])``, which gives the same payload when this one does.
    static func callResultPayload(_ bytes: [UInt8], answering messageId: String) -> RawJSON? {
        var id = messageId
        return id.withUTF8 { id in
            // An id the frame carries as is: no escapes, and short enough for `parse`.
            guard id.count <= maximumMessageIdLength, Self.needsNoEscape(id) else { return nil }
            // `[3,"` id `",`, then the payload object and `]`.
            let prefix = id.count + 6
            guard bytes.count > prefix + 2, bytes[0] == UInt8(ascii: "["), bytes[1] == UInt8(ascii: "3"),
                bytes[2] == UInt8(ascii: ","), bytes[3] == UInt8(ascii: "\""),
                bytes[prefix - 2] == UInt8(ascii: "\""), bytes[prefix - 1] == UInt8(ascii: ",")
            else { return nil }
            return bytes.withUnsafeBytes { buffer -> RawJSON? in
                guard let idBytes = UnsafeRawBufferPointer(id).baseAddress, let frame = buffer.baseAddress,
                    id.isEmpty || memcmp(frame + 4, idBytes, id.count) == 0
                else { return nil }
                var scanner = JSONScanner(buffer, at: prefix)
                guard scanner.nextKind() == .object, let range = try? scanner.skipValue() else { return nil }
                guard scanner.consume(UInt8(ascii: "]")) else { return nil }
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { return nil }
                return RawJSON(Data(buffer[range]))
            }
        }
    }

    private static func parse(
        _ buffer: UnsafeRawBufferPointer,
        payload makePayload: (Range<Int>) -> RawJSON
    ) throws(RPCFrameError) -> RPCFrame {
        var reader = FrameReader(scanner: JSONScanner(buffer))
        return try reader.read(makePayload: makePayload)
    }
}

/// Walks the outer array element by element, remembering what it has read so a fault can name
/// the message type and id.
private struct FrameReader {
    var scanner: JSONScanner
    var messageType: RPCMessageType?
    var messageId: String?
    /// Elements read so far, for "has 3 elements, expected 4".
    var elementCount = 0

    func malformed(_ code: CallErrorCode, _ reason: String) -> RPCFrameError {
        .malformed(code: code, reason: reason, messageType: messageType, messageId: messageId)
    }

    func syntax(_ error: JSONScanner.SyntaxError) -> RPCFrameError {
        malformed(.formationViolation, "not valid JSON: \(error.reason) at byte \(error.offset)")
    }

    mutating func read(makePayload: (Range<Int>) -> RawJSON) throws(RPCFrameError) -> RPCFrame {
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { throw malformed(.formationViolation, "empty message") }
        guard scanner.consume(UInt8(ascii: "[")) else {
            // Say whether it is JSON at all: a peer debugging its output deserves the precise fault.
            do throws(JSONScanner.SyntaxError) {
                _ = try scanner.skipValue()
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.fault("unexpected bytes after the value") }
            } catch {
                throw syntax(error)
            }
            throw malformed(.formationViolation, "message is not a JSON array")
        }
        if scanner.consume(UInt8(ascii: "]")) {
            throw malformed(.protocolError, "empty array, MessageTypeId is missing")
        }

        let type = try readMessageType()
        messageType = type
        try nextElement(expected: type.elementCount)
        messageId = try readString(named: "MessageId")
        if let messageId, messageId.count > RPCFrame.maximumMessageIdLength {
            throw malformed(
                .formationViolation,
                "MessageId has \(messageId.count) characters, at most \(RPCFrame.maximumMessageIdLength) are allowed"
            )
        }
        let id = messageId ?? ""

        let frame: RPCFrame
        switch type {
        case .call:
            try nextElement(expected: 4)
            let action = try readString(named: "Action")
            try nextElement(expected: 4)
            let payload = try readObject(named: "Payload", makePayload: makePayload)
            frame = .call(messageId: id, action: action, payload: payload)
        case .callResult:
            try nextElement(expected: 3)
            let payload = try readObject(named: "Payload", makePayload: makePayload)
            frame = .callResult(messageId: id, payload: payload)
        case .callError:
            try nextElement(expected: 5)
            let code = try readString(named: "ErrorCode")
            try nextElement(expected: 5)
            let description = try readString(named: "ErrorDescription")
            try nextElement(expected: 5)
            let details = try readObject(named: "ErrorDetails", makePayload: makePayload)
            frame = .callError(
                messageId: id, error: CallError(CallErrorCode(wire: code), description, details: details))
        }

        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: ",") {
            throw malformed(.formationViolation, "\(type) has more than \(type.elementCount) elements")
        }
        guard scanner.consume(UInt8(ascii: "]")) else {
            throw syntax(scanner.fault("expected ',' or ']' in an array"))
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw malformed(.formationViolation, "unexpected bytes after the message") }
        return frame
    }

    /// Moves past the `,` before the next element; a `]` there means the frame is incomplete.
    mutating func nextElement(expected: Int) throws(RPCFrameError) {
        elementCount += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") {
            let name = messageType.map { "\($0)" } ?? "message"
            let elements = elementCount == 1 ? "1 element" : "\(elementCount) elements"
            throw malformed(.protocolError, "\(name) has \(elements), expected \(expected)")
        }
        guard scanner.consume(UInt8(ascii: ",")) else {
            throw syntax(scanner.fault("expected ',' or ']' in an array"))
        }
    }

    mutating func readMessageType() throws(RPCFrameError) -> RPCMessageType {
        let kind = scanner.nextKind()
        guard kind == .number else { try wrongType(named: "MessageTypeId", expected: "an integer", found: kind) }
        let token: (range: Range<Int>, isInteger: Bool)
        do {
            token = try scanner.skipNumber()
        } catch {
            throw syntax(error)
        }
        // The token must end here (`02` is not a number but `0` followed by garbage).
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: ",") || scanner.peek() == UInt8(ascii: "]") else {
            throw syntax(scanner.fault("expected ',' or ']' in an array"))
        }
        guard token.isInteger else { throw malformed(.formationViolation, "MessageTypeId must be an integer") }
        // One digit (every valid type): no String to parse.
        if token.range.count == 1 {
            let number = Int(scanner.bytes[token.range.lowerBound] &- UInt8(ascii: "0"))
            guard let type = RPCMessageType(rawValue: number) else { throw .unknownMessageType(number) }
            return type
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: scanner.bytes[token.range]), as: UTF8.self)
        guard let number = Int(text) else {
            throw malformed(.formationViolation, "MessageTypeId \(text) is out of range")
        }
        guard let type = RPCMessageType(rawValue: number) else { throw .unknownMessageType(number) }
        return type
    }

    mutating func readString(named name: String) throws(RPCFrameError) -> String {
        let kind = scanner.nextKind()
        guard kind == .string else { try wrongType(named: name, expected: "a string", found: kind) }
        do {
            return try scanner.scanString()
        } catch {
            throw syntax(error)
        }
    }

    /// An object, or `null` read as `{}`.
    mutating func readObject(
        named name: String,
        makePayload: (Range<Int>) -> RawJSON
    ) throws(RPCFrameError) -> RawJSON {
        let kind = scanner.nextKind()
        guard kind == .object || kind == .literal else {
            try wrongType(named: name, expected: "an object", found: kind)
        }
        let range: Range<Int>
        do {
            range = try scanner.skipValue()
        } catch {
            throw syntax(error)
        }
        if kind == .object { return makePayload(range) }
        guard range.count == 4, scanner.bytes[range.lowerBound] == UInt8(ascii: "n") else {
            throw malformed(.formationViolation, "\(name) must be an object, found a boolean")
        }
        return .emptyObject
    }

    /// Throws the fault for an element of the wrong JSON type: a syntax fault if the element is not
    /// even valid JSON, else a FormationViolation naming both types.
    mutating func wrongType(named name: String, expected: String, found kind: JSONScanner.ValueKind)
        throws(RPCFrameError) -> Never
    {
        do {
            _ = try scanner.skipValue()
        } catch {
            throw syntax(error)
        }
        throw malformed(.formationViolation, "\(name) must be \(expected), found \(kind.name)")
    }
}

/// A close status code (RFC 6455 section 7.4). Any `UInt16` is representable, so a code a peer
/// sends is never lost; `isValidOnWire` says whether it may appear in a close frame.
public struct CloseCode: RawRepresentable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The code as sent on the wire (network byte order there).
    public var rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 1000: the purpose of the connection has been fulfilled.
    public static let normalClosure = CloseCode(1000)
    /// 1001: the endpoint is going away (server shutdown, page navigation).
    public static let goingAway = CloseCode(1001)
    /// 1002: the peer broke the protocol.
    public static let protocolError = CloseCode(1002)
    /// 1003: a data type the endpoint cannot accept.
    public static let unsupportedData = CloseCode(1003)
    /// 1005: local only, the close frame had no status code.
    public static let noStatusReceived = CloseCode(1005)
    /// 1006: local only, the connection closed without a close frame.
    public static let abnormalClosure = CloseCode(1006)
    /// 1007: message data inconsistent with its type (invalid UTF-8 in text).
    public static let invalidFramePayloadData = CloseCode(1007)
    /// 1008: a generic policy violation.
    public static let policyViolation = CloseCode(1008)
    /// 1009: a message too big to process.
    public static let messageTooBig = CloseCode(1009)
    /// 1010: (client) the server did not negotiate a required extension.
    public static let mandatoryExtension = CloseCode(1010)
    /// 1011: (server) an unexpected condition prevented fulfilling the request.
    public static let internalServerError = CloseCode(1011)
    /// 1015: local only, the TLS handshake failed.
    public static let tlsHandshakeFailure = CloseCode(1015)

    /// Whether a close frame may carry this code (section 7.4.1, 7.4.2 and the IANA registry):
    /// 1000-1003, 1007-1014 and the 3000-4999 ranges for libraries and applications. Codes below
    /// 1000, the local-only 1004/1005/1006/1015, and unassigned 1016-2999 are a protocol error.
    public var isValidOnWire: Bool {
        switch rawValue {
        case 1000...1003, 1007...1014, 3000...4999: return true
        default: return false
        }
    }

    /// The decimal code.
    public var description: String { String(rawValue) }
}

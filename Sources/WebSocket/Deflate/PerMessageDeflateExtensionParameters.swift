/// The four permessage-deflate parameters as one offer or response carried them
/// (RFC 7692 section 7.1), checked for syntax: known names only (ASCII case-insensitive), each
/// at most once, no value on the `*_no_context_takeover` flags, window bits a decimal 8...15
/// without leading zeros.
struct PerMessageDeflateExtensionParameters: Equatable {
    /// How `client_max_window_bits` appeared: a bare name is legal only in an offer
    /// (RFC 7692 section 7.1.2.2).
    enum ClientWindowBits: Equatable {
        /// The parameter was not sent.
        case absent
        /// Sent without a value: the client supports the parameter and lets the server choose.
        case supported
        /// Sent with this value.
        case limited(Int)
    }

    /// The registered extension name (RFC 7692 section 6).
    static let extensionName = "permessage-deflate"

    var serverNoContextTakeover = false
    var clientNoContextTakeover = false
    var serverMaxWindowBits: Int?
    var clientMaxWindowBits = ClientWindowBits.absent

    init() {}

    /// Reads the parameters of one extension element; the error text says what is wrong.
    init(_ parameters: [ExtensionHeaderList.Parameter]) throws(PerMessageDeflateError) {
        var seen: Set<String> = []
        for parameter in parameters {
            let name = parameter.name.lowercased()
            guard seen.insert(name).inserted else {
                throw .invalidNegotiationResponse("duplicate parameter \(parameter.name)")
            }
            switch name {
            case "server_no_context_takeover":
                try Self.expectNoValue(parameter)
                serverNoContextTakeover = true
            case "client_no_context_takeover":
                try Self.expectNoValue(parameter)
                clientNoContextTakeover = true
            case "server_max_window_bits":
                guard let value = parameter.value else {
                    throw .invalidNegotiationResponse("server_max_window_bits needs a value")
                }
                serverMaxWindowBits = try Self.windowBits(value, name: parameter.name)
            case "client_max_window_bits":
                if let value = parameter.value {
                    clientMaxWindowBits = .limited(try Self.windowBits(value, name: parameter.name))
                } else {
                    clientMaxWindowBits = .supported
                }
            default:
                throw .invalidNegotiationResponse("unknown parameter \(parameter.name)")
            }
        }
    }

    /// True when `name` is permessage-deflate, compared ASCII case-insensitively like other
    /// HTTP tokens.
    static func isDeflate(_ name: String) -> Bool {
        name.lowercased() == extensionName
    }

    /// The header value for these parameters, in the RFC's parameter order.
    var headerValue: String {
        var value = Self.extensionName
        if serverNoContextTakeover { value += "; server_no_context_takeover" }
        if clientNoContextTakeover { value += "; client_no_context_takeover" }
        if let serverMaxWindowBits { value += "; server_max_window_bits=\(serverMaxWindowBits)" }
        switch clientMaxWindowBits {
        case .absent: break
        case .supported: value += "; client_max_window_bits"
        case .limited(let bits): value += "; client_max_window_bits=\(bits)"
        }
        return value
    }

    private static func expectNoValue(_ parameter: ExtensionHeaderList.Parameter) throws(PerMessageDeflateError) {
        guard parameter.value == nil else {
            throw .invalidNegotiationResponse("\(parameter.name) takes no value")
        }
    }

    /// RFC 7692 section 7.1.2: 1*DIGIT, no leading zeros, 8...15.
    private static func windowBits(_ value: String, name: String) throws(PerMessageDeflateError) -> Int {
        let digits = Array(value.utf8)
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            digits.first != UInt8(ascii: "0"), digits.count <= 2, let bits = Int(value), (8...15).contains(bits)
        else {
            throw .invalidNegotiationResponse("\(name)=\(value) is not a window size in 8...15")
        }
        return bits
    }
}

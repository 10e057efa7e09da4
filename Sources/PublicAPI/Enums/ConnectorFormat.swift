/// Connector `format` (reference §4.5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ConnectorFormat: OpenEnumeration {
    /// `"socket"`
    case socket
    /// `"cable"`
    case cable
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.socket, .cable]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .socket: "socket"
        case .cable: "cable"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "socket": self = .socket
        case "cable": self = .cable
        default: self = .unknown(rawValue)
        }
    }
}

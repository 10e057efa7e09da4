/// Transaction create body `paymentMethod.methodType` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PaymentMethodType: OpenEnumeration {
    /// `"card"`
    case card
    /// `"bank_transfer"`
    case bankTransfer
    /// `"wallet"`
    case wallet
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.card, .bankTransfer, .wallet]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .card: "card"
        case .bankTransfer: "bank_transfer"
        case .wallet: "wallet"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "card": self = .card
        case "bank_transfer": self = .bankTransfer
        case "wallet": self = .wallet
        default: self = .unknown(rawValue)
        }
    }
}

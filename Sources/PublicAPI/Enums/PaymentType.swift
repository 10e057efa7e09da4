/// Session `paymentType` (reference §4.6).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PaymentType: OpenEnumeration {
    /// `"tokenized"`
    case tokenized
    /// `"subscription"`
    case subscription
    /// `"balance"`
    case balance
    /// `"corporate"`
    case corporate
    /// `"terminal"`
    case terminal
    /// `"bank_transfer"`
    case bankTransfer
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.tokenized, .subscription, .balance, .corporate, .terminal, .bankTransfer]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .tokenized: "tokenized"
        case .subscription: "subscription"
        case .balance: "balance"
        case .corporate: "corporate"
        case .terminal: "terminal"
        case .bankTransfer: "bank_transfer"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "tokenized": self = .tokenized
        case "subscription": self = .subscription
        case "balance": self = .balance
        case "corporate": self = .corporate
        case "terminal": self = .terminal
        case "bank_transfer": self = .bankTransfer
        default: self = .unknown(rawValue)
        }
    }
}

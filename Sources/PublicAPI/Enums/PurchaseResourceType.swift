/// Transaction `purchaseResourceType` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PurchaseResourceType: OpenEnumeration {
    /// `"session"`
    case session
    /// `"subscription_plan"`
    case subscriptionPlan
    /// `"topup_package"`
    case topupPackage
    /// `"custom_fee"`
    case customFee
    /// `"payment_authorisation"`
    case paymentAuthorisation
    /// `"payment_terminal_authorisation"`
    case paymentTerminalAuthorisation
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .session, .subscriptionPlan, .topupPackage, .customFee, .paymentAuthorisation, .paymentTerminalAuthorisation,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .session: "session"
        case .subscriptionPlan: "subscription_plan"
        case .topupPackage: "topup_package"
        case .customFee: "custom_fee"
        case .paymentAuthorisation: "payment_authorisation"
        case .paymentTerminalAuthorisation: "payment_terminal_authorisation"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "session": self = .session
        case "subscription_plan": self = .subscriptionPlan
        case "topup_package": self = .topupPackage
        case "custom_fee": self = .customFee
        case "payment_authorisation": self = .paymentAuthorisation
        case "payment_terminal_authorisation": self = .paymentTerminalAuthorisation
        default: self = .unknown(rawValue)
        }
    }
}

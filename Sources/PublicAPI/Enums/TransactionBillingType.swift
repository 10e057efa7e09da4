/// Transaction `billingType` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum TransactionBillingType: OpenEnumeration {
    /// `"internal"`
    case internalBilling
    /// `"external"`
    case externalBilling
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.internalBilling, .externalBilling]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .internalBilling: "internal"
        case .externalBilling: "external"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "internal": self = .internalBilling
        case "external": self = .externalBilling
        default: self = .unknown(rawValue)
        }
    }
}

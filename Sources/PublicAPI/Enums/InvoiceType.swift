/// Invoice `type` (reference §4.14).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum InvoiceType: OpenEnumeration {
    /// `"invoice"`
    case invoice
    /// `"pro_forma"`
    case proForma
    /// `"credit_note"`
    case creditNote
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.invoice, .proForma, .creditNote]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .invoice: "invoice"
        case .proForma: "pro_forma"
        case .creditNote: "credit_note"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "invoice": self = .invoice
        case "pro_forma": self = .proForma
        case "credit_note": self = .creditNote
        default: self = .unknown(rawValue)
        }
    }
}

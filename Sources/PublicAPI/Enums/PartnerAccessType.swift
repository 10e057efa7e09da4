/// Charge point `partner.accessType` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum PartnerAccessType: OpenEnumeration {
    /// `"private_view_private_use"`
    case privateViewPrivateUse
    /// `"private_view_public_use"`
    case privateViewPublicUse
    /// `"public_view_private_use"`
    case publicViewPrivateUse
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.privateViewPrivateUse, .privateViewPublicUse, .publicViewPrivateUse]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .privateViewPrivateUse: "private_view_private_use"
        case .privateViewPublicUse: "private_view_public_use"
        case .publicViewPrivateUse: "public_view_private_use"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "private_view_private_use": self = .privateViewPrivateUse
        case "private_view_public_use": self = .privateViewPublicUse
        case "public_view_private_use": self = .publicViewPrivateUse
        default: self = .unknown(rawValue)
        }
    }
}

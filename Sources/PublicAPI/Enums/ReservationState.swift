/// Reservation `status` (reference §3.2).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ReservationState: OpenEnumeration {
    /// `"active"`
    case active
    /// `"expired"`
    case expired
    /// `"canceled"`
    case canceled
    /// `"done"`
    case done
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [.active, .expired, .canceled, .done]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .active: "active"
        case .expired: "expired"
        case .canceled: "canceled"
        case .done: "done"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "expired": self = .expired
        case "canceled": self = .canceled
        case "done": self = .done
        default: self = .unknown(rawValue)
        }
    }
}

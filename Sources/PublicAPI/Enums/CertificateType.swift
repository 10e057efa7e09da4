/// Certificate action `certificateType` (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum CertificateType: OpenEnumeration {
    /// `"V2GRootCertificate"`
    case v2GRootCertificate
    /// `"MORootCertificate"`
    case mORootCertificate
    /// `"CSMSRootCertificate"`
    case cSMSRootCertificate
    /// `"ManufacturerRootCertificate"`
    case manufacturerRootCertificate
    /// `"ChargingStationCertificate"`
    case chargingStationCertificate
    /// `"V2GCertificate"`
    case v2GCertificate
    /// `"V2GCertificateChain"`
    case v2GCertificateChain
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .v2GRootCertificate, .mORootCertificate, .cSMSRootCertificate, .manufacturerRootCertificate,
        .chargingStationCertificate, .v2GCertificate, .v2GCertificateChain,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .v2GRootCertificate: "V2GRootCertificate"
        case .mORootCertificate: "MORootCertificate"
        case .cSMSRootCertificate: "CSMSRootCertificate"
        case .manufacturerRootCertificate: "ManufacturerRootCertificate"
        case .chargingStationCertificate: "ChargingStationCertificate"
        case .v2GCertificate: "V2GCertificate"
        case .v2GCertificateChain: "V2GCertificateChain"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "V2GRootCertificate": self = .v2GRootCertificate
        case "MORootCertificate": self = .mORootCertificate
        case "CSMSRootCertificate": self = .cSMSRootCertificate
        case "ManufacturerRootCertificate": self = .manufacturerRootCertificate
        case "ChargingStationCertificate": self = .chargingStationCertificate
        case "V2GCertificate": self = .v2GCertificate
        case "V2GCertificateChain": self = .v2GCertificateChain
        default: self = .unknown(rawValue)
        }
    }
}

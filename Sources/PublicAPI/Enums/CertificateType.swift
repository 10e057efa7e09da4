/// Certificate action `certificateType` (reference §5).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum CertificateType: OpenEnumeration {
    /// `"V2GRootCertificate"`
    case v2gRootCertificate
    /// `"MORootCertificate"`
    case moRootCertificate
    /// `"CSMSRootCertificate"`
    case csmsRootCertificate
    /// `"ManufacturerRootCertificate"`
    case manufacturerRootCertificate
    /// `"ChargingStationCertificate"`
    case chargingStationCertificate
    /// `"V2GCertificate"`
    case v2gCertificate
    /// `"V2GCertificateChain"`
    case v2gCertificateChain
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .v2gRootCertificate, .moRootCertificate, .csmsRootCertificate, .manufacturerRootCertificate,
        .chargingStationCertificate, .v2gCertificate, .v2gCertificateChain,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .v2gRootCertificate: "V2GRootCertificate"
        case .moRootCertificate: "MORootCertificate"
        case .csmsRootCertificate: "CSMSRootCertificate"
        case .manufacturerRootCertificate: "ManufacturerRootCertificate"
        case .chargingStationCertificate: "ChargingStationCertificate"
        case .v2gCertificate: "V2GCertificate"
        case .v2gCertificateChain: "V2GCertificateChain"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "V2GRootCertificate": self = .v2gRootCertificate
        case "MORootCertificate": self = .moRootCertificate
        case "CSMSRootCertificate": self = .csmsRootCertificate
        case "ManufacturerRootCertificate": self = .manufacturerRootCertificate
        case "ChargingStationCertificate": self = .chargingStationCertificate
        case "V2GCertificate": self = .v2gCertificate
        case "V2GCertificateChain": self = .v2gCertificateChain
        default: self = .unknown(rawValue)
        }
    }
}

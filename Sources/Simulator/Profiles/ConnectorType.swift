/// The plug or socket standard of a connector.
public enum ConnectorType: String, Sendable, Equatable, Codable, CaseIterable, ProfileValue {
    /// SAE J1772 / IEC 62196-2 type 1, AC.
    case type1 = "Type1"
    /// IEC 62196-2 type 2 (Mennekes), AC.
    case type2 = "Type2"
    /// Combined Charging System with a type 1 inlet, DC.
    case ccs1 = "CCS1"
    /// Combined Charging System with a type 2 inlet, DC.
    case ccs2 = "CCS2"
    /// CHAdeMO, DC.
    case chademo = "CHAdeMO"
    /// GB/T 20234.3, DC.
    case gbtDC = "GBT-DC"

    /// The current this connector standard carries.
    public var currentType: CurrentType {
        switch self {
        case .type1, .type2: .ac
        case .ccs1, .ccs2, .chademo, .gbtDC: .dc
        }
    }
}

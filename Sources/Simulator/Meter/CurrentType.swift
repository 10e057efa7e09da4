/// Whether a connector delivers alternating or direct current.
public enum CurrentType: String, Sendable, Equatable, Codable, CaseIterable {
    /// Alternating current: the EV's on-board charger converts it.
    case ac = "AC"
    /// Direct current: the charger feeds the battery directly.
    case dc = "DC"
}

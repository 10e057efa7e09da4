/// Tariff `partner` (reference §4.14).
public struct TariffPartner: Codable, Hashable, Sendable {
    /// `id`: Partner id.
    public var id: Int?

    /// Creates the value; optional fields default to absent.
    public init(id: Int? = nil) {
        self.id = id
    }
}

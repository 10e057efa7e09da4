/// `{id}` in the `{data}` answer of set-charging-profile (reference §5).
public struct ChargingProfileReference: Codable, Hashable, Sendable {
    /// `id`: Profile id.
    public var id: Int

    /// Creates the value; optional fields default to absent.
    public init(id: Int) {
        self.id = id
    }
}

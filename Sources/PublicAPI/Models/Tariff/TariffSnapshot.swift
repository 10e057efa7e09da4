/// A tariff frozen at session start, `GET tariff-snapshots/v1.0/{id}` (reference §4.14): the
/// tariff object's fields plus `tariffId`, the source tariff. It never changes.
public struct TariffSnapshot: Codable, Hashable, Sendable {
    /// The tariff the snapshot was taken from.
    public var tariffId: Int
    /// The tariff as it was at session start; its `id` is the snapshot's id.
    public var tariff: Tariff

    private enum CodingKeys: String, CodingKey {
        case tariffId
    }

    /// A snapshot of `tariff` taken from tariff `tariffId`.
    public init(tariffId: Int, tariff: Tariff) {
        self.tariffId = tariffId
        self.tariff = tariff
    }

    /// Decodes the flat object: tariff fields and `tariffId` side by side.
    public init(from decoder: any Decoder) throws {
        tariff = try Tariff(from: decoder)
        tariffId = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .tariffId)
    }

    /// Encodes the flat object.
    public func encode(to encoder: any Encoder) throws {
        try tariff.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tariffId, forKey: .tariffId)
    }
}

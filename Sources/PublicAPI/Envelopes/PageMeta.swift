/// The `meta` object of a list, in one of the two pagination modes (reference §2.3). Decoding
/// picks page mode when `current_page` is present, cursor mode otherwise.
public enum PageMeta: Codable, Hashable, Sendable {
    /// `page`/`per_page` pagination (deprecated by AMPECO but still the default on dual endpoints).
    case page(PageModeMeta)
    /// Opaque `cursor` pagination.
    case cursor(CursorModeMeta)

    private enum CodingKeys: String, CodingKey {
        case currentPage = "current_page"
    }

    /// Decodes whichever mode the keys show.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.currentPage) {
            self = .page(try PageModeMeta(from: decoder))
        } else {
            self = .cursor(try CursorModeMeta(from: decoder))
        }
    }

    /// Encodes the mode's keys.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .page(let meta): try meta.encode(to: encoder)
        case .cursor(let meta): try meta.encode(to: encoder)
        }
    }
}

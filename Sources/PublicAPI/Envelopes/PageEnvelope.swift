/// A list as the API returns it: `{"data": [...], "links": {...}, "meta": {...}}`
/// (reference §1, §2.3), in page or cursor mode.
public struct PageEnvelope<Item: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// This page's items.
    public var data: [Item]
    /// `first`, `last`, `prev`, `next` as full URLs or `null`.
    public var links: PageLinks
    /// Page-mode or cursor-mode metadata.
    public var meta: PageMeta

    /// A page of `data`.
    public init(data: [Item], links: PageLinks, meta: PageMeta) {
        self.data = data
        self.links = links
        self.meta = meta
    }
}

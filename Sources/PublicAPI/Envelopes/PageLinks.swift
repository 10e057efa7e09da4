/// The top-level `links` object of a list: always all four keys, each a full URL or `null`
/// (reference §2.3). Clients follow `next` rather than building URLs.
public struct PageLinks: Codable, Hashable, Sendable {
    /// The first page (`null` in cursor mode).
    @ExplicitNull public var first: String?
    /// The last page (`null` in cursor mode).
    @ExplicitNull public var last: String?
    /// The previous page, `null` on the first.
    @ExplicitNull public var prev: String?
    /// The next page, `null` on the last.
    @ExplicitNull public var next: String?

    /// Links; absent ones are written as `null`.
    public init(first: String? = nil, last: String? = nil, prev: String? = nil, next: String? = nil) {
        self.first = first
        self.last = last
        self.prev = prev
        self.next = next
    }
}

/// Cursor-mode `meta` (reference §2.3): the spec names the keys `next_cursor`/`prev_cursor`.
public struct CursorModeMeta: Codable, Hashable, Sendable {
    /// The list's URL without query.
    public var path: String
    /// Page size.
    public var perPage: Int
    /// The opaque cursor of the next page, `null` on the last.
    @ExplicitNull public var nextCursor: String?
    /// The opaque cursor of the previous page, `null` on the first.
    @ExplicitNull public var prevCursor: String?

    private enum CodingKeys: String, CodingKey {
        case path
        case perPage = "per_page"
        case nextCursor = "next_cursor"
        case prevCursor = "prev_cursor"
    }

    /// Cursor-mode metadata.
    public init(path: String, perPage: Int, nextCursor: String?, prevCursor: String?) {
        self.path = path
        self.perPage = perPage
        self.nextCursor = nextCursor
        self.prevCursor = prevCursor
    }
}

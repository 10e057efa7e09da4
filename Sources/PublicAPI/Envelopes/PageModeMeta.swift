/// Page-mode `meta` (Laravel length-aware paginator, reference §2.3).
public struct PageModeMeta: Codable, Hashable, Sendable {
    /// The page served, from 1.
    public var currentPage: Int
    /// 1-based index of the first item on this page, `null` when the page is empty.
    @ExplicitNull public var from: Int?
    /// The last page number (at least 1).
    public var lastPage: Int
    /// Numbered page links (`url`, `label`, `active`).
    public var links: [PageLink]
    /// The list's URL without query.
    public var path: String
    /// Page size.
    public var perPage: Int
    /// 1-based index of the last item on this page, `null` when the page is empty.
    @ExplicitNull public var to: Int?
    /// Total number of items.
    public var total: Int

    private enum CodingKeys: String, CodingKey {
        case currentPage = "current_page"
        case from
        case lastPage = "last_page"
        case links
        case path
        case perPage = "per_page"
        case to
        case total
    }

    /// Page-mode metadata.
    public init(
        currentPage: Int, from: Int?, lastPage: Int, links: [PageLink], path: String, perPage: Int, to: Int?,
        total: Int
    ) {
        self.currentPage = currentPage
        self.from = from
        self.lastPage = lastPage
        self.links = links
        self.path = path
        self.perPage = perPage
        self.to = to
        self.total = total
    }
}

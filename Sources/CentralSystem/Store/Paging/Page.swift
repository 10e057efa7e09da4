/// One slice of a list, with what the API needs to build `links` and `meta` (reference §2.3).
public struct Page<Item: Sendable>: Sendable {
    /// The rows, ordered by id ascending.
    public var items: [Item]
    /// Page mode only: the page number, total row count and last page (at least 1).
    public var pageNumber: Int?
    /// Page mode only: rows matching the filter.
    public var total: Int?
    /// Page mode only: the last page number.
    public var lastPage: Int?
    /// Cursor mode: the cursor of the following slice, `nil` on the last one.
    public var next: PageCursor?
    /// Cursor mode: the cursor of the preceding slice, `nil` on the first one.
    public var previous: PageCursor?
    /// Rows per page.
    public var perPage: Int

    /// A slice.
    public init(
        items: [Item], perPage: Int, pageNumber: Int? = nil, total: Int? = nil, lastPage: Int? = nil,
        next: PageCursor? = nil, previous: PageCursor? = nil
    ) {
        self.items = items
        self.perPage = perPage
        self.pageNumber = pageNumber
        self.total = total
        self.lastPage = lastPage
        self.next = next
        self.previous = previous
    }
}

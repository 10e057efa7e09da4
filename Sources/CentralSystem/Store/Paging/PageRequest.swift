/// Which slice of a list to read (reference §2.3): a numbered page, or a keyset cursor on the
/// row id. Cursor mode is stable under inserts; page mode counts rows.
public enum PageRequest: Sendable, Hashable {
    /// Page `number` (from 1) of `perPage` rows, ordered by id.
    case page(number: Int, perPage: Int)
    /// `perPage` rows after (or before) a row id; `.start` is the first page.
    case cursor(PageCursor, perPage: Int)

    /// The largest `per_page` the API allows.
    public static let maximumPerPage = 100

    /// Rows per page, clamped to 1...100.
    public var perPage: Int {
        switch self {
        case .page(_, let perPage), .cursor(_, let perPage):
            min(max(perPage, 1), Self.maximumPerPage)
        }
    }
}

/// A keyset position in a list ordered by id.
public enum PageCursor: Sendable, Hashable {
    /// The beginning of the list.
    case start
    /// Rows whose id is greater than this one.
    case after(Int64)
    /// Rows whose id is smaller than this one (going back).
    case before(Int64)
}

import PublicAPI

/// Filters of `GET id-tags/v2.0` the store serves (reference §4.7); `nil` = no constraint.
public struct IdTagFilter: Sendable, Hashable {
    /// `filter[idTagUid]`
    public var idTagUid: String?
    /// `filter[status]`
    public var status: IdTagStatus?

    /// A filter; all constraints optional.
    public init(idTagUid: String? = nil, status: IdTagStatus? = nil) {
        self.idTagUid = idTagUid
        self.status = status
    }
}

/// One entry of page-mode `meta.links[]` (reference §2.3).
public struct PageLink: Codable, Hashable, Sendable {
    /// The page's URL, `null` for a disabled « Previous / Next » entry.
    @ExplicitNull public var url: String?
    /// The label shown, e.g. `"1"` or `"Next &raquo;"`.
    public var label: String
    /// Whether this is the current page.
    public var active: Bool

    /// A page link.
    public init(url: String?, label: String, active: Bool) {
        self.url = url
        self.label = label
        self.active = active
    }
}

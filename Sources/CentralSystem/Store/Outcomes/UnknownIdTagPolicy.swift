/// What the central system does with an id tag it has no row for (issue 8: "unknown tags per a
/// policy").
public enum UnknownIdTagPolicy: String, Sendable, Hashable, CaseIterable {
    /// Answer `Invalid` (a real back end's behaviour).
    case reject
    /// Answer `Accepted` without remembering the tag.
    case accept
    /// Answer `Accepted` and add the tag as `enabled` (the demo's choice).
    case register
}

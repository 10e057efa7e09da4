import Foundation

/// What a list call asks for: `filter[name]=value` filters (reference §2.4), array filters
/// (`filter[name][]=a&filter[name][]=b`) and the page size (`per_page`, 1–100).
public struct ListQuery: Hashable, Sendable {
    /// Scalar filters by name (`chargePointId`, `status`, `startedAfter`, ...).
    public var filters: [String: String]
    /// Array filters by name.
    public var arrayFilters: [String: [String]]
    /// Items per page; `nil` leaves the server's default (100).
    public var perPage: Int?
    /// Expansions (`include[]=name`, reference §2.4) the endpoint offers.
    public var include: [String] = []

    /// A query; everything optional.
    public init(filters: [String: String] = [:], arrayFilters: [String: [String]] = [:], perPage: Int? = nil) {
        self.filters = filters
        self.arrayFilters = arrayFilters
        self.perPage = perPage
    }

    /// The query items, in a stable order.
    public var items: [URLQueryItem] {
        var items: [URLQueryItem] = []
        for name in filters.keys.sorted() { items.append(URLQueryItem(name: "filter[\(name)]", value: filters[name])) }
        for name in arrayFilters.keys.sorted() {
            for value in arrayFilters[name] ?? [] {
                items.append(URLQueryItem(name: "filter[\(name)][]", value: value))
            }
        }
        for name in include { items.append(URLQueryItem(name: "include[]", value: name)) }
        if let perPage { items.append(URLQueryItem(name: "per_page", value: String(perPage))) }
        return items
    }
}

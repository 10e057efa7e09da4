import Foundation
import PublicAPI

/// The three pagination styles of reference §2.3 and the `{data, links, meta}` envelope each
/// one answers with.
enum APIPagination: Sendable {
    /// `per_page` + `cursor` only (charge points v2.0, EVSEs v2.1, ...).
    case cursorOnly
    /// Page mode unless a `cursor` parameter is present, even empty (sessions, id tags, ...).
    case pageOrCursor
    /// `page` + `per_page` only (reservations, invoices).
    case pageOnly

    /// The largest page number accepted.
    static let maximumPage = 1_000_000_000

    /// The query parameters this style reads (for the OpenAPI document).
    var queryParameters: [String] {
        switch self {
        case .cursorOnly: ["per_page", "cursor"]
        case .pageOrCursor: ["page", "per_page", "cursor"]
        case .pageOnly: ["page", "per_page"]
        }
    }

    /// The store request for `call`'s query; 422 for a non-numeric page/per_page or a bad cursor.
    func request(_ call: APICall) throws(APIFailure) -> PageRequest {
        var perPage = 100
        if let text = call.queryValue("per_page") {
            guard let value = Int(text), (1...PageRequest.maximumPerPage).contains(value) else {
                throw .invalid("per_page", "The per_page must be an integer between 1 and 100.")
            }
            perPage = value
        }
        var page = 1
        if let text = call.queryValue("page") {
            // The bound keeps the row offset (page − 1) × per_page far from overflow.
            guard let value = Int(text), (1...Self.maximumPage).contains(value) else {
                throw .invalid("page", "The page must be an integer from 1 to \(Self.maximumPage).")
            }
            page = value
        }
        let cursorMode: Bool
        switch self {
        case .cursorOnly: cursorMode = true
        case .pageOrCursor: cursorMode = call.hasQuery("cursor")
        case .pageOnly: cursorMode = false
        }
        if cursorMode {
            // An empty, `null` or undecodable cursor starts from the beginning, as Laravel's does.
            let cursor = call.queryValue("cursor").flatMap(Self.decodeCursor) ?? .start
            return .cursor(cursor, perPage: perPage)
        }
        return .page(number: page, perPage: perPage)
    }

    /// `page` and `per_page` of a page-only endpoint.
    static func page(_ call: APICall) throws(APIFailure) -> (number: Int, perPage: Int) {
        let request = try APIPagination.pageOnly.request(call)
        switch request {
        case .page(let number, _): return (number, request.perPage)
        case .cursor: preconditionFailure("page-only pagination made a cursor request")
        }
    }

    /// The envelope for `page` with items already mapped to API models.
    static func envelope<Item: Codable & Hashable & Sendable, Record>(
        _ page: Page<Record>, items: [Item], call: APICall
    ) -> PageEnvelope<Item> {
        let path = call.origin + call.path
        // Other query parameters (filters) are carried into every link.
        let kept = call.query.filter { !["page", "cursor", "per_page"].contains($0.key) }
        func url(_ extra: [(String, String)]) -> String {
            let pairs = kept.map { ($0.key, $0.value) } + [("per_page", String(page.perPage))] + extra
            let encoded = pairs.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
            return path + "?" + encoded
        }
        if let number = page.pageNumber {
            let total = page.total ?? items.count
            let lastPage = page.lastPage ?? 1
            let from = items.isEmpty ? nil : (number - 1) * page.perPage + 1
            let to = from.map { $0 + items.count - 1 }
            let prev = number > 1 ? url([("page", String(number - 1))]) : nil
            let next = number < lastPage ? url([("page", String(number + 1))]) : nil
            var links = [PageLink(url: prev, label: "&laquo; Previous", active: false)]
            for index in 1...lastPage
            where lastPage <= 10 || abs(index - number) <= 2 || index == 1 || index == lastPage {
                links.append(
                    PageLink(url: url([("page", String(index))]), label: String(index), active: index == number))
            }
            links.append(PageLink(url: next, label: "Next &raquo;", active: false))
            let meta = PageModeMeta(
                currentPage: number, from: from, lastPage: lastPage, links: links, path: path, perPage: page.perPage,
                to: to, total: total)
            return PageEnvelope(
                data: items,
                links: PageLinks(
                    first: url([("page", "1")]), last: url([("page", String(lastPage))]), prev: prev, next: next),
                meta: .page(meta))
        }
        let next = page.next.map(Self.encodeCursor)
        let prev = page.previous.map(Self.encodeCursor)
        let meta = CursorModeMeta(path: path, perPage: page.perPage, nextCursor: next, prevCursor: prev)
        return PageEnvelope(
            data: items,
            links: PageLinks(
                first: nil, last: nil, prev: prev.map { url([("cursor", $0)]) },
                next: next.map { url([("cursor", $0)]) }),
            meta: .cursor(meta))
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~[]")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Opaque cursors: base64url of `a<id>` (after) or `b<id>` (before).
    static func encodeCursor(_ cursor: PageCursor) -> String {
        let plain: String
        switch cursor {
        case .start: plain = "s"
        case .after(let id): plain = "a\(id)"
        case .before(let id): plain = "b\(id)"
        }
        return Data(plain.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) -> PageCursor? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
            let kind = plain.first
        else { return nil }
        if plain == "s" { return .start }
        guard let id = Int64(plain.dropFirst()) else { return nil }
        switch kind {
        case "a": return .after(id)
        case "b": return .before(id)
        default: return nil
        }
    }
}

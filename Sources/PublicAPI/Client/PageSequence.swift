import Foundation

/// Every item of a list, page after page: the first request is the list path with its query,
/// each next one is the page's `links.next` URL as the server wrote it (reference §2.3: clients
/// follow `links.next` rather than build URLs), so page and cursor modes both work.
public struct PageSequence<Item: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    let client: PublicAPIClient
    let path: String
    let query: [URLQueryItem]
    /// The most pages fetched, a guard against a server whose `next` never ends.
    public var pageLimit: Int = 10_000

    /// The items of every page, in order.
    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, next: .first(path, query), pageLimit: pageLimit)
    }

    /// Every item, read to the end.
    public func collect() async throws(PublicAPIClientError) -> [Item] {
        var iterator = makeAsyncIterator()
        var items: [Item] = []
        while let item = try await iterator.nextItem() { items.append(item) }
        return items
    }

    /// Reads pages and yields their items.
    public struct Iterator: AsyncIteratorProtocol {
        enum Next {
            case first(String, [URLQueryItem])
            case url(String)
            case done
        }

        let client: PublicAPIClient
        var next: Next
        let pageLimit: Int
        var buffer: [Item] = []
        var pagesRead = 0

        init(client: PublicAPIClient, next: Next, pageLimit: Int) {
            self.client = client
            self.next = next
            self.pageLimit = pageLimit
        }

        /// The next item, fetching the next page when this one is used up.
        public mutating func next() async throws -> Item? {
            try await nextItem()
        }

        mutating func nextItem() async throws(PublicAPIClientError) -> Item? {
            while buffer.isEmpty {
                let page: PageEnvelope<Item>
                let path: String
                switch next {
                case .done: return nil
                case .first(let first, let query):
                    path = first
                    page = try await client.send(.GET, first, query: query, as: PageEnvelope<Item>.self)
                case .url(let url):
                    path = url
                    page = try await client.send(.GET, url, as: PageEnvelope<Item>.self)
                }
                pagesRead += 1
                buffer = page.data.reversed()
                if let link = page.links.next, !link.isEmpty, link != path, pagesRead < pageLimit {
                    next = .url(link)
                } else {
                    next = .done
                }
            }
            return buffer.popLast()
        }
    }
}

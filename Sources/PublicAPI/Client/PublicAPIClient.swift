import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The typed AMPECO Public API client (the bridge). The same code talks to the embedded central
/// system and to a real tenant: only ``baseURL`` and the token differ.
///
///     let api = PublicAPIClient(baseURL: "https://tenant.example.com/public-api", token: token)
///     let result = try await api.startSession(chargePointId: 12, evseNetworkId: 1, idTag: "TAG-1")
///     for try await session in api.sessions(.init(filters: ["status": "active"])) { ... }
///
/// A 429 is retried after `Retry-After` (at most ``maxRateLimitRetries`` times, each wait capped
/// at ``maxRetryDelay``); any other non-2xx becomes ``PublicAPIClientError/http(status:method:path:error:rateLimit:)``
/// carrying the API's `message` and `errors`. The token is sent only in the `Authorization`
/// header and appears in no description or error.
public struct PublicAPIClient: Sendable, CustomStringConvertible {
    /// One raw answer.
    public struct Reply: Sendable {
        /// The HTTP status.
        public var status: Int
        /// The response headers.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: Data
        /// The rate-limit headers.
        public var rateLimit: RateLimitStatus { RateLimitStatus(headers: headers) }
    }

    /// `https://{tenant}/public-api` or the embedded `http://127.0.0.1:8080/public-api`, no
    /// trailing slash.
    public let baseURL: String
    private let token: String
    /// How many times a 429 is retried before it is thrown.
    public var maxRateLimitRetries: Int
    /// The longest wait honoured for one `Retry-After`.
    public var maxRetryDelay: Duration
    /// The deadline of one HTTP exchange.
    public var requestTimeout: Duration
    private let httpClient: HTTPClient

    /// A client of `baseURL` authenticating with `token` (`Authorization: Bearer`).
    public init(
        baseURL: String, token: String, maxRateLimitRetries: Int = 3, maxRetryDelay: Duration = .seconds(60),
        requestTimeout: Duration = .seconds(30), httpClient: HTTPClient = .shared
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.maxRateLimitRetries = maxRateLimitRetries
        self.maxRetryDelay = maxRetryDelay
        self.requestTimeout = requestTimeout
        self.httpClient = httpClient
    }

    /// Names the base URL only; the token stays out of logs.
    public var description: String { "PublicAPIClient(\(baseURL), token: <redacted>)" }

    // MARK: - Requests

    /// Sends `method path` (relative to ``baseURL``, e.g. `resources/evses/v2.1`, or an absolute
    /// `links.next` URL) and returns the 2xx answer; a non-2xx answer is thrown.
    public func send(
        _ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: Data? = nil
    ) async throws(PublicAPIClientError) -> Reply {
        let url = try makeURL(path, query: query)
        let display = Self.displayPath(url)
        var attempt = 0
        while true {
            let reply = try await exchange(method, url: url, display: display, body: body)
            if (200..<300).contains(reply.status) { return reply }
            let rateLimit = reply.rateLimit
            if reply.status == 429, attempt < maxRateLimitRetries {
                attempt += 1
                let wait = min(Duration.seconds(max(rateLimit.retryAfter ?? attempt, 0)), maxRetryDelay)
                do { try await Task.sleep(for: wait) } catch {
                    throw .network(method: method.rawValue, path: display, reason: "cancelled while rate limited")
                }
                continue
            }
            let error = try? PublicAPIJSON.makeDecoder().decode(APIError.self, from: reply.body)
            throw .http(
                status: reply.status, method: method.rawValue, path: display, error: error, rateLimit: rateLimit)
        }
    }

    /// Sends and decodes the body as `Response`.
    public func send<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: Data? = nil,
        as type: Response.Type
    ) async throws(PublicAPIClientError) -> Response {
        let reply = try await send(method, path, query: query, body: body)
        return try decode(type, reply.body, method: method, path: path)
    }

    /// Sends `body` encoded as JSON and decodes the answer as `Response`.
    public func send<Body: Encodable, Response: Decodable>(
        _ method: HTTPMethod, _ path: String, json body: Body, as type: Response.Type
    ) async throws(PublicAPIClientError) -> Response {
        try await send(method, path, body: try encode(body, method: method, path: path), as: type)
    }

    /// Reads `{"data": ...}` at `path` and unwraps it.
    public func data<Payload: Codable & Hashable & Sendable>(
        _ path: String, query: [URLQueryItem] = [], as type: Payload.Type
    ) async throws(PublicAPIClientError) -> Payload {
        try await send(.GET, path, query: query, as: DataEnvelope<Payload>.self).data
    }

    func encode<Body: Encodable>(_ body: Body, method: HTTPMethod, path: String) throws(PublicAPIClientError) -> Data {
        do {
            return try PublicAPIJSON.makeEncoder().encode(body)
        } catch {
            throw .decoding(method: method.rawValue, path: path, reason: "cannot encode the request body: \(error)")
        }
    }

    func decode<Response: Decodable>(_ type: Response.Type, _ body: Data, method: HTTPMethod, path: String)
        throws(PublicAPIClientError) -> Response
    {
        do {
            return try PublicAPIJSON.makeDecoder().decode(type, from: body)
        } catch {
            throw .decoding(method: method.rawValue, path: path, reason: "\(error)")
        }
    }

    private func exchange(_ method: HTTPMethod, url: String, display: String, body: Data?)
        async throws(PublicAPIClientError) -> Reply
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "chargesim-bridge")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(requestTimeout.nanoseconds))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            return Reply(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: Data(bytes.readableBytesView))
        } catch {
            throw .network(method: method.rawValue, path: display, reason: Self.reason(error))
        }
    }

    private func makeURL(_ path: String, query: [URLQueryItem]) throws(PublicAPIClientError) -> String {
        let absolute = path.hasPrefix("http://") || path.hasPrefix("https://")
        let text = absolute ? path : baseURL + "/" + path.drop { $0 == "/" }
        guard var components = URLComponents(string: text), components.scheme != nil, components.host != nil else {
            throw .invalidURL(text)
        }
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query }
        // `filter[x]` brackets are legal in a query; URLComponents leaves them, servers accept them.
        guard let url = components.string else { throw .invalidURL(text) }
        return url
    }

    /// The path and query of `url`, for messages (no host, so a tenant name is not repeated).
    private static func displayPath(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small HTTP/1.1 client for live Public API tests over loopback (URLSession).
public struct APIHTTPClient: Sendable {
    /// One answer.
    public struct Reply: Sendable {
        /// HTTP status code.
        public var status: Int
        /// Response headers, names lower-cased.
        public var headers: [String: String]
        /// Raw body.
        public var body: Data

        /// The body as a JSON object, `[:]` when it is not one.
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        /// `json["data"]` as an object.
        public var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }

        /// `json["data"]` as an array of objects.
        public var list: [[String: Any]] { json["data"] as? [[String: Any]] ?? [] }

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// `http://127.0.0.1:<port>`.
    public let baseURL: String
    /// The Bearer token sent unless a call overrides it.
    public let token: String?

    public init(port: Int, token: String?) {
        self.baseURL = "http://127.0.0.1:\(port)"
        self.token = token
    }

    /// Sends `method path` with an optional raw JSON body; `token: .some(nil)` sends no Authorization.
    public func call(_ method: String, _ path: String, json: String? = nil, token override: String?? = .none)
        async throws -> Reply
    {
        guard let url = URL(string: baseURL + path) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        let bearer: String? =
            switch override {
            case .none: token
            case .some(let value): value
            }
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (body, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: headers, body: body)
    }
}

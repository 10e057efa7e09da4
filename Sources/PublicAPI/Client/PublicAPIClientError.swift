/// What went wrong with a Public API call: the HTTP status and the API's own `message`/`errors`
/// when the server answered, or why no answer came. Never carries the token.
public enum PublicAPIClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server answered with a non-2xx status; `error` is its JSON body when it had one,
    /// `rateLimit` the `X-RateLimit-*`/`Retry-After` headers it sent.
    case http(status: Int, method: String, path: String, error: APIError?, rateLimit: RateLimitStatus)
    /// No answer: connection refused, DNS, TLS, timeout.
    case network(method: String, path: String, reason: String)
    /// The answer was 2xx but its body is not the documented shape.
    case decoding(method: String, path: String, reason: String)
    /// The base URL or a path does not make a valid URL.
    case invalidURL(String)

    /// The HTTP status when the server answered.
    public var status: Int? {
        switch self {
        case .http(let status, _, _, _, _): status
        case .network, .decoding, .invalidURL: nil
        }
    }

    /// The API's `message` when the server sent one.
    public var message: String? {
        switch self {
        case .http(_, _, _, let error, _): error?.message
        case .network, .decoding, .invalidURL: nil
        }
    }

    /// The API's per-field validation errors (422).
    public var fieldErrors: [String: [String]] {
        switch self {
        case .http(_, _, _, let error, _): error?.errors ?? [:]
        case .network, .decoding, .invalidURL: [:]
        }
    }

    public var description: String {
        switch self {
        case .http(let status, let method, let path, let error, _):
            var text = "\(method) \(path): HTTP \(status)"
            if let message = error?.message, !message.isEmpty { text += ": \(message)" }
            for (field, messages) in (error?.errors ?? [:]).sorted(by: { $0.key < $1.key }) {
                text += "\n  \(field): \(messages.joined(separator: "; "))"
            }
            return text
        case .network(let method, let path, let reason):
            return "\(method) \(path): no answer from the server (\(reason))"
        case .decoding(let method, let path, let reason):
            return "\(method) \(path): unexpected response body (\(reason))"
        case .invalidURL(let url):
            return "not a valid URL: \(url)"
        }
    }
}

/// An error body (reference §2.6): `{"message": "..."}`, plus `errors` (field path → messages)
/// on 422 validation failures, the Laravel shape.
public struct APIError: Error, Codable, Hashable, Sendable {
    /// The human-readable message (always present).
    public var message: String
    /// 422 only: each invalid field (dot notation for nested fields) and its messages.
    public var errors: [String: [String]]?

    /// An error body.
    public init(message: String, errors: [String: [String]]? = nil) {
        self.message = message
        self.errors = errors
    }

    /// 401 without or with an unknown token; the text is Laravel's default (reference §2.1 [K]).
    public static let unauthenticated = APIError(message: "Unauthenticated.")
    /// 403, the spec's default text (reference §2.1).
    public static let unauthorized = APIError(message: "This action is unauthorized.")
    /// 429; the spec names no text.
    public static let tooManyRequests = APIError(message: "Too Many Attempts.")

    /// 404 for a missing record of `resource`.
    public static func notFound(_ resource: String) -> APIError {
        APIError(message: "No query results for model [\(resource)].")
    }

    /// 422 with per-field messages; `message` is the first one, as Laravel writes it.
    public static func validation(_ errors: [String: [String]]) -> APIError {
        let first = errors.keys.sorted().first.flatMap { errors[$0]?.first } ?? "The given data was invalid."
        let more = errors.values.reduce(0) { $0 + $1.count } - 1
        let message = more > 0 ? "\(first) (and \(more) more error\(more == 1 ? "" : "s"))" : first
        return APIError(message: message, errors: errors)
    }
}

/// The HTTP error statuses the subset answers with and what each means (reference §2.6).
public enum APIErrorStatus: Int, Codable, Hashable, Sendable, CaseIterable {
    /// Malformed request (generic component, unused by this subset's routes).
    case badRequest = 400
    /// No or invalid bearer token.
    case unauthenticated = 401
    /// The token's owner lacks the permission.
    case forbidden = 403
    /// No such record (or a disabled feature, for certificate actions).
    case notFound = 404
    /// The charge point rejected the command, is offline, or the transition is invalid.
    case notAcceptable = 406
    /// Conflict (disconnect, invoice actions).
    case conflict = 409
    /// Precondition failed (issue-invoice).
    case preconditionFailed = 412
    /// Validation failed; the body carries `errors`.
    case unprocessableContent = 422
    /// Throttled.
    case tooManyRequests = 429
    /// Action not implemented (certificate actions).
    case notImplemented = 501

    /// Whether the reference gives this status a JSON `{message}` body.
    public var hasMessageBody: Bool {
        switch self {
        case .badRequest, .unauthenticated, .forbidden, .notFound, .unprocessableContent, .tooManyRequests: true
        case .notAcceptable, .conflict, .preconditionFailed, .notImplemented: false
        }
    }
}

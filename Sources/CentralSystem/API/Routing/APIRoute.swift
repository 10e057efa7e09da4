import Hummingbird

/// One served operation: the single source for the router and the OpenAPI document, so the two
/// cannot drift apart.
struct APIRoute: Sendable {
    /// HTTP method.
    var method: HTTPRequest.Method
    /// Path template with `{name}` parameters, exactly as the AMPECO reference spells it.
    var path: String
    /// OpenAPI `operationId`.
    var operationId: String
    /// One-line summary.
    var summary: String
    /// OpenAPI tag (resource or action family).
    var tag: String
    /// The success status (200, 201, 202, 204).
    var success: Int
    /// Other documented statuses besides 401/429 (which every authenticated route has).
    var failures: [Int]
    /// Query parameters the route reads.
    var query: [String]
    /// Known values of enumerated query parameters, for the OpenAPI document.
    var queryEnums: [String: [String]]
    /// Whether the route reads a JSON body.
    var hasBody: Bool
    /// The body's JSON Schema as JSON text (`nil` = any object), for the OpenAPI document.
    var bodySchema: String?
    /// The success body's schema, `nil` for a body-less answer (204, the 202s of reference §5 with
    /// no body). Every route states it, so the OpenAPI document describes every body it serves.
    var response: OpenAPISchema?
    /// Whether a Bearer token is required (everything but the OpenAPI document).
    var authenticated: Bool
    /// The handler.
    var handler: @Sendable (APICall) async throws -> Response

    init(
        _ method: HTTPRequest.Method, _ path: String, _ operationId: String, _ summary: String, tag: String,
        success: Int, failures: [Int] = [], query: [String] = [], queryEnums: [String: [String]] = [:],
        hasBody: Bool = false, bodySchema: String? = nil, response: OpenAPISchema?, authenticated: Bool = true,
        handler: @escaping @Sendable (APICall) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.tag = tag
        self.success = success
        self.failures = failures
        self.query = query
        self.queryEnums = queryEnums
        self.hasBody = hasBody || bodySchema != nil
        self.bodySchema = bodySchema
        self.response = response
        self.authenticated = authenticated
        self.handler = handler
    }

    /// The `{name}` parameters of `path`, in order.
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            guard segment.first == "{", segment.last == "}" else { return nil }
            return String(segment.dropFirst().dropLast())
        }
    }
}

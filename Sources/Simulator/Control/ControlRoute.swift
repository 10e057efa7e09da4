import Hummingbird

/// One operation of the control API: the single source for the router and the OpenAPI document,
/// so the two cannot drift apart. A new feature adds a file that returns `[ControlRoute]` and
/// passes them to ``ControlServer`` (`extraRoutes`).
public struct ControlRoute: Sendable {
    /// HTTP method.
    public var method: HTTPRequest.Method
    /// Path template with `{name}` parameters.
    public var path: String
    /// OpenAPI `operationId`.
    public var operationId: String
    /// One-line summary.
    public var summary: String
    /// OpenAPI tag.
    public var tag: String
    /// The success status.
    public var success: Int
    /// The documented 4xx statuses.
    public var failures: [Int]
    /// Query parameters the route reads.
    public var query: [String]
    /// The JSON body's schema as JSON text (nil: no body).
    public var bodySchema: String?
    /// The success body's media type.
    public var produces: String
    /// The JSON success body's schema in the document's `components/schemas` (nil: any object).
    public var response: String?
    /// Whether the control token (when one is set) is needed; the dashboard page and this
    /// document are open.
    public var authenticated: Bool
    /// The handler.
    public var handler: @Sendable (ControlCall) async throws -> Response

    public init(
        _ method: HTTPRequest.Method, _ path: String, _ operationId: String, _ summary: String, tag: String,
        success: Int = 200, failures: [Int] = [], query: [String] = [], bodySchema: String? = nil,
        produces: String = "application/json", response: String? = nil, authenticated: Bool = true,
        handler: @escaping @Sendable (ControlCall) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.tag = tag
        self.success = success
        self.failures = failures
        self.query = query
        self.bodySchema = bodySchema
        self.produces = produces
        self.response = response
        self.authenticated = authenticated
        self.handler = handler
    }

    /// The `{name}` parameters of `path`, in order.
    public var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            guard segment.first == "{", segment.last == "}" else { return nil }
            return String(segment.dropFirst().dropLast())
        }
    }
}

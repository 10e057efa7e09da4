import Foundation
import Hummingbird
import NIOCore
import OCPP16

/// The AMPECO-compatible Public API (reference `ampeco-public-api.md`) on Hummingbird 2: resources,
/// actions that become OCPP calls through `ChargePointCommandSending`, Bearer auth with hashed
/// tokens, per-token rate limits, and the OpenAPI document of exactly what is served.
public struct PublicAPIServer: Sendable {
    /// Where the OpenAPI document is served (no token needed).
    public static let openAPIPath = "/public-api/openapi.json"

    let configuration: PublicAPIConfiguration
    let dependencies: APIDependencies
    let routes: [APIRoute]

    /// - Parameters:
    ///   - now: the clock (tokens' last use, rate limits, record timestamps); `main` passes the wall clock.
    ///   - webhooks: delivers the notifications API edits give rise to (`evse.changed`, ...).
    public init(
        store: Store, commands: any ChargePointCommandSending, configuration: PublicAPIConfiguration = .init(),
        webhooks: WebhookDispatcher? = nil, now: @escaping @Sendable () -> OCPPTimestamp
    ) {
        self.configuration = configuration
        let dependencies = APIDependencies(
            store: store, commands: commands, commandTimeout: configuration.commandTimeout,
            startSessionWait: configuration.startSessionWait,
            installableCertificates: configuration.installableCertificates, now: now,
            notify: { event in webhooks?.publish(event) })
        self.dependencies = dependencies
        var routes = APIRouteTable.routes(dependencies)
        let document = OpenAPIDocument.make(routes: routes + [Self.openAPIRoute(data: Data())])
        let bytes = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
        routes.append(Self.openAPIRoute(data: bytes))
        self.routes = routes
    }

    /// `METHOD /path/{param}` of every route registered on the router, in table order (for the
    /// OpenAPI sync test and the README).
    public var routeSignatures: [String] { routes.map { "\($0.method.rawValue) \($0.path)" } }

    /// `METHOD /path` of every route whose declared body JSON Schema is not valid JSON (the
    /// document would fall back to "any object" for it); a test keeps this empty.
    public var unparsableSchemas: [String] {
        routes.filter { route in
            guard let schema = route.bodySchema else { return false }
            return (try? JSONSerialization.jsonObject(with: Data(schema.utf8))) == nil
        }.map { "\($0.method.rawValue) \($0.path)" }
    }

    static func openAPIRoute(data: Data) -> APIRoute {
        APIRoute(
            .get, openAPIPath, "getOpenAPIDocument", "This OpenAPI 3 document", tag: "Meta", success: 200,
            response: OpenAPISchema.object([
                "openapi": OpenAPISchema.string.required, "info": OpenAPISchema.anyValue.required,
                "paths": OpenAPISchema.map(.anyValue).required, "components": OpenAPISchema.anyValue,
                "servers": OpenAPISchema.array(.anyValue), "security": OpenAPISchema.array(.anyValue),
            ]), authenticated: false
        ) { _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// The router with every route, wrapped in auth, rate limiting and error mapping.
    func makeResponder() -> some HTTPResponder<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let maxBody = configuration.maxBodyBytes
        for route in routes {
            let names = route.pathParameters
            let handler = route.handler
            router.on(RouterPath(route.path), method: route.method) { request, context -> Response in
                var request = request
                var parameters: [String: String] = [:]
                for name in names { parameters[name] = context.parameters.get(name) }
                let body = try await request.collectBody(upTo: maxBody)
                let host = request.head.authority ?? "localhost"
                let call = APICall(
                    parameters: parameters, query: Self.query(request.uri.query), body: Data(buffer: body),
                    origin: "http://\(host)", path: request.uri.path,
                    token: Self.bearerToken(request.headers[.authorization]))
                return try await handler(call)
            }
        }
        let publicPaths = Set(routes.filter { !$0.authenticated }.map(\.path))
        let limiter = APIRateLimiter(limit: configuration.rateLimit, window: configuration.rateLimitWindow)
        return APIResponder(
            inner: router.buildResponder(), store: dependencies.store, rateLimiter: limiter, publicPaths: publicPaths,
            templates: routes.map { ($0.method.rawValue, $0.path.split(separator: "/").map(String.init)) },
            now: dependencies.now)
    }

    /// The token of an `Authorization: Bearer <token>` header.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Splits a raw query string, percent-decoding keys and values (`filter%5Bstatus%5D` → `filter[status]`).
    static func query(_ raw: String?) -> [(key: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&").map { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }

    /// The Hummingbird application serving the API (also for `HummingbirdTesting`'s router mode).
    public func makeApplication(onBound: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            responder: makeResponder(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in await onBound(channel.localAddress?.port ?? 0) })
    }

    /// Serves until the surrounding task is cancelled; `onBound` receives the bound port once
    /// the socket listens (useful with port 0).
    public func run(onBound: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onBound: onBound).run()
    }

    /// Makes sure an API token exists. With `supplied`, that token is stored (hashed) if new and
    /// `nil` is returned; otherwise, when the store has no token yet, a new random one is made,
    /// stored hashed and returned so the CLI can print it once.
    public static func provisionToken<G: RandomNumberGenerator>(
        store: Store, supplied: String?, now: OCPPTimestamp, generator: inout G
    ) async throws -> String? {
        if let supplied {
            let hash = SHA256.hex(supplied)
            if try await store.useAPIToken(hash: hash, now: now) == nil {
                _ = try await store.addAPIToken(hash: hash, name: "supplied", now: now)
            }
            return nil
        }
        guard try await store.apiTokenCount() == 0 else { return nil }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var token = ""
        for _ in 0..<48 { token.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))]) }
        _ = try await store.addAPIToken(hash: SHA256.hex(token), name: "generated at first start", now: now)
        return token
    }
}

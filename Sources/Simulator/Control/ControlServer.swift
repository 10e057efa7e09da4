import Foundation
import Hummingbird
import NIOCore
import OCPP16

/// The control API of a running ``Fleet`` (issue 10): HTTP/JSON to list, add and remove chargers
/// and to act as the driver and the EV (plug in, present a tag, break a connector, cut the
/// network), a server-sent event stream of every state change and OCPP frame, Prometheus
/// metrics, per-charger trace files, the live dashboard, and the OpenAPI document of exactly
/// what is served.
///
///     let server = try ControlServer(fleet: fleet, profiles: ["wallbox": profile], configuration: .init(port: 0))
///     try await server.run { port in print("control API on http://127.0.0.1:\(port)") }
public struct ControlServer: Sendable {
    /// Where the OpenAPI document is served.
    public static let openAPIPath = "/openapi.json"

    let configuration: ControlServerConfiguration
    /// Fans frames and changes out to the event stream, the metrics and the trace.
    public let observer: ControlObserver
    let routes: [ControlRoute]

    /// - Parameters:
    ///   - profiles: the models `POST /chargers` may name, by name; the first is the default.
    ///   - extraRoutes: more operations (traffic, chaos, ...), served and documented like the rest.
    public init(
        fleet: Fleet, profiles: [(name: String, profile: ChargerProfile)], configuration: ControlServerConfiguration,
        extraRoutes: [ControlRoute] = []
    ) throws {
        if let problem = configuration.problem { throw ControlFailure.badRequest(problem) }
        self.configuration = configuration
        let trace = try configuration.traceDirectory.map { try FrameTrace(directory: $0) }
        let observer = ControlObserver(eventLoops: fleet.eventLoops, trace: trace)
        fleet.setObserver(observer)
        self.observer = observer
        let context = ControlContext(fleet: fleet, profiles: profiles, observer: observer)
        var routes =
            FleetRoutes.routes(context) + ChargerRoutes.routes(context) + ChaosRoutes.routes(context)
            + StreamRoutes.routes(context) + extraRoutes
        let document = ControlOpenAPIDocument.make(routes: routes + [Self.openAPIRoute(data: Data())])
        let bytes = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
        routes.append(Self.openAPIRoute(data: bytes))
        self.routes = routes
    }

    /// `METHOD /path` of every route, in table order (for the OpenAPI sync test).
    public var routeSignatures: [String] { routes.map { "\($0.method.rawValue) \($0.path)" } }

    static func openAPIRoute(data: Data) -> ControlRoute {
        ControlRoute(
            .get, openAPIPath, "getOpenAPIDocument", "This OpenAPI 3 document", tag: "Meta", authenticated: false
        ) { _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

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
                return try await handler(
                    ControlCall(parameters: parameters, query: Self.query(request.uri.query), body: Data(buffer: body)))
            }
        }
        return ControlResponder(
            inner: router.buildResponder(), token: configuration.token,
            publicPaths: Set(routes.filter { !$0.authenticated }.map(\.path)),
            templates: routes.map { ($0.method.rawValue, $0.path.split(separator: "/").map(String.init)) })
    }

    /// Splits a raw query string, percent-decoding keys and values.
    static func query(_ raw: String?) -> [String: String] {
        guard let raw, !raw.isEmpty else { return [:] }
        var items: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            items[decode(halves[0])] = halves.count > 1 ? decode(halves[1]) : ""
        }
        return items
    }

    /// Serves until the surrounding task is cancelled; `onBound` gets the bound port once the
    /// socket listens (useful with port 0).
    public func run(onBound: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = Application(
            responder: makeResponder(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in await onBound(channel.localAddress?.port ?? 0) })
        // A comment line now and then shows a dead event-stream client (and keeps proxies open).
        let hub = observer.hub
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.keepAlive()
            }
        }
        defer { keepAlive.cancel() }
        try await application.run()
    }
}

/// What the route files share.
struct ControlContext: Sendable {
    let fleet: Fleet
    let profiles: [(name: String, profile: ChargerProfile)]
    let observer: ControlObserver

    /// The charger with this id, or a 404 naming it.
    func charger(_ id: String) throws(ControlFailure) -> ChargerRuntime {
        guard let charger = fleet.charger(id) else { throw ControlFailure.unknownCharger(id) }
        return charger
    }
}

import Foundation
import Hummingbird
import NIOCore

/// Watching the fleet: the event stream, the metrics and the dashboard page.
enum StreamRoutes {
    static func routes(_ context: ControlContext) -> [ControlRoute] {
        [
            ControlRoute(
                .get, "/events", "streamEvents",
                "Server-sent events: every OCPP frame in and out, connection and connector status change",
                tag: "Watch", failures: [404], query: ["charger", "types", "token"], produces: "text/event-stream"
            ) { call in
                let filter = call.query["charger"].flatMap { $0.isEmpty ? nil : $0 }
                if let filter, context.fleet.charger(filter) == nil { throw ControlFailure.unknownCharger(filter) }
                let known: Set<String> = ["frame", "link", "connectors"]
                let types = call.query["types"].map { Set($0.split(separator: ",").map(String.init)) }
                if let types, !types.isSubset(of: known) {
                    throw ControlFailure.invalid(
                        "types must be a comma-separated list of frame, link, connectors; got '\(call.query["types"] ?? "")'"
                    )
                }
                let stream = context.observer.hub.subscribe(chargePointId: filter, types: types)
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                    body: ResponseBody { writer in
                        try await writer.write(ByteBuffer(string: ": chargesim events\n\n"))
                        for await buffer in stream { try await writer.write(buffer) }
                        try await writer.finish(nil)
                    })
            },
            ControlRoute(
                .get, "/metrics", "getMetrics", "Prometheus metrics (text exposition format 0.0.4)", tag: "Watch",
                produces: "text/plain"
            ) { _ in
                let text = try await context.observer.metrics.scrape(fleet: context.fleet)
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            },
            ControlRoute(
                .get, "/", "getDashboard", "The live dashboard (one self-contained HTML page)", tag: "Watch",
                produces: "text/html", authenticated: false
            ) { _ in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: DashboardPage.html)))
            },
        ]
    }
}

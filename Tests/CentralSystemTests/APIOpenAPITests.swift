import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("OpenAPI document ↔ routes")
struct APIOpenAPITests {
    @Test func documentListsExactlyTheRegisteredRoutesAndEachIsServed() async throws {
        try await LivePublicAPI.with { api in
            let server = PublicAPIServer(
                store: api.store, commands: api.commands, now: { OCPPTimestamp(millisecondsSince1970: 0) })
            let registered = server.routeSignatures
            #expect(Set(registered).count == registered.count, "a route is registered twice")

            let reply = try await api.client.call("GET", PublicAPIServer.openAPIPath)
            let paths = try #require(reply.json["paths"] as? [String: [String: Any]])
            var documented: [String] = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    documented.append("\(method.uppercased()) \(path)")
                    let parameters = (operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
                    let pathNames = Set(
                        parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                    let templated = Set(
                        path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                            String($0.dropFirst().dropLast())
                        })
                    #expect(pathNames == templated, "\(method) \(path) documents path parameters \(pathNames)")
                }
            }
            #expect(Set(documented) == Set(registered))
            // Every declared body schema is valid JSON (a broken one would fall back to "any object").
            for (path, operations) in paths {
                for (method, operation) in operations {
                    guard let body = (operation as? [String: Any])?["requestBody"] as? [String: Any],
                        body["required"] as? Bool == true
                    else { continue }
                    let content = body["content"] as? [String: [String: Any]]
                    let schema = content?["application/json"]?["schema"] as? [String: Any]
                    #expect(schema?["properties"] != nil, "\(method) \(path) has no body schema")
                }
            }

            for signature in registered {
                let parts = signature.split(separator: " ", maxSplits: 1)
                let method = String(parts[0])
                let path = parts[1].split(separator: "/").map { $0.hasPrefix("{") ? "1" : String($0) }.joined(
                    separator: "/")
                let served = try await api.client.call(method, "/" + path, json: method == "GET" ? nil : "{}")
                let text = served.json["message"] as? String ?? ""
                #expect(!text.contains("could not be found"), "\(signature) is documented but not routed")
                #expect(served.status != 405 && served.status < 500, "\(signature) answered \(served.status)")
            }
        }
    }

    @Test func routesFollowTheReferencePathFamilies() throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let server = PublicAPIServer(
            store: try Store(path: file.path), commands: RecordingCommandSender(),
            now: { OCPPTimestamp(millisecondsSince1970: 0) })
        for signature in server.routeSignatures {
            let path = String(signature.split(separator: " ")[1])
            let family =
                path.hasPrefix("/public-api/resources/") || path.hasPrefix("/public-api/actions/")
                || path.hasPrefix("/public-api/notifications/") || path == PublicAPIServer.openAPIPath
            #expect(family, "\(signature)")
            if path.hasPrefix("/public-api/actions/") { #expect(signature.hasPrefix("POST "), "\(signature)") }
        }
        #expect(server.routeSignatures.filter { $0.contains("/public-api/actions/") }.count == 26)
        #expect(server.unparsableSchemas.isEmpty)
    }

    @Test func noRouteAnswers5xxToJunkInput() async throws {
        try await LivePublicAPI.with { api in
            let chargePoint = try await api.store.registerChargePoint(identity: "CP1", evseCount: 1, now: t0)
            _ = try await api.store.startTransaction(
                identity: "CP1", request: start(), unknownTagPolicy: .accept, now: at(10))
            let server = PublicAPIServer(
                store: api.store, commands: api.commands, now: { OCPPTimestamp(millisecondsSince1970: 0) })
            let bodies = [
                "[]", "null", "\"text\"", "{\"userId\":\"x\",\"type\":7,\"name\":[],\"force\":\"yes\"}",
                "{\"stackLevel\":1e400}",
            ]
            let queries = ["?page=-1", "?per_page=x&cursor=%ZZ", "?filter[status]=&filter[evseId]=1.5", "?cursor=YTk5"]
            for signature in server.routeSignatures {
                let parts = signature.split(separator: " ", maxSplits: 1)
                let method = String(parts[0])
                let id = String(chargePoint.id ?? 1)
                let path = parts[1].split(separator: "/").map { $0.hasPrefix("{") ? id : String($0) }.joined(
                    separator: "/")
                for query in queries {
                    let reply = try await api.client.call(
                        method, "/" + path + query, json: method == "GET" ? nil : "{}")
                    #expect(reply.status < 500, "\(signature)\(query) answered \(reply.status)")
                }
                guard method != "GET" else { continue }
                for body in bodies {
                    let reply = try await api.client.call(method, "/" + path, json: body)
                    #expect(reply.status < 500, "\(signature) with \(body) answered \(reply.status)")
                }
            }
        }
    }
}

import Foundation

/// Builds the OpenAPI 3.0 document of exactly the routes served, from the same `APIRoute`
/// table the router is built from.
enum OpenAPIDocument {
    static func make(routes: [APIRoute]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        var components: [String: Any] = [:]
        for route in routes {
            var operation: [String: Any] = [
                "operationId": route.operationId,
                "summary": route.summary,
                "tags": [route.tag],
                "responses": responses(route, components: &components),
            ]
            let pathParameters: [[String: Any]] = route.pathParameters.map { name in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            let queryParameters: [[String: Any]] = route.query.map { name in
                ["name": name, "in": "query", "required": false, "schema": querySchema(name, route: route)]
            }
            if !(pathParameters + queryParameters).isEmpty {
                operation["parameters"] = pathParameters + queryParameters
            }
            if route.hasBody {
                let schema =
                    route.bodySchema.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
                    ?? ["type": "object"]
                operation["requestBody"] = [
                    "required": route.bodySchema != nil,
                    "content": ["application/json": ["schema": schema]],
                ]
            }
            if !route.authenticated { operation["security"] = [[String: Any]]() }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "ChargeSim embedded central system — AMPECO-compatible Public API subset",
                "version": "1.0.0",
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": [String]()]],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer", "bearerFormat": "API Token"]
                ],
                "schemas": components,
            ],
        ]
    }

    /// A query parameter's schema, by the reference's naming: `…After`/`…Before`/`issued…` are
    /// date-times, `…Id` filters and paging numbers integers, `with…` flags booleans.
    static func querySchema(_ name: String, route: APIRoute) -> [String: Any] {
        if let values = route.queryEnums[name] { return ["type": "string", "enum": values] }
        switch name {
        case "page": return ["type": "integer", "minimum": 1, "maximum": APIPagination.maximumPage]
        case "per_page": return ["type": "integer", "minimum": 1, "maximum": 100]
        case "cursor": return ["type": "string"]
        default: break
        }
        if name.hasPrefix("with") { return ["type": "boolean"] }
        let inner = name.hasPrefix("filter[") ? String(name.dropFirst(7).dropLast()) : name
        if inner.hasSuffix("After") || inner.hasSuffix("Before") || inner.hasPrefix("issued") {
            return ["type": "string", "format": "date-time"]
        }
        if inner.hasSuffix("Id") && inner != "networkId" {
            return ["type": "integer", "format": "int64", "minimum": Int64.min, "maximum": Int64.max]
        }
        return ["type": "string"]
    }

    /// Every documented status of `route` with its body schema: the route's own for the success
    /// status, ``ErrorSchemas`` for the others; 204 and body-less 202s have no `content`.
    static func responses(_ route: APIRoute, components: inout [String: Any]) -> [String: Any] {
        var responses: [String: Any] = [:]
        var statuses = [route.success] + route.failures
        if route.authenticated { statuses += [401, 429] }
        for status in Set(statuses).sorted() {
            var response: [String: Any] = ["description": description(status)]
            let schema = status == route.success ? route.response : ErrorSchemas.schema(status: status)
            if let schema {
                response["content"] = ["application/json": ["schema": schema.json(components: &components)]]
            }
            responses[String(status)] = response
        }
        return responses
    }

    static func description(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No content"
        case 401: "Missing or invalid token"
        case 404: "Not found"
        case 406: "The charge point rejected the command, is offline or did not answer"
        case 409: "Conflict"
        case 422: "Validation failed"
        case 429: "Too many requests"
        default: "Status \(status)"
        }
    }
}

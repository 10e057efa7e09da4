import Foundation

/// The OpenAPI 3 document of the control API, made from the route table itself.
enum ControlOpenAPIDocument {
    static func make(routes: [ControlRoute]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            var parameters: [[String: Any]] = route.pathParameters.map { name in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            parameters += route.query.map { name in
                ["name": name, "in": "query", "required": false, "schema": ["type": "string"]]
            }
            var responses: [String: Any] = [
                String(route.success): [
                    "description": "Success",
                    "content": [
                        route.produces: [
                            "schema": route.produces == "application/json" ? ["type": "object"] : ["type": "string"]
                        ]
                    ],
                ]
            ]
            var failures = route.failures
            if route.authenticated { failures.append(401) }
            for status in Set(failures).sorted() {
                responses[String(status)] = [
                    "description": "Error; the body says what to fix",
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                ]
            }
            var operation: [String: Any] = [
                "operationId": route.operationId, "summary": route.summary, "tags": [route.tag],
                "parameters": parameters, "responses": responses,
            ]
            if let schema = route.bodySchema,
                let object = try? JSONSerialization.jsonObject(with: Data(schema.utf8))
            {
                operation["requestBody"] = [
                    "required": true, "content": ["application/json": ["schema": object]],
                ]
            }
            if !route.authenticated { operation["security"] = [] as [Any] }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "ChargeSim control API",
                "version": "1.0",
                "description":
                    "Drive and watch a running fleet: chargers, EVs, drivers, faults, network, events, metrics.",
            ],
            "paths": paths,
            "security": [["bearer": [] as [Any]]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": [
                    "Error": [
                        "type": "object", "required": ["error", "message"],
                        "properties": ["error": ["type": "string"], "message": ["type": "string"]],
                    ]
                ],
            ],
        ]
    }
}

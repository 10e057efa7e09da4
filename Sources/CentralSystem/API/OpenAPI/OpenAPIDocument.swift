import Foundation

/// Builds the OpenAPI 3.0 document of exactly the routes served, from the same `APIRoute`
/// table the router is built from.
enum OpenAPIDocument {
    static func make(routes: [APIRoute]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            var operation: [String: Any] = [
                "operationId": route.operationId,
                "summary": route.summary,
                "tags": [route.tag],
                "responses": responses(route),
            ]
            let pathParameters: [[String: Any]] = route.pathParameters.map { name in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            let queryParameters: [[String: Any]] = route.query.map { name in
                var schema: [String: Any] = ["type": "string"]
                if name == "page" || name == "per_page" {
                    schema = ["type": "integer", "minimum": 1]
                    if name == "per_page" { schema["maximum"] = 100 }
                }
                return ["name": name, "in": "query", "required": false, "schema": schema]
            }
            if !(pathParameters + queryParameters).isEmpty {
                operation["parameters"] = pathParameters + queryParameters
            }
            if route.hasBody {
                operation["requestBody"] = [
                    "required": false,
                    "content": ["application/json": ["schema": ["type": "object"]]],
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
                "schemas": [
                    "Error": [
                        "type": "object", "required": ["message"],
                        "properties": [
                            "message": ["type": "string"],
                            "errors": [
                                "type": "object",
                                "additionalProperties": ["type": "array", "items": ["type": "string"]],
                            ],
                        ],
                    ]
                ],
            ],
        ]
    }

    static func responses(_ route: APIRoute) -> [String: Any] {
        var responses: [String: Any] = [:]
        let error: [String: Any] = ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]
        var statuses = [route.success] + route.failures
        if route.authenticated { statuses += [401, 429] }
        for status in Set(statuses).sorted() {
            var response: [String: Any] = ["description": description(status)]
            switch status {
            case 200, 201, 202:
                if status == route.success, !(route.success == 202 && emptyAccepted(route)) {
                    response["content"] = ["application/json": ["schema": ["type": "object"]]]
                }
            case 204, 406, 409:
                // 406 carries `{"message"}` here, 204 and 409 may be empty: no schema pinned.
                break
            default:
                response["content"] = error
            }
            responses[String(status)] = response
        }
        return responses
    }

    /// 202 answers that carry no body.
    static func emptyAccepted(_ route: APIRoute) -> Bool {
        [
            "stopSession", "changeAvailability", "clearChargingProfile", "triggerMessage", "triggerMessageOnEVSE",
            "cancelReservation", "resetSecurityProfile", "changeOwner", "setConfiguration", "updateFirmware",
            "installCertificate", "deleteCertificate", "syncCertificates",
        ].contains(route.operationId)
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

import Foundation
import OCPP16

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
                            "schema": route.response.map { ["$ref": "#/components/schemas/\($0)"] }
                                ?? (route.produces == "application/json" ? ["type": "object"] : ["type": "string"])
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
                "schemas": responseSchemas.merging([
                    "Error": [
                        "type": "object", "required": ["error", "message"],
                        "properties": ["error": ["type": "string"], "message": ["type": "string"]],
                    ]
                ]) { first, _ in first },
            ],
        ]
    }

    /// The answers' schemas (closed objects: a field added to the Swift types must be added here,
    /// which the live tests check by validating real answers).
    static var responseSchemas: [String: Any] {
        let text = #"""
            {
              "ConnectorOverview": {"type": "object", "additionalProperties": false,
                "required": ["connectorId", "status", "errorCode", "powerW"],
                "properties": {
                  "connectorId": {"type": "integer", "minimum": 0},
                  "status": {"type": "string", "enum": [\#(ChargePointStatus.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]},
                  "errorCode": {"type": "string", "enum": [\#(ChargePointErrorCode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]},
                  "info": {"type": "string"}, "vendorErrorCode": {"type": "string"},
                  "transactionId": {"type": "integer"}, "idTag": {"type": "string"},
                  "powerW": {"type": "number", "minimum": 0}, "registerWh": {"type": "number", "minimum": 0},
                  "sessionEnergyWh": {"type": "number", "minimum": 0},
                  "ev": {"type": "object", "additionalProperties": false,
                    "required": ["name", "batteryCapacityKWh", "socPercent", "maxPowerKW"],
                    "properties": {"name": {"type": "string"}, "batteryCapacityKWh": {"type": "number"},
                      "socPercent": {"type": "number", "minimum": 0, "maximum": 100}, "maxPowerKW": {"type": "number"}}}}},
              "ChargerOverview": {"type": "object", "additionalProperties": false,
                "required": ["chargePointId", "model", "link", "booted", "firmwareVersion", "queuedTransactionMessages", "connectors"],
                "properties": {
                  "chargePointId": {"type": "string"}, "model": {"type": "string"},
                  "link": {"type": "string", "enum": [\#(ChargerLinkState.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]},
                  "booted": {"type": "boolean"}, "firmwareVersion": {"type": "string"},
                  "queuedTransactionMessages": {"type": "integer", "minimum": 0},
                  "connectors": {"type": "array", "items": {"$ref": "#/components/schemas/ConnectorOverview"}}}},
              "FleetListing": {"type": "object", "additionalProperties": false, "required": ["chargers", "totalPowerW"],
                "properties": {"chargers": {"type": "array", "items": {"$ref": "#/components/schemas/ChargerOverview"}},
                  "totalPowerW": {"type": "number", "minimum": 0}}},
              "ConfigurationAnswer": {"type": "object", "additionalProperties": false, "required": ["key", "status"],
                "properties": {"key": {"type": "string"}, "value": {"type": "string"},
                  "status": {"type": "string", "enum": ["Accepted", "RebootRequired"]}}},
              "Removed": {"type": "object", "additionalProperties": false, "required": ["removed"],
                "properties": {"removed": {"type": "string"}}}
            }
            """#
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

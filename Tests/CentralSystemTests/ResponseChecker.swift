import Foundation
import TestSupport
import Testing

/// Calls the live API and validates each answer against the OpenAPI document it serves: the
/// status must be documented for the operation, a documented body must match its schema (with
/// undocumented properties reported), and a response documented without content must be empty.
struct ResponseChecker {
    let client: APIHTTPClient
    let document: [String: Any]
    /// `METHOD template status` of every response checked.
    private(set) var validated: [String] = []

    init(client: APIHTTPClient) async throws {
        self.client = client
        let reply = try await client.call("GET", "/public-api/openapi.json")
        document = reply.json
        validated.append("GET /public-api/openapi.json 200")
        let violations = try violations(reply.json, "GET", "/public-api/openapi.json", 200)
        #expect(violations.isEmpty, "the document itself: \(violations)")
    }

    /// Sends `method template` (its `{name}`s filled from `parameters`, any `?query` kept), expects
    /// `status`, and validates the body against the document.
    @discardableResult
    mutating func check(
        _ method: String, _ template: String, _ status: Int, _ parameters: [String: String] = [:],
        json: String? = nil, token: String?? = .none, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIHTTPClient.Reply {
        var path = template
        for (name, value) in parameters { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
        let reply = try await client.call(method, path, json: json, token: token)
        #expect(
            reply.status == status, "\(method) \(path) answered \(reply.status): \(reply.text)",
            sourceLocation: sourceLocation)
        guard reply.status == status else { return reply }
        let operationPath = String(template.split(separator: "?", maxSplits: 1)[0])
        let content = try #require(
            documentedResponse(method, operationPath, status), "\(method) \(operationPath) does not document \(status)",
            sourceLocation: sourceLocation)
        if content["content"] == nil {
            #expect(reply.body.isEmpty, "\(method) \(path) \(status) has a body: \(reply.text)")
        } else {
            #expect(
                reply.headers["content-type"]?.hasPrefix("application/json") == true,
                "\(method) \(path) content type", sourceLocation: sourceLocation)
            let body = try JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed])
            let violations = try violations(body, method, operationPath, status)
            #expect(violations.isEmpty, "\(method) \(path) \(status): \(violations)", sourceLocation: sourceLocation)
        }
        validated.append("\(method) \(operationPath) \(status)")
        return reply
    }

    /// The violations of `body` as the `status` answer of `method path`.
    func violations(_ body: Any, _ method: String, _ path: String, _ status: Int) throws -> [JSONSchemaValidator
        .Violation]
    {
        let response = try #require(documentedResponse(method, path, status))
        let content = (response["content"] as? [String: Any])?["application/json"] as? [String: Any]
        let schema = try #require(content?["schema"], "\(method) \(path) \(status) has no schema")
        var validator = try JSONSchemaValidator(schema: schema, document: document)
        validator.rejectsUndocumentedProperties = true
        return validator.validate(body)
    }

    private func documentedResponse(_ method: String, _ path: String, _ status: Int) -> [String: Any]? {
        let paths = document["paths"] as? [String: [String: Any]]
        let operation = paths?[path]?[method.lowercased()] as? [String: Any]
        return (operation?["responses"] as? [String: Any])?[String(status)] as? [String: Any]
    }
}

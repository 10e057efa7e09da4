/// Structural checks on an OpenAPI document's schemas, for the response-schema tests.
enum OpenAPIShape {
    /// `schema` with a `$ref` followed into `document`.
    static func resolve(_ schema: Any, document: [String: Any]) -> [String: Any] {
        guard let object = schema as? [String: Any] else { return [:] }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var node: Any = document
        for key in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(key)] else { return [:] }
            node = next
        }
        return resolve(node, document: document)
    }

    /// Why `schema` says too little about a response body: it must be an object with
    /// properties, and an envelope's `data` an object with properties or an array of them.
    static func problems(_ schema: Any, document: [String: Any]) -> [String] {
        let resolved = resolve(schema, document: document)
        guard resolved["type"] as? String == "object",
            let properties = resolved["properties"] as? [String: Any], !properties.isEmpty
        else { return ["not an object schema with properties: \(resolved)"] }
        // `{data}` envelopes; send-data-transfer's own `data` is a string.
        guard let data = properties["data"],
            ["object", "array"].contains(resolve(data, document: document)["type"] as? String)
        else { return [] }
        var item = resolve(data, document: document)
        if item["type"] as? String == "array" { item = resolve(item["items"] ?? [:], document: document) }
        let itemProperties = item["properties"] as? [String: Any] ?? [:]
        return itemProperties.isEmpty ? ["data is not described: \(item)"] : []
    }

    /// `required` names that are not properties, anywhere in `schema`.
    static func requiredTypos(_ schema: Any) -> [String] {
        var found: [String] = []
        if let object = schema as? [String: Any] {
            if let required = object["required"] as? [String], let properties = object["properties"] as? [String: Any] {
                found += required.filter { properties[$0] == nil }
            }
            for value in object.values { found += requiredTypos(value) }
        } else if let array = schema as? [Any] {
            for value in array { found += requiredTypos(value) }
        }
        return found
    }

    /// Every `$ref` in `node` that does not resolve in `document`.
    static func unresolvedReferences(_ node: Any, document: [String: Any]) -> [String] {
        var found: [String] = []
        if let object = node as? [String: Any] {
            if let reference = object["$ref"] as? String, resolve(object, document: document).isEmpty {
                found.append(reference)
            }
            for value in object.values { found += unresolvedReferences(value, document: document) }
        } else if let array = node as? [Any] {
            for value in array { found += unresolvedReferences(value, document: document) }
        }
        return found
    }
}

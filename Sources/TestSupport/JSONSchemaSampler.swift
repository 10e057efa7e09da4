import Foundation

/// Builds JSON instances that a schema accepts, the counterpart of ``JSONSchemaValidator`` for
/// decode tests: a full instance (every property, strings at their `maxLength`, two items per
/// array, the last enum value) and a minimal one (required properties only, the first enum value).
///
/// Date-times come out as UTC with milliseconds, the form OCPP payloads are encoded in, so a
/// decode-then-encode round trip gives the same JSON back.
public struct JSONSchemaSampler {
    private let root: [String: Any]

    /// A sampler of `schema`, a JSON object as `JSONSerialization` returns it.
    public init(schema: Any) throws {
        guard let root = schema as? [String: Any] else {
            throw JSONSchemaValidator.SchemaError(description: "a schema must be a JSON object")
        }
        self.root = root
    }

    /// An instance with every optional property set.
    public func full() -> Any { sample(root, full: true) }

    /// An instance with only the required properties.
    public func minimal() -> Any { sample(root, full: false) }

    private func sample(_ schema: [String: Any], full: Bool) -> Any {
        if let reference = schema["$ref"] as? String,
            let name = reference.split(separator: "/").last,
            let definitions = root["definitions"] as? [String: Any],
            let target = definitions[String(name)] as? [String: Any]
        {
            return sample(target, full: full)
        }
        if let values = schema["enum"] as? [Any], let first = values.first, let last = values.last {
            return full ? last : first
        }
        let type = (schema["type"] as? String) ?? ((schema["type"] as? [String])?.first ?? "null")
        switch type {
        case "object":
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let required = Set(schema["required"] as? [String] ?? [])
            var object: [String: Any] = [:]
            for (name, property) in properties where full || required.contains(name) {
                if let property = property as? [String: Any] {
                    object[name] = sample(property, full: full)
                }
            }
            return object
        case "array":
            let minItems = (schema["minItems"] as? NSNumber)?.intValue ?? 0
            let count = full ? max(2, minItems) : minItems
            guard let items = schema["items"] as? [String: Any] else { return [Any]() }
            return (0..<count).map { _ in sample(items, full: full) }
        case "string":
            if schema["format"] as? String == "date-time" {
                return full ? "2026-11-25T14:03:07.120Z" : "2026-01-01T00:00:00.000Z"
            }
            let maxLength = (schema["maxLength"] as? NSNumber)?.intValue
            // Non-ASCII on purpose: maxLength counts code points, not UTF-8 bytes.
            return full ? String(repeating: "\u{FC}", count: maxLength ?? 40) : "x"
        case "integer":
            return full ? 42 : 0
        case "number":
            let step = (schema["multipleOf"] as? NSNumber)?.doubleValue ?? 0.5
            // 163 / 10 rounds to the double nearest 16.3; 163 * 0.1 would not.
            return full ? 163 / (1 / step) : 0.0
        case "boolean":
            return full
        default:
            return NSNull()
        }
    }
}

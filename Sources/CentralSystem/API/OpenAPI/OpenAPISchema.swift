import Foundation
import PublicAPI

/// A JSON Schema (OpenAPI 3.0 dialect) of a response body, built in Swift so each route names the
/// models it serves instead of repeating JSON text: `.data(ChargePoint.schema)`,
/// `.list(EVSE.schema, pagination: .cursorOnly)`. Named schemas (``OpenAPIComponent``) render as
/// `$ref`s into `#/components/schemas`, which ``OpenAPIDocument`` fills from the routes.
///
/// Objects stay open (`additionalProperties` is not written): reference §2.7 promises additive
/// changes only, so a client must accept fields it does not know.
struct OpenAPISchema: Sendable {
    /// What kind of JSON value the schema describes.
    indirect enum Kind: Sendable {
        /// A string, with an optional `format` and closed list of values.
        case string(format: String?, values: [String]?)
        /// An integer.
        case integer
        /// A number (integers included).
        case number
        /// `true` or `false`.
        case boolean
        /// An array of `items`.
        case array(OpenAPISchema)
        /// An object with these properties (each one's ``isRequired`` says if it is always there).
        case object([String: OpenAPISchema])
        /// An object used as a map: any keys, each value matching the schema (422 `errors`).
        case map(OpenAPISchema)
        /// Any JSON value (free-form pass-through data such as `externalAppData`).
        case anyValue
        /// Exactly one of these (page- or cursor-mode `meta`).
        case oneOf([OpenAPISchema])
        /// The named component `name` whose schema is `schema`.
        case component(name: String, schema: OpenAPISchema)
    }

    /// The value's kind.
    var kind: Kind
    /// Whether JSON `null` is allowed too (`nullable: true`; `null` joins any `enum`).
    var isNullable = false
    /// As a property: whether the key is always present (it joins the object's `required`).
    var isRequired = false
    /// The `description`.
    var summary: String?

    // MARK: - Builders

    /// Any string.
    static let string = OpenAPISchema(kind: .string(format: nil, values: nil))
    /// An ISO 8601 date-time with offset (reference §2.5).
    static let dateTime = OpenAPISchema(kind: .string(format: "date-time", values: nil))
    /// An ISO 8601 calendar date (`firstContactAt`).
    static let date = OpenAPISchema(kind: .string(format: "date", values: nil))
    /// An integer.
    static let integer = OpenAPISchema(kind: .integer)
    /// A number.
    static let number = OpenAPISchema(kind: .number)
    /// A boolean.
    static let boolean = OpenAPISchema(kind: .boolean)
    /// Any JSON value.
    static let anyValue = OpenAPISchema(kind: .anyValue)

    /// A string restricted to `values`.
    static func string(_ values: [String]) -> OpenAPISchema {
        OpenAPISchema(kind: .string(format: nil, values: values))
    }

    /// A string restricted to the wire values of `values`.
    static func string<Value: OpenEnumeration>(_ values: [Value]) -> OpenAPISchema {
        string(values.map(\.rawValue))
    }

    /// A string restricted to every value the reference lists for `type`.
    static func string<Value: OpenEnumeration>(_ type: Value.Type) -> OpenAPISchema {
        string(type.knownCases)
    }

    /// An array of `items`.
    static func array(_ items: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(kind: .array(items))
    }

    /// An object with `properties`.
    static func object(_ properties: [String: OpenAPISchema]) -> OpenAPISchema {
        OpenAPISchema(kind: .object(properties))
    }

    /// An object whose keys are free and whose values all match `values`.
    static func map(_ values: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(kind: .map(values))
    }

    /// The named component `name`.
    static func component(_ name: String, _ schema: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(kind: .component(name: name, schema: schema))
    }

    /// `{"data": item}` (reference §1).
    static func data(_ item: OpenAPISchema) -> OpenAPISchema {
        object(["data": item.required])
    }

    /// `{"data": [item], "links": {...}, "meta": {...}}` with the `meta` of `pagination`'s mode(s)
    /// (reference §2.3).
    static func list(_ item: OpenAPISchema, pagination: APIPagination) -> OpenAPISchema {
        let meta: OpenAPISchema
        switch pagination {
        case .cursorOnly: meta = CursorModeMeta.openAPISchema
        case .pageOnly: meta = PageModeMeta.openAPISchema
        case .pageOrCursor:
            meta = OpenAPISchema(kind: .oneOf([PageModeMeta.openAPISchema, CursorModeMeta.openAPISchema]))
        }
        return object([
            "data": array(item).required, "links": PageLinks.openAPISchema.required, "meta": meta.required,
        ])
    }

    // MARK: - Modifiers

    /// The same schema, as a property that is always present.
    var required: OpenAPISchema {
        var copy = self
        copy.isRequired = true
        return copy
    }

    /// The same schema, allowing `null`.
    var nullable: OpenAPISchema {
        var copy = self
        copy.isNullable = true
        return copy
    }

    /// The same schema with a `description`.
    func described(_ text: String) -> OpenAPISchema {
        var copy = self
        copy.summary = text
        return copy
    }

    /// The object schema (a component's, unwrapped) with `extra` properties added; an `extra`
    /// property replaces one of the same name.
    func adding(_ extra: [String: OpenAPISchema]) -> OpenAPISchema {
        switch kind {
        case .object(let properties):
            var copy = self
            copy.kind = .object(properties.merging(extra) { _, new in new })
            return copy
        case .component(_, let schema):
            return schema.adding(extra)
        case .string, .integer, .number, .boolean, .array, .map, .anyValue, .oneOf:
            preconditionFailure("OpenAPISchema.adding: not an object schema")
        }
    }

    // MARK: - Rendering

    /// The schema as `JSONSerialization` objects; components become `$ref`s and are added to
    /// `components` (a nullable component is written inline, since OpenAPI 3.0 ignores the
    /// siblings of a `$ref`).
    func json(components: inout [String: Any]) -> [String: Any] {
        var json: [String: Any]
        switch kind {
        case .string(let format, let values):
            json = ["type": "string"]
            if let format { json["format"] = format }
            if let values { json["enum"] = values + (isNullable ? [NSNull()] : []) as [Any] }
        case .integer:
            json = ["type": "integer"]
        case .number:
            json = ["type": "number"]
        case .boolean:
            json = ["type": "boolean"]
        case .array(let items):
            json = ["type": "array", "items": items.json(components: &components)]
        case .object(let properties):
            json = ["type": "object"]
            var rendered: [String: Any] = [:]
            for (name, property) in properties { rendered[name] = property.json(components: &components) }
            json["properties"] = rendered
            let required = properties.filter(\.value.isRequired).map(\.key).sorted()
            if !required.isEmpty { json["required"] = required }
        case .map(let values):
            json = ["type": "object", "additionalProperties": values.json(components: &components)]
        case .anyValue:
            json = [:]
        case .oneOf(let choices):
            json = ["oneOf": choices.map { $0.json(components: &components) }]
        case .component(let name, let schema):
            if isNullable {
                json = schema.nullable.json(components: &components)
            } else {
                if components[name] == nil {
                    components[name] = [String: Any]()  // placeholder: a component may refer to itself
                    components[name] = schema.json(components: &components)
                }
                json = ["$ref": "#/components/schemas/\(name)"]
            }
        }
        if isNullable, !json.isEmpty, json["$ref"] == nil { json["nullable"] = true }
        if let summary, json["$ref"] == nil { json["description"] = summary }
        return json
    }
}

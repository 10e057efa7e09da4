import Foundation

/// A JSON Schema validator (draft-04, and the draft-06 keywords the OCPP 1.6 security extension
/// schemas use), enough for `shared/ocpp16/schemas/`: `type` (incl. `integer`), `properties`,
/// `required`, `additionalProperties`, `enum`, `const`, `minLength`/`maxLength` (in code points),
/// `minimum`/`maximum` and their exclusive forms, `multipleOf`, `items` (one schema or a tuple with
/// `additionalItems`), `minItems`/`maxItems`, `format: date-time` (RFC 3339 section 5.6) and `date`,
/// local `$ref` (`#/definitions/...`, `#/components/schemas/...`), `allOf`/`anyOf`/`oneOf`, and the
/// OpenAPI 3.0 `nullable`. `$schema`, `id`/`$id`, `title`, `description`, `definitions` and unknown
/// keywords are ignored.
///
/// For OpenAPI documents, ``init(schema:document:)`` validates against one schema of the document
/// (a response body's) with its `$ref`s resolved in the whole document, and
/// ``rejectsUndocumentedProperties`` reports every property a schema with `properties` does not
/// list, even where `additionalProperties` leaves the object open: a test then sees fields a
/// server writes but its document does not describe.
///
/// Schemas and instances are what `JSONSerialization` returns (or the same shapes built in Swift).
public struct JSONSchemaValidator {
    /// One broken rule: where (`"$"`, `"meterValue[0].sampledValue[1].unit"`) and what.
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String

        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }

        public var description: String { "\(path): \(message)" }
    }

    /// Why a schema could not be used.
    public struct SchemaError: Error, CustomStringConvertible {
        public var description: String
    }

    private let schema: [String: Any]
    /// What `$ref`s resolve against: the schema itself, or the OpenAPI document holding it.
    private let root: [String: Any]
    /// Report properties that an object schema with `properties` does not list.
    public var rejectsUndocumentedProperties = false

    /// A validator of `schema`, a JSON object.
    public init(schema: Any) throws {
        guard let root = schema as? [String: Any] else {
            throw SchemaError(description: "a schema must be a JSON object")
        }
        self.schema = root
        self.root = root
    }

    /// A validator of `schema`, one schema inside `document` (an OpenAPI document), whose `$ref`s
    /// resolve in `document`.
    public init(schema: Any, document: Any) throws {
        guard let schema = schema as? [String: Any], let document = document as? [String: Any] else {
            throw SchemaError(description: "a schema and its document must be JSON objects")
        }
        self.schema = schema
        self.root = document
    }

    /// A validator of the schema in the file at `url`.
    public init(contentsOf url: URL) throws {
        try self.init(schema: JSONSerialization.jsonObject(with: Data(contentsOf: url)))
    }

    /// The violations of `instance`; empty when it is valid.
    public func validate(_ instance: Any) -> [Violation] {
        var violations: [Violation] = []
        check(instance, against: schema, path: "", into: &violations)
        return violations
    }

    /// The violations of the JSON text `data`.
    public func validate(json data: Data) throws -> [Violation] {
        validate(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    // MARK: - Keywords

    private func check(_ instance: Any, against schema: [String: Any], path: String, into violations: inout [Violation])
    {
        func report(_ message: String) {
            violations.append(Violation(path: path.isEmpty ? "$" : path, message: message))
        }
        if let reference = schema["$ref"] as? String {
            // Draft-04/06: a $ref replaces every sibling keyword.
            guard let target = resolve(reference) else {
                report("unresolvable $ref \(reference)")
                return
            }
            check(instance, against: target, path: path, into: &violations)
            return
        }
        let value = JSONValue(instance)
        // OpenAPI 3.0: `nullable: true` admits null whatever the other keywords say.
        if value == .null, schema["nullable"] as? Bool == true { return }
        checkCombinators(instance, schema: schema, path: path, into: &violations)

        if let types = schema["type"] {
            let names = (types as? [String]) ?? [(types as? String) ?? ""]
            guard names.contains(where: { value.hasType($0) }) else {
                report("expected \(names.joined(separator: " or ")), found \(value.typeName)")
                return
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { JSONValue($0) == value }) {
            report("\(value.brief) is not one of the enum values")
        }
        if let constant = schema["const"], JSONValue(constant) != value {
            report("\(value.brief) is not the const value")
        }

        switch value {
        case .string(let string):
            let length = string.unicodeScalars.count
            if let maxLength = number(schema["maxLength"]), Double(length) > maxLength {
                report("longer than \(Int(maxLength)) characters (\(length))")
            }
            if let minLength = number(schema["minLength"]), Double(length) < minLength {
                report("shorter than \(Int(minLength)) characters (\(length))")
            }
            if schema["format"] as? String == "date-time", !Self.isDateTime(string) {
                report("\"\(string)\" is not an RFC 3339 date-time")
            }
            if schema["format"] as? String == "date", !Self.isDateTime(string + "T00:00:00Z") {
                report("\"\(string)\" is not an RFC 3339 full-date")
            }
        case .number(let number):
            checkNumber(number, schema: schema, report: report)
        case .array(let items):
            if let minItems = number(schema["minItems"]), Double(items.count) < minItems {
                report("fewer than \(Int(minItems)) items")
            }
            if let maxItems = number(schema["maxItems"]), Double(items.count) > maxItems {
                report("more than \(Int(maxItems)) items")
            }
            checkItems(items, schema: schema, path: path, into: &violations)
        case .object(let object):
            checkObject(object, schema: schema, path: path, into: &violations)
        case .null, .bool:
            break
        }
    }

    /// `allOf` (every one), `anyOf` (at least one) and `oneOf` (exactly one).
    private func checkCombinators(
        _ instance: Any, schema: [String: Any], path: String, into violations: inout [Violation]
    ) {
        let at = path.isEmpty ? "$" : path
        for member in schema["allOf"] as? [[String: Any]] ?? [] {
            check(instance, against: member, path: path, into: &violations)
        }
        func failures(_ member: [String: Any]) -> [Violation] {
            var found: [Violation] = []
            check(instance, against: member, path: path, into: &found)
            return found
        }
        if let members = schema["anyOf"] as? [[String: Any]] {
            let results = members.map(failures)
            if !results.contains(where: \.isEmpty) {
                let reasons = results.map { $0.map(\.description).joined(separator: "; ") }
                violations.append(Violation(path: at, message: "matches no anyOf schema (\(reasons))"))
            }
        }
        if let members = schema["oneOf"] as? [[String: Any]] {
            let results = members.map(failures)
            let matching = results.filter(\.isEmpty).count
            if matching != 1 {
                let reasons = results.map { $0.map(\.description).joined(separator: "; ") }
                violations.append(
                    Violation(path: at, message: "matches \(matching) oneOf schemas, not 1 (\(reasons))"))
            }
        }
    }

    private func checkNumber(_ value: Double, schema: [String: Any], report: (String) -> Void) {
        if let minimum = number(schema["minimum"]) {
            let exclusive = schema["exclusiveMinimum"] as? Bool == true
            if exclusive ? value <= minimum : value < minimum {
                report("\(value) is below the minimum \(minimum)\(exclusive ? " (exclusive)" : "")")
            }
        }
        if let maximum = number(schema["maximum"]) {
            let exclusive = schema["exclusiveMaximum"] as? Bool == true
            if exclusive ? value >= maximum : value > maximum {
                report("\(value) is above the maximum \(maximum)\(exclusive ? " (exclusive)" : "")")
            }
        }
        // Draft-06 spells the exclusive bounds as numbers.
        if let bound = number(schema["exclusiveMinimum"]), !(schema["exclusiveMinimum"] is Bool), value <= bound {
            report("\(value) is not above \(bound)")
        }
        if let bound = number(schema["exclusiveMaximum"]), !(schema["exclusiveMaximum"] is Bool), value >= bound {
            report("\(value) is not below \(bound)")
        }
        if let divisor = number(schema["multipleOf"]), divisor > 0 {
            let quotient = value / divisor
            // Binary floating point: 16.1 / 0.1 is 161.00000000000003, still a multiple.
            if abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                report("\(value) is not a multiple of \(divisor)")
            }
        }
    }

    private func checkItems(_ items: [Any], schema: [String: Any], path: String, into violations: inout [Violation]) {
        if let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, path: "\(path)[\(index)]", into: &violations)
            }
        } else if let tuple = schema["items"] as? [[String: Any]] {
            for (index, item) in items.enumerated() {
                if index < tuple.count {
                    check(item, against: tuple[index], path: "\(path)[\(index)]", into: &violations)
                } else if schema["additionalItems"] as? Bool == false {
                    violations.append(Violation(path: "\(path)[\(index)]", message: "additional item not allowed"))
                } else if let extra = schema["additionalItems"] as? [String: Any] {
                    check(item, against: extra, path: "\(path)[\(index)]", into: &violations)
                }
            }
        }
    }

    private func checkObject(
        _ object: [String: Any],
        schema: [String: Any],
        path: String,
        into violations: inout [Violation]
    ) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for name in (schema["required"] as? [String] ?? []) where object[name] == nil {
            violations.append(Violation(path: Self.join(path, name), message: "required property missing"))
        }
        for name in object.keys.sorted() {
            guard let member = object[name] else { continue }
            if let propertySchema = properties[name] as? [String: Any] {
                check(member, against: propertySchema, path: Self.join(path, name), into: &violations)
            } else if schema["additionalProperties"] as? Bool == false {
                violations.append(Violation(path: Self.join(path, name), message: "additional property not allowed"))
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                check(member, against: extra, path: Self.join(path, name), into: &violations)
            } else if rejectsUndocumentedProperties, schema["properties"] != nil,
                !documented(name, in: schema)
            {
                violations.append(Violation(path: Self.join(path, name), message: "property not in the schema"))
            }
        }
    }

    /// JSON equality as the `enum` keyword sees it: numbers by value (`1` equals `1.0`), objects
    /// regardless of key order.
    public static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        JSONValue(lhs) == JSONValue(rhs)
    }

    // MARK: - Helpers

    /// Whether `name` is a property of `schema` or of one of its `allOf` members.
    private func documented(_ name: String, in schema: [String: Any]) -> Bool {
        if (schema["properties"] as? [String: Any])?[name] != nil { return true }
        return (schema["allOf"] as? [[String: Any]] ?? []).contains { member in
            let resolved = (member["$ref"] as? String).flatMap(resolve) ?? member
            return documented(name, in: resolved)
        }
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#") else { return nil }
        var node: Any = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func number(_ any: Any?) -> Double? {
        guard let any, case .number(let value) = JSONValue(any) else { return nil }
        return value
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    /// RFC 3339 section 5.6 `date-time`, checked independently of `OCPPTimestamp`.
    static func isDateTime(_ string: String) -> Bool {
        let pattern = #/(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))/#
        guard let match = string.wholeMatch(of: pattern),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), hour < 24, minute < 60,
            second <= 60
        else { return false }
        if let offsetHour = match.9.flatMap({ Int($0) }), let offsetMinute = match.10.flatMap({ Int($0) }) {
            return offsetHour < 24 && offsetMinute < 60
        }
        return true
    }
}

/// A JSON value told apart from the `Any` of `JSONSerialization`, where booleans and numbers are
/// both `NSNumber`.
private enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Any])
    case object([String: Any])

    init(_ any: Any) {
        switch any {
        case let value as Bool where type(of: any) == Bool.self:
            self = .bool(value)
        case let value as Int where type(of: any) == Int.self:
            self = .number(Double(value))
        case let value as Double where type(of: any) == Double.self:
            self = .number(value)
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(array)
        case let object as [String: Any]:
            self = .object(object)
        case is NSNull:
            self = .null
        case let number as NSNumber:
            // JSONSerialization's booleans are NSNumbers of type "c" (`__NSCFBoolean`).
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        default:
            self = .null
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let value): value == value.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var brief: String {
        switch self {
        case .string(let string): "\"\(string)\""
        case .number(let value): "\(value)"
        case .bool(let value): "\(value)"
        case .null, .array, .object: typeName
        }
    }

    func hasType(_ name: String) -> Bool {
        switch (self, name) {
        case (.null, "null"), (.bool, "boolean"), (.number, "number"), (.string, "string"), (.array, "array"),
            (.object, "object"):
            true
        case (.number(let value), "integer"):
            value == value.rounded() && value.isFinite
        default:
            false
        }
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)):
            a.count == b.count && zip(a, b).allSatisfy { JSONValue($0) == JSONValue($1) }
        case (.object(let a), .object(let b)):
            a.count == b.count
                && a.allSatisfy { key, value in b[key].map { JSONValue($0) == JSONValue(value) } ?? false }
        case (.null, _), (.bool, _), (.number, _), (.string, _), (.array, _), (.object, _): false
        }
    }
}

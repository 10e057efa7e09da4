import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// One Public API request as a route handler sees it: path parameters by name, query parameters
/// with percent-decoded keys (`filter[status]`, `include[]`), and the collected body.
struct APICall: Sendable {
    /// Path parameters by the names in the route template (`chargePoint`, `evse`, ...).
    var parameters: [String: String]
    /// Query parameters in order, keys and values percent-decoded.
    var query: [(key: String, value: String)]
    /// The request body, empty when none was sent.
    var body: Data
    /// `scheme://host` as the client addressed us, for `links` and `meta.path`.
    var origin: String
    /// The request path without the query.
    var path: String
    /// The Bearer token the request was authenticated with (webhook subscriptions are signed with it).
    var token: String? = nil

    /// The last value of query parameter `name`, `nil` when absent.
    func queryValue(_ name: String) -> String? {
        query.last { $0.key == name }?.value
    }

    /// Whether query parameter `name` was sent at all (even empty: `?cursor`).
    func hasQuery(_ name: String) -> Bool {
        query.contains { $0.key == name }
    }

    /// The `include[]` values (reference §2.4); 422 naming the first one `allowed` does not offer
    /// (`include.N`, Laravel's array notation).
    func includes(allowed: [String]) throws(APIFailure) -> Set<String> {
        var found: Set<String> = []
        for (index, entry) in query.filter({ $0.key == "include[]" }).enumerated() {
            guard allowed.contains(entry.value) else {
                throw .invalid("include.\(index)", "The selected include.\(index) is invalid.")
            }
            found.insert(entry.value)
        }
        return found
    }

    /// `filter[name]`.
    func filter(_ name: String) -> String? {
        queryValue("filter[\(name)]")
    }

    /// An integer path parameter; 404 naming `model` when it is not digits (no such record).
    func id(_ name: String, model: String) throws(APIFailure) -> Int64 {
        guard let text = parameters[name], let value = Int64(text), value > 0 else { throw .notFound(model) }
        return value
    }

    /// A free-text `filter[name]`; empty filters nothing (as in Laravel).
    func textFilter(_ name: String) -> String? {
        guard let value = filter(name), !value.isEmpty else { return nil }
        return value
    }

    /// An integer `filter[name]`; 422 when present but not an integer.
    func intFilter(_ name: String) throws(APIFailure) -> Int64? {
        guard let text = filter(name) else { return nil }
        guard let value = Int64(text) else {
            throw .invalid("filter.\(name)", "The filter.\(name) must be an integer.")
        }
        return value
    }

    /// A date-time `filter[name]` (ISO 8601); 422 when present but not a date-time.
    func dateFilter(_ name: String) throws(APIFailure) -> Date? {
        guard let text = filter(name) else { return nil }
        return try Self.date(text, field: "filter.\(name)")
    }

    /// A date-time query parameter `name`; 422 when present but not a date-time.
    func dateQuery(_ name: String) throws(APIFailure) -> Date? {
        guard let text = queryValue(name) else { return nil }
        return try Self.date(text, field: name)
    }

    static func date(_ text: String, field: String) throws(APIFailure) -> Date {
        guard let date = PublicAPIJSON.parseTimestamp(text) ?? OCPPTimestamp(rfc3339: text)?.date else {
            throw .invalid(field, "The \(field) is not a valid ISO 8601 date-time.")
        }
        return date
    }

    /// A boolean query flag (`true`/`false`/`1`/`0`), false when absent; 422 otherwise.
    func flag(_ name: String) throws(APIFailure) -> Bool {
        switch queryValue(name)?.lowercased() {
        case .none, "false", "0": return false
        case "true", "1": return true
        case .some: throw .invalid(name, "The \(name) field must be true or false.")
        }
    }

    /// The JSON body decoded as `Body`; a missing or malformed field is a 422 whose `errors` names it
    /// in dot notation (reference §2.6).
    func decode<Body: Decodable>(_ type: Body.Type, emptyAs empty: Body? = nil) throws(APIFailure) -> Body {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }), let empty { return empty }
        let source = body.isEmpty ? Data("{}".utf8) : body
        do {
            return try Self.decoder.decode(Body.self, from: source)
        } catch let error as DecodingError {
            throw Self.failure(error)
        } catch {
            throw .invalid("body", "The body must be a JSON object.")
        }
    }

    /// The Public API decoder, with OCPP's RFC 3339 parser as a fallback for date-times that
    /// Foundation's ISO 8601 style refuses (years before 1000, offsets beyond ±18 h).
    static var decoder: JSONDecoder {
        let decoder = PublicAPIJSON.makeDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = PublicAPIJSON.parseTimestamp(text) ?? OCPPTimestamp(rfc3339: text)?.date else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 date-time: \(text)")
            }
            return date
        }
        return decoder
    }

    static func failure(_ error: DecodingError) -> APIFailure {
        func dotted(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = dotted(context.codingPath + [key])
            return .invalid(field, "The \(field) field is required.")
        case .valueNotFound(_, let context):
            let field = dotted(context.codingPath)
            return .invalid(field.isEmpty ? "body" : field, "The \(field) field must not be null.")
        case .typeMismatch(let type, let context):
            let field = dotted(context.codingPath)
            return .invalid(field.isEmpty ? "body" : field, "The \(field) field must be of type \(type).")
        case .dataCorrupted(let context):
            let field = dotted(context.codingPath)
            if field.isEmpty { return .invalid("body", "The body is not valid JSON.") }
            return .invalid(field, "The \(field) field is invalid: \(context.debugDescription)")
        @unknown default:
            return .invalid("body", "The body is invalid.")
        }
    }
}

import Foundation
import Hummingbird

/// What a ``ControlRoute`` handler gets: path parameters, query and body, plus the request for
/// streaming answers.
public struct ControlCall: Sendable {
    /// The `{name}` path parameters.
    public var parameters: [String: String]
    /// The query items, percent-decoded.
    public var query: [String: String]
    /// The raw body.
    public var body: Data

    public init(parameters: [String: String], query: [String: String], body: Data) {
        self.parameters = parameters
        self.query = query
        self.body = body
    }

    /// A path parameter (the router guarantees it is there).
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// An integer path parameter, or a 400 naming it.
    public func integerParameter(_ name: String) throws(ControlFailure) -> Int {
        guard let value = Int(parameter(name)) else {
            throw ControlFailure.badRequest("\(name) must be an integer, got '\(parameter(name))'")
        }
        return value
    }

    /// The body decoded as `T`, or a 400 that says what is wrong with it.
    public func decode<T: Decodable>(_ type: T.Type) throws(ControlFailure) -> T {
        let data = body.isEmpty ? Data("{}".utf8) : body
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .badRequest("the body needs the field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("the field '\(path)' has the wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest(
                path.isEmpty
                    ? "the body is not valid JSON" : "the field '\(path)' is invalid: \(context.debugDescription)")
        } catch {
            throw .badRequest("the body is not valid JSON: \(error)")
        }
    }

    /// A JSON answer.
    public static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation
import Hummingbird
import PublicAPI

/// Every error a Public API route raises: an HTTP status, the documented JSON body (`APIError`,
/// AMPECO reference §2.6) or none, and extra headers. Conforms to `HTTPResponseError`, so no route
/// error becomes a 500.
public struct APIFailure: HTTPResponseError, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The JSON body, `nil` for the empty bodies the reference documents (406, 409, 501).
    public var body: APIError?
    /// Extra response headers (rate-limit headers on 429).
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, body: APIError?, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// 401 `{"message": "Unauthenticated."}`.
    public static let unauthenticated = APIFailure(status: .unauthorized, body: .unauthenticated)

    /// 404 for a record that does not exist, naming its model like Laravel does.
    public static func notFound(_ model: String) -> APIFailure {
        APIFailure(status: .notFound, body: .notFound(model))
    }

    /// 404 for a path that no route serves.
    public static func routeNotFound(_ path: String) -> APIFailure {
        APIFailure(status: .notFound, body: APIError(message: "The route \(path) could not be found."))
    }

    /// 422 with `errors` naming the offending field.
    public static func invalid(_ field: String, _ message: String) -> APIFailure {
        APIFailure(status: .unprocessableContent, body: .validation([field: [message]]))
    }

    /// 409 for a value that must be unique and is taken ([INF]: Laravel answers 422; 409 keeps
    /// "schema-valid request rejected" out of schema-driven tests, and still names the field).
    public static func taken(_ field: String) -> APIFailure {
        APIFailure(
            status: .conflict, body: .validation([field: ["The \(field) has already been taken."]]))
    }

    /// 406 with a message saying why the charge point did not carry out the command. The reference
    /// documents 406 as "usually empty"; we add `{"message"}` so callers can tell rejection from
    /// offline ([INF]).
    public static func notAcceptable(_ message: String) -> APIFailure {
        APIFailure(status: .notAcceptable, body: APIError(message: message))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        guard let body else { return Response(status: status, headers: fields) }
        fields[.contentType] = "application/json"
        let bytes = (try? PublicAPIJSON.makeEncoder().encode(body)) ?? Data(#"{"message":"error"}"#.utf8)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

import Foundation
import Hummingbird

/// Every error of the control API: an HTTP 4xx (or 503) with a JSON body
/// `{"error": "<code>", "message": "<what to fix>"}`. Conforms to `HTTPResponseError`, so no
/// route error becomes a 500.
public struct ControlFailure: HTTPResponseError, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable machine-readable code (`not_found`, `duplicate_id`, ...).
    public var code: String
    /// What went wrong and what to do about it.
    public var message: String

    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// 400: the request is malformed.
    public static func badRequest(_ message: String) -> ControlFailure {
        ControlFailure(status: .badRequest, code: "bad_request", message: message)
    }

    /// 404: no such charger.
    public static func unknownCharger(_ id: String) -> ControlFailure {
        ControlFailure(
            status: .notFound, code: "unknown_charger",
            message: "no charger '\(id)' in this fleet; GET /chargers lists them")
    }

    /// 409: the request conflicts with the charger's state.
    public static func conflict(_ code: String, _ message: String) -> ControlFailure {
        ControlFailure(status: .conflict, code: code, message: message)
    }

    /// 422: a field's value is not acceptable.
    public static func invalid(_ message: String) -> ControlFailure {
        ControlFailure(status: .unprocessableContent, code: "invalid", message: message)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ControlCall.json(Body(error: code, message: message), status: status)
    }

    private struct Body: Encodable {
        var error: String
        var message: String
    }
}

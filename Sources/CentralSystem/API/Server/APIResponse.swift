import Foundation
import Hummingbird
import PublicAPI

/// Builds JSON responses with the Public API encoder (sorted keys, ISO 8601 timestamps).
enum APIResponse {
    /// `status` with `value` encoded as the JSON body.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let bytes: Data
        do {
            bytes = try PublicAPIJSON.makeEncoder().encode(value)
        } catch {
            throw APIFailure(status: .internalServerError, body: APIError(message: "Could not encode the response."))
        }
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"data": value}`.
    static func data(_ value: some Codable & Hashable & Sendable, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        try json(DataEnvelope(data: value), status: status)
    }

    /// A response with no body.
    static func empty(_ status: HTTPResponse.Status) -> Response {
        Response(status: status)
    }
}

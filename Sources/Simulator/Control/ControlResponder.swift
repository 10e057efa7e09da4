import Foundation
import Hummingbird

/// Wraps the router: checks the Bearer token (or `?token=` for the browser's EventSource) when
/// one is set, and turns every error (unknown route, wrong method, a body too large) into a JSON
/// 4xx, so nothing falls through to a 500 (STYLE rule 10).
struct ControlResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == BasicRequestContext {
    typealias Context = BasicRequestContext

    let inner: Inner
    let token: String?
    let publicPaths: Set<String>
    let templates: [(method: String, segments: [String])]

    func respond(to request: Request, context: Context) async throws -> Response {
        do {
            if let token, !publicPaths.contains(request.uri.path) { try authenticate(request, token: token) }
            let response = try await inner.respond(to: request, context: context)
            if response.headers[.contentType] == nil {
                switch response.status {
                case .notFound, .methodNotAllowed:
                    throw routingFailure(request)
                default: break
                }
            }
            return response
        } catch {
            return try failure(for: error, request: request).response(from: request, context: context)
        }
    }

    private func authenticate(_ request: Request, token: String) throws(ControlFailure) {
        let header = request.headers[.authorization]
        let presented: String? =
            if let header, header.lowercased().hasPrefix("bearer ") {
                String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            } else {
                ControlServer.query(request.uri.query)["token"]
            }
        guard let presented, constantTimeEqual(presented, token) else {
            throw ControlFailure(
                status: .unauthorized, code: "unauthorized",
                message: "send the control token as 'Authorization: Bearer <token>' (or ?token= for /events)")
        }
    }

    private func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private func routingFailure(_ request: Request) -> ControlFailure {
        let segments = request.uri.path.split(separator: "/").map(String.init)
        let allowed = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
        if allowed.isEmpty {
            return ControlFailure(
                status: .notFound, code: "no_such_route",
                message: "no route \(request.uri.path); GET /openapi.json lists them")
        }
        return ControlFailure(
            status: .methodNotAllowed, code: "method_not_allowed",
            message: "\(request.method.rawValue) is not served on \(request.uri.path); use "
                + Array(Set(allowed)).sorted().joined(separator: " or "))
    }

    private func failure(for error: any Error, request: Request) -> ControlFailure {
        switch error {
        case let failure as ControlFailure:
            return failure
        case let error as HTTPError:
            switch error.status {
            case .notFound, .methodNotAllowed: return routingFailure(request)
            case .contentTooLarge:
                return ControlFailure(
                    status: .contentTooLarge, code: "body_too_large", message: "the request body is too large")
            default:
                let status: HTTPResponse.Status = (400..<500).contains(error.status.code) ? error.status : .badRequest
                return ControlFailure(
                    status: status, code: "bad_request", message: error.body ?? status.reasonPhrase)
            }
        default:
            return ControlFailure(
                status: .serviceUnavailable, code: "unavailable", message: "the request could not be served: \(error)")
        }
    }
}

import Foundation
import GRDB
import Hummingbird
import OCPP16
import PublicAPI

/// Wraps the router: authenticates the Bearer token, applies the per-token rate limit, and turns
/// every error (unknown route, wrong method, store errors) into the documented JSON answer, so
/// nothing falls through to a 500 (STYLE rule 10).
struct APIResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == BasicRequestContext {
    typealias Context = BasicRequestContext

    let inner: Inner
    let store: Store
    let rateLimiter: APIRateLimiter
    let publicPaths: Set<String>
    /// `(method, path segments)` of every route, to tell "no such path" (404) from "not this
    /// method" (405 with `Allow`).
    let templates: [(method: String, segments: [String])]
    let now: @Sendable () -> OCPPTimestamp

    func respond(to request: Request, context: Context) async throws -> Response {
        var rateHeaders: HTTPFields = [:]
        do {
            if !publicPaths.contains(request.uri.path) {
                let hash = try await authenticate(request)
                let (limit, decision) = rateLimiter.requestArrived(key: hash, now: now())
                rateHeaders[APIRateLimiter.limitHeader] = String(limit)
                switch decision {
                case .allowed(let remaining):
                    rateHeaders[APIRateLimiter.remainingHeader] = String(remaining)
                case .throttled(let retryAfter):
                    rateHeaders[APIRateLimiter.remainingHeader] = "0"
                    rateHeaders[.retryAfter] = String(retryAfter)
                    throw APIFailure(status: .tooManyRequests, body: .tooManyRequests)
                }
            }
            var response = try await inner.respond(to: request, context: context)
            // The router answers an unmatched path with a bare 404/405; give it the JSON body.
            if response.headers[.contentType] == nil {
                switch response.status {
                case .notFound, .methodNotAllowed:
                    let allowed = Self.allowedMethods(path: request.uri.path, templates: templates)
                    guard !allowed.isEmpty else { throw APIFailure.routeNotFound(request.uri.path) }
                    throw APIFailure(
                        status: .methodNotAllowed,
                        body: APIError(
                            message: "The \(request.method.rawValue) method is not supported for this route."),
                        headers: [.allow: allowed.joined(separator: ", ")])
                default: break
                }
            }
            response.headers.append(contentsOf: rateHeaders)
            return response
        } catch {
            var failure = Self.failure(for: error, path: request.uri.path)
            failure.headers.append(contentsOf: rateHeaders)
            return try failure.response(from: request, context: context)
        }
    }

    private func authenticate(_ request: Request) async throws -> String {
        guard let header = request.headers[.authorization] else { throw APIFailure.unauthenticated }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIFailure.unauthenticated }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw APIFailure.unauthenticated }
        let hash = SHA256.hex(token)
        guard try await store.useAPIToken(hash: hash, now: now()) != nil else { throw APIFailure.unauthenticated }
        return hash
    }

    /// The methods of the routes whose template matches `path` (`{name}` matches one segment).
    static func allowedMethods(path: String, templates: [(method: String, segments: [String])]) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        let methods = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { pattern, segment in
                    pattern.hasPrefix("{") || pattern == segment
                }
        }.map(\.method)
        return Array(Set(methods)).sorted()
    }

    /// The documented answer for any error a route or the router raised.
    static func failure(for error: any Error, path: String) -> APIFailure {
        switch error {
        case let failure as APIFailure:
            return failure
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .routeNotFound(path)
            case .methodNotAllowed:
                return APIFailure(
                    status: .methodNotAllowed, body: APIError(message: "The method is not supported for this route."))
            case .contentTooLarge:
                return APIFailure(status: .contentTooLarge, body: APIError(message: "The request body is too large."))
            default:
                let code = error.status.code
                let status: HTTPResponse.Status = (400..<500).contains(code) ? error.status : .badRequest
                return APIFailure(status: status, body: APIError(message: error.body ?? status.reasonPhrase))
            }
        case let error as StoreError:
            switch error {
            case .unknownChargePoint: return .notFound("ChargePoint")
            case .notFound(let table, _): return .notFound(table)
            case .invalidConnector(let connector):
                return .invalid("connectorId", "The connector \(connector) is not valid.")
            }
        case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
            return APIFailure(
                status: .unprocessableContent,
                body: .validation(["body": ["The data conflicts with an existing record."]]))
        default:
            return APIFailure(status: .serviceUnavailable, body: APIError(message: "The request could not be served."))
        }
    }
}

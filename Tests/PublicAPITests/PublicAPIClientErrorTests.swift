import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

/// Errors, authentication and rate limits of the client, against the Public API server alone.
@Suite("Public API client errors and rate limits", .timeLimit(.minutes(1)))
struct PublicAPIClientErrorTests {
    static func client(_ api: LivePublicAPI, token: String = LivePublicAPI.token, retries: Int = 3) -> PublicAPIClient {
        PublicAPIClient(
            baseURL: "http://127.0.0.1:\(api.port)/public-api/", token: token, maxRateLimitRetries: retries,
            maxRetryDelay: .seconds(3))
    }

    @Test("404 and 422 carry the status, the message and the field errors")
    func notFoundAndValidation() async throws {
        try await LivePublicAPI.with { api in
            let client = Self.client(api)
            do {
                _ = try await client.chargePoint(4242, include: [])
                Issue.record("no error for a missing charge point")
            } catch let error as PublicAPIClientError {
                #expect(error.status == 404)
                #expect(error.message == "No query results for model [ChargePoint].")
                #expect(error.description.hasPrefix("GET /public-api/resources/charge-points/v2.0/4242: HTTP 404"))
            }
            do {
                _ = try await client.createChargePoint(ChargePointWrite(name: "no identity"))
                Issue.record("no error for a charge point without network.id")
            } catch let error as PublicAPIClientError {
                #expect(error.status == 422)
                #expect(error.fieldErrors.keys.contains("network") || error.fieldErrors.keys.contains("network.id"))
            }
        }
    }

    @Test("a wrong token is a 401, and the token never shows in descriptions")
    func unauthenticatedAndRedacted() async throws {
        try await LivePublicAPI.with { api in
            let secret = "wrong-secret-token-abcdef"
            let client = Self.client(api, token: secret)
            #expect(!client.description.contains(secret))
            do {
                _ = try await client.evses().collect()
                Issue.record("a wrong token was accepted")
            } catch let error as PublicAPIClientError {
                #expect(error.status == 401)
                #expect(error.message == "Unauthenticated.")
                #expect(!error.description.contains(secret))
                #expect(!String(reflecting: error).contains(secret))
            }
        }
    }

    @Test("429: retried after Retry-After, or thrown with the X-RateLimit headers when retries run out")
    func rateLimited() async throws {
        // The limiter refills by the API's clock: a real one here.
        let realClock: @Sendable () -> OCPPTimestamp = { OCPPTimestamp(Date()) }
        let shortWindow = PublicAPIConfiguration(
            commandTimeout: .seconds(2), startSessionWait: .zero, rateLimit: 2, rateLimitWindow: .seconds(1))
        try await LivePublicAPI.with(configuration: shortWindow, now: realClock) { api in
            let patient = Self.client(api)
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<4 { _ = try await patient.evses().collect() }
            #expect(clock.now - start >= .milliseconds(500))
        }
        // A window no loaded machine can outlast between four calls, so the third one is refused
        // however slowly the calls go.
        let longWindow = PublicAPIConfiguration(
            commandTimeout: .seconds(2), startSessionWait: .zero, rateLimit: 2, rateLimitWindow: .seconds(600))
        try await LivePublicAPI.with(configuration: longWindow, now: realClock) { api in
            let impatient = Self.client(api, retries: 0)
            var thrown: PublicAPIClientError?
            for _ in 0..<4 {
                do { _ = try await impatient.evses().collect() } catch let error as PublicAPIClientError {
                    thrown = error
                    break
                }
            }
            guard case .http(429, _, _, let body, let rateLimit)? = thrown else {
                Issue.record("expected a 429, got \(String(describing: thrown))")
                return
            }
            #expect(body?.message == "Too Many Attempts.")
            #expect(rateLimit.limit == 2)
            #expect(rateLimit.remaining == 0)
            #expect((rateLimit.retryAfter ?? 0) >= 1)
        }
    }

    @Test("no server: a network error naming the request")
    func networkError() async throws {
        let client = PublicAPIClient(baseURL: "http://127.0.0.1:1/public-api", token: "t", requestTimeout: .seconds(2))
        do {
            _ = try await client.session("1")
            Issue.record("a call without a server succeeded")
        } catch {
            guard case .network(let method, let path, _) = error else {
                Issue.record("expected a network error, got \(error)")
                return
            }
            #expect(method == "GET")
            #expect(path == "/public-api/resources/sessions/v1.0/1")
        }
    }
}

import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("Public API auth, errors and rate limits")
struct APIAuthTests {
    @Test func noTokenIs401WithTheDocumentedBody() async throws {
        try await LivePublicAPI.with { api in
            let reply = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0", token: .some(nil))
            #expect(reply.status == 401)
            #expect(reply.json["message"] as? String == "Unauthenticated.")
            #expect(reply.headers["content-type"] == "application/json")
        }
    }

    @Test func wrongTokenAndWrongSchemeAre401() async throws {
        try await LivePublicAPI.with { api in
            let wrong = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0", token: "nope")
            #expect(wrong.status == 401)
            let empty = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0", token: "")
            #expect(empty.status == 401)
        }
    }

    @Test func validTokenReadsAndCarriesRateLimitHeaders() async throws {
        try await LivePublicAPI.with { api in
            let reply = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0")
            #expect(reply.status == 200)
            #expect(reply.headers["x-ratelimit-limit"] == "600")
            #expect(reply.headers["x-ratelimit-remaining"] == "599")
        }
    }

    @Test func unknownRouteIs404JSON() async throws {
        try await LivePublicAPI.with { api in
            let reply = try await api.client.call("GET", "/public-api/resources/nothing/v9.9")
            #expect(reply.status == 404)
            #expect((reply.json["message"] as? String)?.contains("could not be found") == true)
        }
    }

    @Test func unknownRecordIs404NamingTheModel() async throws {
        try await LivePublicAPI.with { api in
            let reply = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0/999")
            #expect(reply.status == 404)
            #expect(reply.json["message"] as? String == "No query results for model [ChargePoint].")
            let letters = try await api.client.call("GET", "/public-api/resources/charge-points/v2.0/abc")
            #expect(letters.status == 404)
        }
    }

    @Test func openAPIDocumentNeedsNoToken() async throws {
        try await LivePublicAPI.with { api in
            let reply = try await api.client.call("GET", PublicAPIServer.openAPIPath, token: .some(nil))
            #expect(reply.status == 200)
            #expect(reply.json["openapi"] as? String == "3.0.3")
        }
    }

    @Test func throttledAfterTheLimitWith429AndRetryAfter() async throws {
        let configuration = PublicAPIConfiguration(
            commandTimeout: .seconds(2), startSessionWait: .zero, rateLimit: 3, rateLimitWindow: .seconds(60))
        try await LivePublicAPI.with(configuration: configuration) { api in
            for remaining in [2, 1, 0] {
                let reply = try await api.client.call("GET", "/public-api/resources/id-tags/v2.0")
                #expect(reply.status == 200)
                #expect(reply.headers["x-ratelimit-remaining"] == String(remaining))
            }
            let throttled = try await api.client.call("GET", "/public-api/resources/id-tags/v2.0")
            #expect(throttled.status == 429)
            #expect(throttled.json["message"] as? String == "Too Many Attempts.")
            #expect(throttled.headers["retry-after"] == "20")
            #expect(throttled.headers["x-ratelimit-limit"] == "3")
            #expect(throttled.headers["x-ratelimit-remaining"] == "0")
        }
    }

    @Test func firstStartMakesOneTokenAndSuppliedTokensAreKept() async throws {
        try await withStore { store, _ in
            var generator = SeededGenerator(seed: 7)
            let first = try await PublicAPIServer.provisionToken(
                store: store, supplied: nil, now: t0, generator: &generator)
            let token = try #require(first)
            #expect(token.count == 48)
            #expect(try await store.useAPIToken(hash: SHA256.hex(token), now: t0) != nil)
            let second = try await PublicAPIServer.provisionToken(
                store: store, supplied: nil, now: t0, generator: &generator)
            #expect(second == nil)
            let supplied = try await PublicAPIServer.provisionToken(
                store: store, supplied: "mine", now: t0, generator: &generator)
            #expect(supplied == nil)
            #expect(try await store.apiTokenCount() == 2)
        }
    }

    @Test func sha256MatchesTheFIPSVector() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite("Token bucket")
struct TokenBucketTests {
    @Test func spendsThenRefillsWithTime() {
        var bucket = TokenBucket(limit: 2, window: .seconds(10), now: t0)
        #expect(bucket.requestArrived(now: t0) == .allowed(remaining: 1))
        #expect(bucket.requestArrived(now: t0) == .allowed(remaining: 0))
        #expect(bucket.requestArrived(now: t0) == .throttled(retryAfterSeconds: 5))
        #expect(bucket.requestArrived(now: at(4)) == .throttled(retryAfterSeconds: 1))
        #expect(bucket.requestArrived(now: at(5)) == .allowed(remaining: 0))
        #expect(bucket.requestArrived(now: at(100)) == .allowed(remaining: 1))
    }
}

import Foundation
import PublicAPI
import Testing

/// The client's pure parts: query encoding, rate-limit headers, error texts, the timeout report.
@Suite("Public API client parts")
struct PublicAPIClientPartsTests {
    @Test("filters become filter[name] and filter[name][] items in a stable order, then per_page")
    func listQueryItems() {
        let query = ListQuery(
            filters: ["status": "active", "chargePointId": "12"], arrayFilters: ["ids": ["1", "2"]], perPage: 50)
        #expect(
            query.items == [
                URLQueryItem(name: "filter[chargePointId]", value: "12"),
                URLQueryItem(name: "filter[status]", value: "active"),
                URLQueryItem(name: "filter[ids][]", value: "1"), URLQueryItem(name: "filter[ids][]", value: "2"),
                URLQueryItem(name: "per_page", value: "50"),
            ])
        #expect(ListQuery().items.isEmpty)
    }

    @Test("rate-limit headers are read case-insensitively; absent or malformed ones are nil")
    func rateLimitHeaders() {
        let status = RateLimitStatus(headers: [
            ("X-RateLimit-Limit", "600"), ("x-ratelimit-remaining", " 0 "), ("Retry-After", "soon"),
        ])
        #expect(status == RateLimitStatus(limit: 600, remaining: 0, retryAfter: nil))
        #expect(RateLimitStatus(headers: [("retry-after", "7")]).retryAfter == 7)
    }

    @Test("an HTTP error reads as method, path, status, message and each field's messages")
    func errorDescription() {
        let error = PublicAPIClientError.http(
            status: 422, method: "POST", path: "/public-api/resources/charge-points/v2.0",
            error: APIError(message: "The network.id field is required.", errors: ["network.id": ["required"]]),
            rateLimit: RateLimitStatus())
        #expect(
            error.description
                == "POST /public-api/resources/charge-points/v2.0: HTTP 422: The network.id field is required.\n"
                + "  network.id: required")
        #expect(error.status == 422)
        #expect(error.fieldErrors == ["network.id": ["required"]])
        #expect(PublicAPIClientError.network(method: "GET", path: "/x", reason: "timed out").status == nil)
    }

    @Test("the client's description names the base URL and never the token")
    func redactedDescription() {
        let client = PublicAPIClient(baseURL: "https://tenant.example.com/public-api///", token: "s3cret-token")
        #expect(client.baseURL == "https://tenant.example.com/public-api")
        #expect(client.description == "PublicAPIClient(https://tenant.example.com/public-api, token: <redacted>)")
    }

    @Test("a wait timeout says what was awaited and what was seen last")
    func waitTimeout() {
        let timeout = PublicAPIWaitTimeout(
            awaited: "EVSE 1 of charge point 3 to be charging", lastSeen: "hardwareStatus preparing",
            timeout: .milliseconds(1500))
        #expect(
            timeout.description
                == "timed out after 1.5 s waiting for EVSE 1 of charge point 3 to be charging; "
                + "last seen: hardwareStatus preparing")
    }
}

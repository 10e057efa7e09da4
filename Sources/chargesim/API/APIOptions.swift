import ArgumentParser
import Foundation
import PublicAPI

/// The options every `chargesim api` subcommand shares: where the API is, the token, the
/// output format.
struct APIOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: "The Public API base URL, https://<tenant>/public-api or the embedded one (env CHARGESIM_API_BASE_URL).")
    var baseURL: String?

    @Option(help: "The API token (env CHARGESIM_API_TOKEN). Never printed.")
    var token: String?

    @Flag(help: "Print JSON (the API's own shapes) instead of a table.")
    var json = false

    @Option(help: "Seconds to wait for one HTTP answer (connecting is retried until then).")
    var requestTimeout: Double = 30

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var resolvedBaseURL: String? { baseURL ?? environment["CHARGESIM_API_BASE_URL"] }
    var resolvedToken: String? { token ?? environment["CHARGESIM_API_TOKEN"] }

    func validate() throws {
        guard let base = resolvedBaseURL, !base.isEmpty else {
            throw ValidationError("Give the API base URL: --base-url URL or CHARGESIM_API_BASE_URL.")
        }
        guard let url = URL(string: base), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--base-url must be an http:// or https:// URL, got '\(base)'.")
        }
        guard let token = resolvedToken, !token.isEmpty else {
            throw ValidationError("Give the API token: --token TOKEN or CHARGESIM_API_TOKEN.")
        }
        if !(requestTimeout > 0) { throw ValidationError("--request-timeout must be a positive number of seconds.") }
    }

    /// The client for these options (validated first, so both values are there).
    func client() -> PublicAPIClient {
        PublicAPIClient(
            baseURL: resolvedBaseURL ?? "", token: resolvedToken ?? "",
            requestTimeout: .milliseconds(Int64(requestTimeout * 1000)))
    }
}

import ArgumentParser
import PublicAPI

/// The exit codes of `chargesim api`, so scripts can branch on the outcome. Usage errors exit
/// 64 like every other chargesim command (argument-parser's `EX_USAGE`).
enum APIExitCode: Int32, CaseIterable {
    /// Done.
    case ok = 0
    /// The API says there is no such record (HTTP 404), or the named charge point/EVSE/session
    /// does not exist.
    case notFound = 3
    /// The charger rejected the command, is offline or did not answer (HTTP 406), or a conflict
    /// (409), or the start answered `success: false`.
    case rejected = 4
    /// The token is missing, wrong (401) or lacks the permission (403).
    case authentication = 5
    /// No answer from the server (connection refused, DNS, TLS, timeout).
    case network = 6
    /// A `--wait` or `wait` command reached its deadline.
    case timeout = 7
    /// The API refused the input (HTTP 422), naming the fields.
    case invalid = 8
    /// Any other failure: throttled after retries (429), an unexpected status or body.
    case failed = 9
    /// Bad command-line usage.
    case usage = 64

    /// The documentation shown in `chargesim api --help`.
    static var help: String {
        """
        Exit codes: 0 ok, 3 not found (404), 4 rejected by the charger or conflict (406/409), \
        5 authentication (401/403), 6 network, 7 timeout of a wait, 8 invalid input (422), 9 other \
        API failure (429 after retries, unexpected answer), 64 usage.
        """
    }

    /// The code for a client error.
    init(_ error: PublicAPIClientError) {
        switch error {
        case .http(let status, _, _, _, _):
            switch status {
            case 401, 403: self = .authentication
            case 404: self = .notFound
            case 406, 409: self = .rejected
            case 422: self = .invalid
            default: self = .failed
            }
        case .network: self = .network
        case .decoding: self = .failed
        case .invalidURL: self = .usage
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }
}

import OCPP16

/// The `retries` and `retryInterval` of UpdateFirmware and GetDiagnostics (OCPP 1.6 §6.28,
/// §6.33): `retries` is read as the number of attempts ("how many times the Charge Point must
/// try", at least 1); when absent "it is left to the Charge Point", here ``defaultAttempts``
/// spaced ``defaultInterval``.
struct TransferRetryPolicy: Sendable, Equatable {
    /// Attempts before the transfer is reported failed.
    let attempts: Int
    /// The wait between attempts.
    let interval: Duration

    static let defaultAttempts = 3
    static let defaultInterval: Duration = .seconds(60)

    init(retries: Int?, retryInterval: Int?) {
        attempts = max(retries ?? Self.defaultAttempts, 1)
        interval = retryInterval.map { .seconds(max($0, 0)) } ?? Self.defaultInterval
    }

    /// Attempt number `attempt` (from 1) failed at `now`: when to try again, nil to give up.
    func retryAt(afterFailedAttempt attempt: Int, now: OCPPTimestamp) -> OCPPTimestamp? {
        attempt < attempts ? now + interval : nil
    }

    /// Why the charger cannot transfer to or from `location`, nil when it can (http, https).
    static func unsupportedSchemeReason(_ location: String) -> String? {
        let lowered = location.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return nil }
        let scheme = location.split(separator: ":", maxSplits: 1).first.map(String.init) ?? location
        return "\(scheme) is not supported (only http and https)"
    }
}

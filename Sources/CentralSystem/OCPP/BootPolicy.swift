import OCPP16

/// How the central system answers BootNotification (OCPP 1.6 §4.2, §3.4 "registration status").
public enum BootPolicy: Sendable, Equatable {
    /// Accept every boot.
    case accept
    /// Answer `Pending` to the first `times` boots of each charge point (since the server
    /// started), then `Accepted`.
    case pending(times: Int)
    /// Answer `Rejected`: the charger retries after the interval.
    case reject

    /// The answer to a charge point's boot, given how many boots it got `Pending` for already.
    public func status(pendingSoFar: Int) -> RegistrationStatus {
        switch self {
        case .accept: .accepted
        case .pending(let times): pendingSoFar < times ? .pending : .accepted
        case .reject: .rejected
        }
    }
}

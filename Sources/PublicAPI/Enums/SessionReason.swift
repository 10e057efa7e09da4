/// Why a session ended or failed to start (reference §4.6 `reason`).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum SessionReason: OpenEnumeration {
    /// `"working_hours_exceeded"`
    case workingHoursExceeded
    /// `"timeout"`
    case timeout
    /// `"authorization_amount_reached"`
    case authorizationAmountReached
    /// `"new_start_transaction_received"`
    case newStartTransactionReceived
    /// `"force_stop"`
    case forceStop
    /// `"standard_stop"`
    case standardStop
    /// `"energy_exceeded"`
    case energyExceeded
    /// `"schedule_completed"`
    case scheduleCompleted
    /// `"pre_authorization_failed"`
    case preAuthorizationFailed
    /// `"system_force_stop"`
    case systemForceStop
    /// `"time_limit"`
    case timeLimit
    /// `"balance_exceeded"`
    case balanceExceeded
    /// `"deauthorized"`
    case deauthorized
    /// `"emergencystop"`
    case emergencystop
    /// `"evdisconnected"`
    case evdisconnected
    /// `"hardreset"`
    case hardreset
    /// `"local"`
    case local
    /// `"other"`
    case other
    /// `"powerloss"`
    case powerloss
    /// `"reboot"`
    case reboot
    /// `"remote"`
    case remote
    /// `"softreset"`
    case softreset
    /// `"unlockcommand"`
    case unlockcommand
    /// `"energylimitreached"`
    case energylimitreached
    /// `"groundfault"`
    case groundfault
    /// `"immediatereset"`
    case immediatereset
    /// `"localoutofcredit"`
    case localoutofcredit
    /// `"masterpass"`
    case masterpass
    /// `"overcurrentfault"`
    case overcurrentfault
    /// `"powerquality"`
    case powerquality
    /// `"soclimitreached"`
    case soclimitreached
    /// `"stoppedbyev"`
    case stoppedbyev
    /// `"timeoutlimitreached"`
    case timeoutlimitreached
    /// `"no_ev_parked"`
    case noEvParked
    /// `"no_ev_connected"`
    case noEvConnected
    /// `"charge_point_timeout"`
    case chargePointTimeout
    /// `"charging_on_evse_not_allowed"`
    case chargingOnEvseNotAllowed
    /// `"remote_start_failed"`
    case remoteStartFailed
    /// `"no_user_for_agile_streets"`
    case noUserForAgileStreets
    /// `"rejected"`
    case rejected
    /// `"canceled_reservation"`
    case canceledReservation
    /// `"evse_occupied"`
    case evseOccupied
    /// `"evse_inoperative"`
    case evseInoperative
    /// `"failed"`
    case failed
    /// `"not_supported"`
    case notSupported
    /// `"unknown_reservation"`
    case unknownReservation
    /// `"ev_not_connected_to_evse"`
    case evNotConnectedToEvse
    /// `"authorization_failed"`
    case authorizationFailed
    /// `"unknown_session"`
    case unknownSession
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .workingHoursExceeded, .timeout, .authorizationAmountReached, .newStartTransactionReceived, .forceStop,
        .standardStop, .energyExceeded, .scheduleCompleted, .preAuthorizationFailed, .systemForceStop, .timeLimit,
        .balanceExceeded, .deauthorized, .emergencystop, .evdisconnected, .hardreset, .local, .other, .powerloss,
        .reboot, .remote, .softreset, .unlockcommand, .energylimitreached, .groundfault, .immediatereset,
        .localoutofcredit, .masterpass, .overcurrentfault, .powerquality, .soclimitreached, .stoppedbyev,
        .timeoutlimitreached, .noEvParked, .noEvConnected, .chargePointTimeout, .chargingOnEvseNotAllowed,
        .remoteStartFailed, .noUserForAgileStreets, .rejected, .canceledReservation, .evseOccupied, .evseInoperative,
        .failed, .notSupported, .unknownReservation, .evNotConnectedToEvse, .authorizationFailed, .unknownSession,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .workingHoursExceeded: "working_hours_exceeded"
        case .timeout: "timeout"
        case .authorizationAmountReached: "authorization_amount_reached"
        case .newStartTransactionReceived: "new_start_transaction_received"
        case .forceStop: "force_stop"
        case .standardStop: "standard_stop"
        case .energyExceeded: "energy_exceeded"
        case .scheduleCompleted: "schedule_completed"
        case .preAuthorizationFailed: "pre_authorization_failed"
        case .systemForceStop: "system_force_stop"
        case .timeLimit: "time_limit"
        case .balanceExceeded: "balance_exceeded"
        case .deauthorized: "deauthorized"
        case .emergencystop: "emergencystop"
        case .evdisconnected: "evdisconnected"
        case .hardreset: "hardreset"
        case .local: "local"
        case .other: "other"
        case .powerloss: "powerloss"
        case .reboot: "reboot"
        case .remote: "remote"
        case .softreset: "softreset"
        case .unlockcommand: "unlockcommand"
        case .energylimitreached: "energylimitreached"
        case .groundfault: "groundfault"
        case .immediatereset: "immediatereset"
        case .localoutofcredit: "localoutofcredit"
        case .masterpass: "masterpass"
        case .overcurrentfault: "overcurrentfault"
        case .powerquality: "powerquality"
        case .soclimitreached: "soclimitreached"
        case .stoppedbyev: "stoppedbyev"
        case .timeoutlimitreached: "timeoutlimitreached"
        case .noEvParked: "no_ev_parked"
        case .noEvConnected: "no_ev_connected"
        case .chargePointTimeout: "charge_point_timeout"
        case .chargingOnEvseNotAllowed: "charging_on_evse_not_allowed"
        case .remoteStartFailed: "remote_start_failed"
        case .noUserForAgileStreets: "no_user_for_agile_streets"
        case .rejected: "rejected"
        case .canceledReservation: "canceled_reservation"
        case .evseOccupied: "evse_occupied"
        case .evseInoperative: "evse_inoperative"
        case .failed: "failed"
        case .notSupported: "not_supported"
        case .unknownReservation: "unknown_reservation"
        case .evNotConnectedToEvse: "ev_not_connected_to_evse"
        case .authorizationFailed: "authorization_failed"
        case .unknownSession: "unknown_session"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "working_hours_exceeded": self = .workingHoursExceeded
        case "timeout": self = .timeout
        case "authorization_amount_reached": self = .authorizationAmountReached
        case "new_start_transaction_received": self = .newStartTransactionReceived
        case "force_stop": self = .forceStop
        case "standard_stop": self = .standardStop
        case "energy_exceeded": self = .energyExceeded
        case "schedule_completed": self = .scheduleCompleted
        case "pre_authorization_failed": self = .preAuthorizationFailed
        case "system_force_stop": self = .systemForceStop
        case "time_limit": self = .timeLimit
        case "balance_exceeded": self = .balanceExceeded
        case "deauthorized": self = .deauthorized
        case "emergencystop": self = .emergencystop
        case "evdisconnected": self = .evdisconnected
        case "hardreset": self = .hardreset
        case "local": self = .local
        case "other": self = .other
        case "powerloss": self = .powerloss
        case "reboot": self = .reboot
        case "remote": self = .remote
        case "softreset": self = .softreset
        case "unlockcommand": self = .unlockcommand
        case "energylimitreached": self = .energylimitreached
        case "groundfault": self = .groundfault
        case "immediatereset": self = .immediatereset
        case "localoutofcredit": self = .localoutofcredit
        case "masterpass": self = .masterpass
        case "overcurrentfault": self = .overcurrentfault
        case "powerquality": self = .powerquality
        case "soclimitreached": self = .soclimitreached
        case "stoppedbyev": self = .stoppedbyev
        case "timeoutlimitreached": self = .timeoutlimitreached
        case "no_ev_parked": self = .noEvParked
        case "no_ev_connected": self = .noEvConnected
        case "charge_point_timeout": self = .chargePointTimeout
        case "charging_on_evse_not_allowed": self = .chargingOnEvseNotAllowed
        case "remote_start_failed": self = .remoteStartFailed
        case "no_user_for_agile_streets": self = .noUserForAgileStreets
        case "rejected": self = .rejected
        case "canceled_reservation": self = .canceledReservation
        case "evse_occupied": self = .evseOccupied
        case "evse_inoperative": self = .evseInoperative
        case "failed": self = .failed
        case "not_supported": self = .notSupported
        case "unknown_reservation": self = .unknownReservation
        case "ev_not_connected_to_evse": self = .evNotConnectedToEvse
        case "authorization_failed": self = .authorizationFailed
        case "unknown_session": self = .unknownSession
        default: self = .unknown(rawValue)
        }
    }
}

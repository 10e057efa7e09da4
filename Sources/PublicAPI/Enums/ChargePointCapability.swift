/// Entries of charge point `capabilities[]` (reference §4.1).
///
/// Open: a value this version does not know decodes as `unknown(raw)` (reference §2.7).
public enum ChargePointCapability: OpenEnumeration {
    /// `"remote_start_stop_capable"`
    case remoteStartStopCapable
    /// `"meter_values"`
    case meterValues
    /// `"stop_transaction_on_ev_disconnect"`
    case stopTransactionOnEvDisconnect
    /// `"disregard_the_heartbeats"`
    case disregardTheHeartbeats
    /// `"display_messages"`
    case displayMessages
    /// A value this version does not know, kept verbatim.
    case unknown(String)

    /// Every value this version knows, in the reference's order.
    public static let knownCases: [Self] = [
        .remoteStartStopCapable, .meterValues, .stopTransactionOnEvDisconnect, .disregardTheHeartbeats,
        .displayMessages,
    ]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .remoteStartStopCapable: "remote_start_stop_capable"
        case .meterValues: "meter_values"
        case .stopTransactionOnEvDisconnect: "stop_transaction_on_ev_disconnect"
        case .disregardTheHeartbeats: "disregard_the_heartbeats"
        case .displayMessages: "display_messages"
        case .unknown(let raw): raw
        }
    }

    /// Maps a wire value, keeping unknown ones as `unknown(raw)`.
    public init(rawValue: String) {
        switch rawValue {
        case "remote_start_stop_capable": self = .remoteStartStopCapable
        case "meter_values": self = .meterValues
        case "stop_transaction_on_ev_disconnect": self = .stopTransactionOnEvDisconnect
        case "disregard_the_heartbeats": self = .disregardTheHeartbeats
        case "display_messages": self = .displayMessages
        default: self = .unknown(rawValue)
        }
    }
}

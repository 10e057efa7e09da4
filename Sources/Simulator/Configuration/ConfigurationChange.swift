/// What an accepted ChangeConfiguration.req (OCPP 1.6 §5.3) asks the charger to apply now.
///
/// Every accepted value is stored in ``ConfigurationStore`` at once; the charger reads the typed
/// accessors on next use. The cases name the changes that need an action beyond that (a timer to
/// re-arm, a reconnect).
public enum ConfigurationChange: Sendable, Equatable {
    /// `HeartbeatInterval`: re-arm the heartbeat timer.
    case heartbeatInterval(Duration)
    /// `MeterValueSampleInterval`: re-arm the periodic sample timers of running transactions.
    case meterValueSampleInterval(Duration)
    /// `ClockAlignedDataInterval`: re-arm the clock-aligned timer (zero turns it off).
    case clockAlignedDataInterval(Duration)
    /// `WebSocketPingInterval`: change the WebSocket ping timer (zero turns it off).
    case webSocketPingInterval(Duration)
    /// `SecurityProfile` raised: disconnect and reconnect with the new profile (security whitepaper §2).
    case securityProfile(Int)
    /// `AuthorizationKey` set: use the new Basic authentication password from the next connection on.
    case authorizationKey
    /// `AuthorizationCacheEnabled` changed.
    case authorizationCacheEnabled(Bool)
    /// `LocalAuthListEnabled` changed.
    case localAuthListEnabled(Bool)
    /// Any other key, standard or vendor: stored, nothing to do now.
    case stored(key: String)
}

import PublicAPI

/// A change the OCPP server applied to the store, reported after the write so webhooks and
/// live views can follow (reference §4.13: session, EVSE status and network status
/// notifications). Replayed transaction messages change nothing and report nothing.
public enum OCPPServerEvent: Sendable, Equatable {
    /// The charge point's `networkStatus` changed (connected, or dropped without reconnecting).
    case networkStatusChanged(ChargePointRecord, previous: NetworkStatus)
    /// A BootNotification was accepted and stored.
    case booted(ChargePointRecord)
    /// A StatusNotification was applied (the charge point for connector 0, else one EVSE).
    case statusChanged(StatusChange)
    /// A StartTransaction opened a session; `superseded` is an active session on the same EVSE
    /// that it finished.
    case sessionStarted(SessionRecord, superseded: SessionRecord?)
    /// MeterValues updated an active session's energy, power or SoC.
    case sessionUpdated(SessionRecord)
    /// A StopTransaction finished a session; `payment` is its finalized transaction when priced.
    case sessionStopped(SessionRecord, payment: PaymentTransactionRecord?)
    /// A firmware, diagnostics, log, security or certificate notification arrived.
    case notification(ChargePointNotification)
    /// An Authorize or a StartTransaction recorded an authorization decision.
    case authorizationRecorded(AuthorizationRecord)
    /// A DataTransfer arrived (its request is the notification's `.dataTransfer`).
    case dataTransferReceived(ChargePointNotification)
}

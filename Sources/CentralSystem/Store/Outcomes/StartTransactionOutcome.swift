import OCPP16

/// The result of `Store.startTransaction` (OCPP 1.6 §4.8): what to answer, and the session.
public struct StartTransactionOutcome: Sendable, Hashable {
    /// The transactionId to send back; the same one for a replayed StartTransaction.
    public var transactionId: Int
    /// The idTagInfo to send back.
    public var idTagInfo: IdTagInfo
    /// The session this transaction is.
    public var session: SessionRecord
    /// Whether this StartTransaction had already been applied (a replay after an outage).
    public var replayed: Bool
    /// An active session on the same EVSE that this start ended (`new_start_transaction_received`).
    public var supersededSession: SessionRecord?
    /// The authorization this start recorded; `nil` for a replay, which records none.
    public var authorization: AuthorizationRecord?
}

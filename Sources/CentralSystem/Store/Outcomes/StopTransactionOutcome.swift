import OCPP16

/// The result of `Store.stopTransaction` (OCPP 1.6 §4.10).
public struct StopTransactionOutcome: Sendable, Hashable {
    /// The finished session; `nil` when the transactionId is unknown (still answered, per OCPP).
    public var session: SessionRecord?
    /// The idTagInfo to send back when the request carried an idTag.
    public var idTagInfo: IdTagInfo?
    /// Whether the session was already finished (a replayed StopTransaction): nothing changed.
    public var replayed: Bool
    /// The payment transaction created for a priced session, `nil` for free or replayed ones.
    public var payment: PaymentTransactionRecord?
}

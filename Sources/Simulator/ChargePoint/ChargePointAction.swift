import OCPP16

/// One imperative for the I/O shell around a ``ChargePoint``: the events return these, in the
/// order the shell must carry them out.
public enum ChargePointAction: Sendable, Equatable {
    /// Write this WebSocket text message (one OCPP-J frame).
    case send([UInt8])
    /// Write this transaction-queue entry to durable storage (replacing one with the same id)
    /// before carrying out any later `send`: OCPP 1.6 §3.7 transaction messages must survive a
    /// crash. `bytes` decode with ``TransactionQueueEntry/init(persisted:)``.
    case persist(entryId: UInt64, bytes: [UInt8])
    /// Delete the transaction-queue entry with this id: the central system confirmed it (or it
    /// was given up after `TransactionMessageAttempts`).
    case remove(entryId: UInt64)
    /// Close the connection and reboot (OCPP 1.6 §5.14 Reset): open a new connection when ready
    /// and call ``ChargePoint/connected(now:)``; the charger boots again. Calling
    /// ``ChargePoint/disconnected(now:)`` afterwards is harmless.
    case reboot(ResetType)
    /// The central system changed a key the connection itself uses: `.webSocketPingInterval`
    /// (re-arm the ping timer), `.securityProfile` (reconnect with the new profile), or
    /// `.authorizationKey` (the Basic auth password from the next connection on).
    case reconfigureConnection(ConfigurationChange)
}

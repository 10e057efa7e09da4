import OCPP16

/// One imperative for the I/O shell around a ``ChargePoint``: the events return these, in the
/// order the shell must carry them out.
public enum ChargePointAction: Sendable, Equatable {
    /// Write this WebSocket text message (one OCPP-J frame).
    case send([UInt8])
    /// Write this transaction-queue entry to durable storage (replacing one with the same id)
    /// before carrying out any later `send`: OCPP 1.6 §3.7 transaction messages must survive a
    /// crash. Its ``TransactionQueueEntry/persistedBytes`` are what to store; they decode with
    /// ``TransactionQueueEntry/init(persisted:)``. The entry, not its bytes: a shell that stores
    /// nothing pays for no encoding.
    case persist(TransactionQueueEntry)
    /// Delete the transaction-queue entry with this id: the central system confirmed it (or it
    /// was given up after `TransactionMessageAttempts`).
    case remove(entryId: UInt64)
    /// Close the connection and reboot (OCPP 1.6 §5.14 Reset). It comes once the StopTransactions
    /// the Reset made are confirmed (or after a short timeout; unconfirmed ones stay queued and go
    /// out after the boot). Open a new connection when ready
    /// and call ``ChargePoint/connected(now:)``; the charger boots again. Calling
    /// ``ChargePoint/disconnected(now:)`` afterwards is harmless.
    case reboot(ResetType)
    /// The central system changed a key the connection itself uses: `.webSocketPingInterval`
    /// (re-arm the ping timer), `.securityProfile` (reconnect with the new profile), or
    /// `.authorizationKey` (the Basic auth password from the next connection on).
    case reconfigureConnection(ConfigurationChange)
    /// Download the firmware at `url` (OCPP 1.6 §5.19; http or https) and report how it went
    /// with ``ChargePoint/downloadFinished(requestId:result:now:)``, echoing `requestId`. The
    /// response headers matter (``FirmwareVersionRule``); the bytes need not be kept.
    /// ``FileTransferClient/download(url:)`` does it.
    case download(url: String, requestId: UInt64)
    /// Upload `content` as `fileName` to the directory `url` (OCPP 1.6 §5.9; http or https) and
    /// report how it went with ``ChargePoint/uploadFinished(requestId:result:now:)``, echoing
    /// `requestId`. ``FileTransferClient/upload(url:fileName:content:)`` does it.
    case upload(url: String, fileName: String, content: [UInt8], requestId: UInt64)
}

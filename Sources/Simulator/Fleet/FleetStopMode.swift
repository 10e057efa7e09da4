/// What happens to open transactions when a fleet stops (Ctrl-C, SIGTERM).
public enum FleetStopMode: String, Sendable, Equatable, CaseIterable {
    /// Stop each one (StopTransaction reason Local, OCPP 1.6 §7.39) and wait for confirmation.
    case stopTransactions = "stop-transactions"
    /// Leave them running in the saved state with their messages queued, to resume on the next
    /// start with the same state directory.
    case leaveQueued = "leave-queued"
}

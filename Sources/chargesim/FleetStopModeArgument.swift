import ArgumentParser
import Simulator

/// `--on-stop` choices.
enum FleetStopModeArgument: String, ExpressibleByArgument, CaseIterable {
    case stopTransactions = "stop-transactions"
    case leaveQueued = "leave-queued"

    var mode: FleetStopMode {
        switch self {
        case .stopTransactions: .stopTransactions
        case .leaveQueued: .leaveQueued
        }
    }
}

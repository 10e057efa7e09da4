import NIOConcurrencyHelpers
import OCPP16

/// The server's shared, lock-protected state: the live connection of each charge point, the
/// `Pending` boots answered so far (``BootPolicy/pending(times:)``), the latest notifications and
/// the certificates its CA signed.
final class ChargePointRegistry: Sendable {
    private struct State {
        var connections: [String: ChargePointConnection] = [:]
        var pendingBoots: [String: Int] = [:]
        var notifications: [String: [ChargePointNotification]] = [:]
        var issued: [String: [IssuedCertificate]] = [:]
    }

    /// The most notifications kept per charge point; older ones are dropped first.
    static let maximumNotifications = 200

    private let state = NIOLockedValueBox(State())

    /// Makes `connection` the charge point's live one; returns the one it replaces, if any.
    func register(_ connection: ChargePointConnection) -> ChargePointConnection? {
        state.withLockedValue { state in
            let previous = state.connections[connection.chargePointId]
            state.connections[connection.chargePointId] = connection
            return previous === connection ? nil : previous
        }
    }

    /// Forgets `connection` if it is still the live one; returns whether it was.
    func unregister(_ connection: ChargePointConnection) -> Bool {
        state.withLockedValue { state in
            guard state.connections[connection.chargePointId] === connection else { return false }
            state.connections[connection.chargePointId] = nil
            return true
        }
    }

    /// The live connection of a charge point.
    func connection(for chargePointId: String) -> ChargePointConnection? {
        state.withLockedValue { $0.connections[chargePointId] }
    }

    /// Whether `connection` is (still) the live one of its charge point.
    func isLive(_ connection: ChargePointConnection) -> Bool {
        state.withLockedValue { $0.connections[connection.chargePointId] === connection }
    }

    /// The ids of the charge points connected now, sorted.
    var connectedIds: [String] {
        state.withLockedValue { $0.connections.keys.sorted() }
    }

    /// All live connections.
    var allConnections: [ChargePointConnection] {
        state.withLockedValue { Array($0.connections.values) }
    }

    /// Decides a boot under `policy`, counting `Pending` answers per charge point.
    func bootStatus(for chargePointId: String, policy: BootPolicy) -> RegistrationStatus {
        state.withLockedValue { state in
            let status = policy.status(pendingSoFar: state.pendingBoots[chargePointId, default: 0])
            if status == .pending { state.pendingBoots[chargePointId, default: 0] += 1 }
            return status
        }
    }

    /// Keeps a notification.
    func record(_ notification: ChargePointNotification) {
        state.withLockedValue { state in
            var list = state.notifications[notification.chargePointId, default: []]
            list.append(notification)
            if list.count > Self.maximumNotifications { list.removeFirst(list.count - Self.maximumNotifications) }
            state.notifications[notification.chargePointId] = list
        }
    }

    /// Keeps a certificate the CA signed (the latest ``maximumNotifications`` per charge point).
    func record(_ issued: IssuedCertificate) {
        state.withLockedValue { state in
            var list = state.issued[issued.chargePointId, default: []]
            list.append(issued)
            if list.count > Self.maximumNotifications { list.removeFirst(list.count - Self.maximumNotifications) }
            state.issued[issued.chargePointId] = list
        }
    }

    /// The certificates signed for a charge point since the server started, oldest first.
    func issuedCertificates(for chargePointId: String) -> [IssuedCertificate] {
        state.withLockedValue { $0.issued[chargePointId, default: []] }
    }

    /// The notifications kept for a charge point, oldest first.
    func notifications(for chargePointId: String) -> [ChargePointNotification] {
        state.withLockedValue { $0.notifications[chargePointId, default: []] }
    }
}

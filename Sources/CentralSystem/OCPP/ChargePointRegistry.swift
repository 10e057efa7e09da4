import NIOConcurrencyHelpers
import OCPP16

/// The server's shared, lock-protected state: the live connection of each charge point, the
/// `Pending` boots answered so far (``BootPolicy/pending(times:)``), the latest notifications and
/// the certificates its CA signed.
final class ChargePointRegistry: Sendable {
    private struct State {
        var connections: [String: ChargePointConnection] = [:]
        /// The connection each charge point's live one replaced, still open until the new one
        /// proves itself (see ``register(_:)``).
        var superseded: [String: ChargePointConnection] = [:]
        var pendingBoots: [String: Int] = [:]
        var notifications: [String: [ChargePointNotification]] = [:]
        var issued: [String: [IssuedCertificate]] = [:]
    }

    /// The most notifications kept per charge point; older ones are dropped first.
    static let maximumNotifications = 200

    private let state = NIOLockedValueBox(State())

    /// Makes `connection` the charge point's live one. The one it replaces stays open, superseded,
    /// until ``confirm(_:)`` (the new one's first message, or a grace period) says to close it,
    /// or until the new one closes first, which puts it back (``unregister(_:)``).
    ///
    /// Why not close it at once: a charger that gave up on a slow handshake and connected again
    /// leaves the first attempt in the server's accept queue; accepted late, that attempt completes
    /// its upgrade after the second and would replace the charger's live connection, then close
    /// by itself (its client is gone), leaving the charger disconnected (issue 11: ramps onto a
    /// busy central system). Returns whether `connection` superseded one, and a connection to
    /// close now: an older one still superseded.
    func register(_ connection: ChargePointConnection) -> (superseded: Bool, close: ChargePointConnection?) {
        state.withLockedValue { state in
            let id = connection.chargePointId
            guard let previous = state.connections.updateValue(connection, forKey: id), previous !== connection
            else { return (false, nil) }
            return (true, state.superseded.updateValue(previous, forKey: id))
        }
    }

    /// `connection` proved itself (a first message, or open past the grace period): returns the
    /// connection it superseded, to close, if it is still the live one.
    func confirm(_ connection: ChargePointConnection) -> ChargePointConnection? {
        state.withLockedValue { state in
            guard state.connections[connection.chargePointId] === connection else { return nil }
            return state.superseded.removeValue(forKey: connection.chargePointId)
        }
    }

    /// Forgets a closed `connection`; returns whether its charge point went offline: it was the
    /// live one and had superseded none still open (that one is live again).
    func unregister(_ connection: ChargePointConnection) -> Bool {
        state.withLockedValue { state in
            let id = connection.chargePointId
            guard state.connections[id] === connection else {
                if state.superseded[id] === connection { state.superseded[id] = nil }
                return false
            }
            state.connections[id] = state.superseded.removeValue(forKey: id)
            return state.connections[id] == nil
        }
    }

    /// The live connection of a charge point.
    func connection(for chargePointId: String) -> ChargePointConnection? {
        state.withLockedValue { $0.connections[chargePointId] }
    }

    /// The ids of the charge points connected now, sorted.
    var connectedIds: [String] {
        state.withLockedValue { $0.connections.keys.sorted() }
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

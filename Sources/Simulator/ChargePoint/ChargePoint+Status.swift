import OCPP16

// Connector statuses (OCPP 1.6 §4.9): derived from the connector's state, reported once they
// held for MinimumStatusDuration, and only the latest after a connection loss.
extension ChargePoint {
    /// The status `connectorId` is in now.
    func derivedReport(_ connectorId: Int) -> ConnectorState.Report {
        // Runs for every connector after every event: the connector is read in place, not
        // copied (a copy retains and releases each reference it holds).
        if let fault = connectors[connectorId].fault {
            return ConnectorState.Report(faulted: fault)
        }
        func report(_ status: ChargePointStatus) -> ConnectorState.Report {
            ConnectorState.Report(status: status, errorCode: .noError)
        }
        guard connectorId > 0 else { return report(connectors[connectorId].operative ? .available : .unavailable) }
        switch connectors[connectorId].session {
        case .transaction:
            // A deauthorized transaction offers no energy (past MaxEnergyOnInvalidId): SuspendedEVSE.
            switch meters.connectors[connectorId]?.status {
            case .charging: return report(.charging)
            case .evFull, .evDeclines, .noEV: return report(.suspendedEV)
            case .suspendedByLimit, .notOffering, nil: return report(.suspendedEVSE)
            }
        case .finishing:
            // A ChangeAvailability scheduled during the transaction applies once it has ended
            // (OCPP 1.6 §5.2), even while the cable is still in: Finishing → Unavailable (F8).
            return report(connectors[connectorId].operative && connectors[0].operative ? .finishing : .unavailable)
        case .preparing:
            return report(.preparing)
        case nil:
            if !connectors[connectorId].operative || !connectors[0].operative { return report(.unavailable) }
            if reservations.reservation(forConnector: connectorId) != nil { return report(.reserved) }
            return report(.available)
        }
    }

    /// Notes every status change and when it happened.
    mutating func refreshObservedStatuses() {
        for id in connectors.indices {
            let report = derivedReport(id)
            if report != connectors[id].observed {
                connectors[id].observed = report
                connectors[id].observedSince = now
                connectors[id].recent.append((report, now))
                if connectors[id].recent.count > Self.maximumRecentStatuses {
                    connectors[id].recent.removeFirst()
                }
            }
        }
    }

    /// Queues a StatusNotification for each connector whose status changed and held for
    /// MinimumStatusDuration (§9.1.20); nothing while not accepted or offline.
    mutating func reportStatuses() {
        guard isOnline else { return }
        for id in connectors.indices {
            // Runs after every event; most find nothing changed, so nothing is copied or looked up.
            guard connectors[id].observed != connectors[id].lastSent else { continue }
            let connector = connectors[id]
            guard connector.lastSent == nil || now >= connector.observedSince + configuration.minimumStatusDuration
            else { continue }
            // Statuses skipped (too short, or while offline) may leave a jump §4.9 does not allow,
            // e.g. Finishing → Charging; then the last skipped status that bridges it goes first.
            if let last = (connector.lastSent ?? connector.onWire)?.status,
                !ConnectorStatusTransition.isLegal(from: last, to: connector.observed.status)
            {
                let bridges = { (status: ChargePointStatus) in
                    ConnectorStatusTransition.isLegal(from: last, to: status)
                        && ConnectorStatusTransition.isLegal(from: status, to: connector.observed.status)
                }
                if let bridge = connector.recent.dropLast().last(where: { bridges($0.report.status) }) {
                    enqueue(
                        statusNotification(id, report: bridge.report, since: bridge.since),
                        purpose: .status(connectorId: id, report: bridge.report))
                } else if bridges(.available) {
                    // Passed through within one event (a session ended, then the connector
                    // became unavailable): Available held for no time at all.
                    let available = ConnectorState.Report(status: .available, errorCode: .noError)
                    enqueue(
                        statusNotification(id, report: available, since: connector.observedSince),
                        purpose: .status(connectorId: id, report: available))
                }
            }
            connectors[id].lastSent = connector.observed
            enqueue(statusNotification(id), purpose: .status(connectorId: id, report: connector.observed))
        }
    }

    /// How many recent statuses a connector remembers to bridge an illegal jump.
    static let maximumRecentStatuses = 16

    func statusNotification(_ connectorId: Int) -> StatusNotificationRequest {
        statusNotification(
            connectorId, report: connectors[connectorId].observed, since: connectors[connectorId].observedSince)
    }

    func statusNotification(
        _ connectorId: Int,
        report: ConnectorState.Report,
        since: OCPPTimestamp
    ) -> StatusNotificationRequest {
        StatusNotificationRequest(
            connectorId: connectorId,
            errorCode: report.errorCode,
            info: report.info.map { CiString50(truncating: $0) },
            status: report.status,
            timestamp: since,
            vendorErrorCode: report.vendorErrorCode.map { CiString50(truncating: $0) }
        )
    }
}

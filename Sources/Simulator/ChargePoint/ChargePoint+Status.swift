import OCPP16

// Connector statuses (OCPP 1.6 §4.9): derived from the connector's state, reported once they
// held for MinimumStatusDuration, and only the latest after a connection loss.
extension ChargePoint {
    /// The status `connectorId` is in now.
    func derivedReport(_ connectorId: Int) -> ConnectorState.Report {
        let connector = connectors[connectorId]
        if let fault = connector.fault {
            return ConnectorState.Report(
                status: .faulted, errorCode: fault.errorCode, info: fault.info, vendorErrorCode: fault.vendorErrorCode)
        }
        func report(_ status: ChargePointStatus) -> ConnectorState.Report {
            ConnectorState.Report(status: status, errorCode: .noError)
        }
        guard connectorId > 0 else { return report(connector.operative ? .available : .unavailable) }
        switch connector.session {
        case .transaction(let transaction):
            if transaction.deauthorized { return report(.suspendedEVSE) }
            switch meters.connectors[connectorId]?.status {
            case .charging: return report(.charging)
            case .evFull, .evDeclines, .noEV: return report(.suspendedEV)
            case .suspendedByLimit, .notOffering, nil: return report(.suspendedEVSE)
            }
        case .finishing:
            return report(.finishing)
        case .preparing:
            return report(.preparing)
        case nil:
            if !connector.operative || !connectors[0].operative { return report(.unavailable) }
            if connector.reservation != nil { return report(.reserved) }
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
            }
        }
    }

    /// Queues a StatusNotification for each connector whose status changed and held for
    /// MinimumStatusDuration (§9.1.20); nothing while not accepted or offline.
    mutating func reportStatuses() {
        guard isOnline else { return }
        let minimum = settings.minimumStatusDuration
        for id in connectors.indices {
            let connector = connectors[id]
            guard connector.observed != connector.lastSent else { continue }
            guard connector.lastSent == nil || now >= connector.observedSince + minimum else { continue }
            connectors[id].lastSent = connector.observed
            enqueue(statusNotification(id), purpose: .status(connectorId: id))
        }
    }

    func statusNotification(_ connectorId: Int) -> StatusNotificationRequest {
        let connector = connectors[connectorId]
        return StatusNotificationRequest(
            connectorId: connectorId,
            errorCode: connector.observed.errorCode,
            info: connector.observed.info.map { CiString50(truncating: $0) },
            status: connector.observed.status,
            timestamp: connector.observedSince,
            vendorErrorCode: connector.observed.vendorErrorCode.map { CiString50(truncating: $0) }
        )
    }
}

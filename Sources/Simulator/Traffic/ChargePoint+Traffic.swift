import OCPP16

// The traffic generator's view of the charger and its events (issue 10), and the time scale
// of the energy model.
extension ChargePoint {
    /// What each connector (1...N) is doing, for ``TrafficGenerator``.
    public var trafficObservations: [Int: TrafficObservation] {
        var observations: [Int: TrafficObservation] = [:]
        for id in connectors.indices.dropFirst() {
            let plugged = isPlugged(id)
            observations[id] = TrafficObservation(
                isFree: isUsable(id) && !plugged && connectors[id].session == nil, isPlugged: plugged,
                hasTransaction: connectors[id].transaction != nil,
                evFullSince: connectors[id].transaction?.evFullSince)
        }
        return observations
    }

    /// A driver's action: plug in (and present the card), or stop (present the card) and unplug.
    public mutating func apply(_ event: TrafficEvent, now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        switch event {
        case .arrive(let connectorId, let ev, let start):
            plugIn(connectorId: connectorId, ev: ev)
            switch start {
            case .rfid(let idTag): presentIdTag(idTag, connectorId: connectorId)
            case .remote: break
            }
        case .leave(let connectorId, let idTag):
            if let idTag, connectors.indices.contains(connectorId), connectors[connectorId].transaction != nil {
                presentIdTag(idTag, connectorId: connectorId)
            }
            unplug(connectorId: connectorId)
        }
        return finish()
    }

    /// Energy flows `scale` times faster than the clock (`--time-scale`): meters and batteries
    /// advance accordingly while OCPP timestamps stay wall-clock. 1 is real time.
    public mutating func setEnergyTimeScale(_ scale: Double, now: OCPPTimestamp) {
        meters.advance(to: now)
        for id in meters.connectors.keys { meters.connectors[id]?.energyTimeScale = scale }
    }
}

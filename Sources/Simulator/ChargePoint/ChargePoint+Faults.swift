import OCPP16

// Random fault injection (issue 5: the profile's fault rates): the injector's timer puts a
// connector in Faulted and takes it out again; the status machine reports both.
extension ChargePoint {
    /// Carries out the fault injector's event due at `now`, if any.
    mutating func injectFaults() {
        guard var injection = faultInjection, injection.nextEvent <= now else { return }
        switch injection.state {
        case .waiting:
            let candidates = connectors.indices.dropFirst().filter { connectors[$0].fault == nil }
            let fault = injection.drawFault()
            if let connectorId = candidates.randomElement(using: &injection.random) {
                connectors[connectorId].fault = fault
                updateEnergyOffer(connectorId)
                injection.state = .faulted(connectorId: connectorId, fault: fault, clearsAt: now + injection.duration)
            } else {
                // Every connector is faulted already: this one passes unnoticed.
                injection.state = .waiting(until: now + injection.nextInterval())
            }
        case .faulted(let connectorId, let fault, _):
            // A fault set by hand in the meantime stays.
            if connectors[connectorId].fault == fault {
                connectors[connectorId].fault = nil
                updateEnergyOffer(connectorId)
            }
            injection.state = .waiting(until: now + injection.nextInterval())
        }
        faultInjection = injection
    }
}

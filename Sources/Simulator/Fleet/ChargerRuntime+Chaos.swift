import NIOCore
import OCPP16

// The glue between the runtime and its traffic generator and chaos injector (issue 10): both
// are sans-I/O; their deadlines join the charger's one timer, their events run on its loop.
extension ChargerRuntime {
    /// Injects `fault` into this charger (see ``ChaosFault``); faults that cut the connection
    /// wait for a moment when no CALL of the charger is in flight.
    @discardableResult
    public func inject(_ fault: ChaosFault) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard !self.isStopped else { return }
            let now = self.clock()
            self.apply(self.chaos.inject(fault, now: now, quiet: !self.machine.hasCallInFlight), now: now)
            self.rearm()
        }
    }

    /// A driver's session on the first free connector: an EV from the profile's mix plugs in
    /// and `idTag` is presented. The connector id, or nil when none is free.
    public func startSession(idTag: String) -> EventLoopFuture<Int?> {
        eventLoop.submit {
            guard !self.isStopped else { return nil }
            let free = self.machine.trafficObservations.filter(\.value.isFree).keys.sorted()
            guard let connectorId = free.first else { return nil }
            let now = self.clock()
            self.carryOut(self.machine.plugInRandomEV(connectorId: connectorId, now: now), rearming: false)
            self.carryOut(self.machine.presentIdTag(idTag, connectorId: connectorId, now: now))
            return connectorId
        }
    }

    /// What the traffic generator has done so far (nil: no traffic).
    public func trafficStatistics() -> EventLoopFuture<TrafficStatistics?> {
        eventLoop.submit { self.traffic?.statistics }
    }

    /// The earliest instant the traffic generator or the chaos injector must act.
    var trafficAndChaosDeadline: OCPPTimestamp? {
        // Read on every re-arm: no array for two optionals.
        let trafficDeadline = traffic?.nextDeadline(observing: machine.trafficObservations)
        guard let chaosDeadline = chaos.nextDeadline else { return trafficDeadline }
        return trafficDeadline.map { min($0, chaosDeadline) } ?? chaosDeadline
    }

    /// Runs what is due of the traffic and the chaos (from the timer).
    func runTrafficAndChaos(now: OCPPTimestamp) {
        if var traffic, let due = traffic.nextDeadline(observing: machine.trafficObservations), due <= now {
            let events = traffic.timerFired(now: now, observing: machine.trafficObservations)
            self.traffic = traffic
            for event in events { carryOut(machine.apply(event, now: now), rearming: false) }
        }
        if let due = chaos.nextDeadline, due <= now {
            apply(chaos.timerFired(now: now, quiet: !machine.hasCallInFlight), now: now)
        }
    }

    /// Writes one frame of the charger, through the chaos injector.
    func write(_ bytes: [UInt8]) {
        guard case .open(let connection) = link else { return }
        guard !chaos.passesFramesThrough else {
            transmit(bytes, on: connection)
            return
        }
        switch chaos.outgoing(bytes, now: clock()) {
        case .write(let out): transmit(out, on: connection)
        case .withheld: break
        }
    }

    private func apply(_ effects: [ChaosEffect], now: OCPPTimestamp) {
        for effect in effects {
            switch effect {
            case .setFault(let connectorId, let errorCode, let vendorErrorCode):
                carryOut(
                    machine.setFault(
                        connectorId: connectorId, errorCode: errorCode, info: "Simulated fault (chaos)",
                        vendorErrorCode: vendorErrorCode, now: now), rearming: false)
            case .clearFault(let connectorId, let errorCode):
                // A fault changed by hand in the meantime stays.
                if machine.faultCode(connectorId) == errorCode {
                    carryOut(machine.clearFault(connectorId: connectorId, now: now), rearming: false)
                }
            case .suspendEV(let connectorId, let suspended):
                carryOut(machine.setEVSuspended(suspended, connectorId: connectorId, now: now), rearming: false)
            case .dropConnection(let delay):
                dropConnection(reconnectAfter: delay, now: now)
            case .stopReading:
                if case .open(let connection) = link {
                    connection.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
                }
            case .reboot:
                carryOut(machine.rebootOnItsOwn(now: now), rearming: false)
            case .write(let bytes):
                if case .open(let connection) = link { transmit(bytes, on: connection) }
            }
        }
    }

    /// Closes the TCP connection without a close handshake and reconnects after `delay`.
    private func dropConnection(reconnectAfter delay: Duration, now: OCPPTimestamp) {
        switch link {
        case .open(let connection):
            link = .closing(connection)
            reconnectAfterClose = delay
            connection.channel.close(promise: nil)
        case .connecting:
            // The attempt's callbacks find the link changed and close what they opened.
            link = .idle
            reconnectAt = now + delay
        case .idle:
            reconnectAt = max(reconnectAt ?? now, now + delay)
        case .closing, .stopped:
            break
        }
    }
}

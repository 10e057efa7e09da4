import NIOCore

extension Fleet {
    /// Calls sent and round trips so far, summed over the loops (each read on its own loop).
    public func traffic() -> EventLoopFuture<FleetTraffic> {
        let futures = loopCounters.map { counters in counters.eventLoop.submit { counters.trafficAndTimers } }
        guard let first = loopCounters.first else { preconditionFailure("a fleet without an event loop") }
        return EventLoopFuture.reduce(FleetTraffic(), futures, on: first.eventLoop, +)
    }
}

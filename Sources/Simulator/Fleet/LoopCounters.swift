import NIOCore

/// The ``FleetCounts`` of the chargers pinned to one event loop. Chargers update it on that
/// loop and the fleet reads it there (`eventLoop.submit`), so the hot path takes no lock and
/// no atomic.
///
/// `@unchecked Sendable`: `counts` is only read or written on `eventLoop`, which every access
/// checks with `preconditionInEventLoop`.
final class LoopCounters: @unchecked Sendable {
    let eventLoop: any EventLoop
    private var _counts = FleetCounts()
    private var _traffic = FleetTraffic()
    /// The timers of the chargers on this loop (one NIO task for all, not one per charger).
    let timers: ChargerTimerQueue

    /// Counters for `eventLoop`, whose charger timers fire late, coalesced, as `timerSlack` says
    /// for the load `firings` counts over the process's loops.
    init(eventLoop: any EventLoop, timerSlack: TimerSlack = .fixed(.zero), firings: TimerFirings = TimerFirings()) {
        self.eventLoop = eventLoop
        self.timers = ChargerTimerQueue(eventLoop: eventLoop, slack: timerSlack, firings: firings)
    }

    var counts: FleetCounts {
        get {
            eventLoop.preconditionInEventLoop()
            return _counts
        }
        set {
            eventLoop.preconditionInEventLoop()
            _counts = newValue
        }
    }

    /// Calls sent and round trips (issue 11).
    var traffic: FleetTraffic {
        get {
            eventLoop.preconditionInEventLoop()
            return _traffic
        }
        _modify {
            eventLoop.preconditionInEventLoop()
            yield &_traffic
        }
    }

    /// ``traffic`` with the counts of the loop's timer queue.
    var trafficAndTimers: FleetTraffic {
        var traffic = self.traffic
        traffic.timersFired = timers.firedCount
        traffic.timerWakeUps = timers.wakeUpCount
        traffic.loopsCoalescing = timers.isBusy ? 1 : 0
        traffic.timerSlackSwitches = timers.slackSwitchCount
        return traffic
    }
}

import Synchronization

/// How late a fleet's charger timers (MeterValues, heartbeats, WebSocket pings, reconnects) may
/// fire so that the timers of one event loop due close together fire in one wake-up.
///
/// Coalescing is a trade (issue 11): in batches, a MeterValues costs the fleet and the central
/// system less CPU, but each batch queues at the central system, which costs round-trip time. A
/// fleet sending a few hundred calls a second has CPU to spare and wants the short round trip; one
/// sending thousands wants the CPU. So the slack follows the load, like a network card's adaptive
/// interrupt moderation: ``quiet`` while the whole process fires fewer than ``busyRate`` timers a
/// second, ``busy`` from then until the rate falls below ``quietRate`` (the gap keeps a load near
/// one threshold from switching back and forth). ``fixed(_:)`` sets one slack for every load.
public struct TimerSlack: Sendable, Equatable {
    /// The slack while the process is quiet.
    public var quiet: Duration
    /// The slack while it is busy.
    public var busy: Duration
    /// Timer firings per second (all loops together) from which the process is busy.
    public var busyRate: Double
    /// Timer firings per second below which a busy process is quiet again.
    public var quietRate: Double

    /// `quiet` below `quietRate` firings/s, `busy` from `busyRate` on (the rates are clamped so
    /// that `quietRate <= busyRate`).
    public init(quiet: Duration, busy: Duration, busyRate: Double, quietRate: Double) {
        self.quiet = max(quiet, .zero)
        self.busy = max(busy, .zero)
        self.busyRate = max(busyRate, 0)
        self.quietRate = min(max(quietRate, 0), self.busyRate)
    }

    /// One slack for every load (zero: every timer on time).
    public static func fixed(_ slack: Duration) -> TimerSlack {
        TimerSlack(quiet: slack, busy: slack, busyRate: 0, quietRate: 0)
    }

    /// The default: on time below 1,400 firings/s, 25 ms slots from 1,800/s.
    ///
    /// Measured on two cores with the embedded central system (Benchmarks/RESULTS.md, ninth
    /// pass): 19,000 chargers (20 % charging every 10 s, the rest heartbeating and pinging every
    /// 60 s) fire about 850 timers/s on average and up to 1,300/s over five seconds while the
    /// pings of a 500/s ramp come round, where coalescing doubled the round trip's p99; 2,000 chargers
    /// sending MeterValues every second fire 2,000/s, where 25 ms slots cut the fleet's CPU per
    /// MeterValues by a fifth against 10 ms (50 ms did no better).
    public static let adaptive = TimerSlack(
        quiet: .zero, busy: .milliseconds(25), busyRate: 1_800, quietRate: 1_400)

    /// Whether the slack is the same at every load.
    public var isFixed: Bool { quiet == busy }
}

/// The timer firings of all of a fleet's loops, counted together: each loop's
/// ``ChargerTimerQueue`` adds what it fired and reads the total to judge the process's load for
/// its ``TimerSlack``. One relaxed atomic add per wake-up; loops never wait for each other.
final class TimerFirings: Sendable {
    private let total = Atomic<UInt64>(0)

    init() {}

    /// Adds `count` firings.
    func add(_ count: Int) {
        guard count > 0 else { return }
        total.wrappingAdd(UInt64(count), ordering: .relaxed)
    }

    /// Every firing so far.
    var count: UInt64 { total.load(ordering: .relaxed) }
}

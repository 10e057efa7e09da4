import NIOCore
import NIOEmbedded
import Testing

@testable import Simulator

@Suite struct ChargerTimerQueueTests {
    /// The names of the targets, in the order their timers fired.
    final class Log {
        var names: [String] = []
        /// How late each periodic firing was (ns).
        var lateness: [Int64] = []
    }

    /// A timer target that notes when it fired and may arm itself again.
    final class LoggingTarget: ChargerTimerTarget {
        let name: String
        let log: Log
        var onFire: (() -> Void)?

        init(_ name: String, log: Log) {
            self.name = name
            self.log = log
        }

        func timerQueueFired() {
            log.names.append(name)
            onFire?()
        }
    }

    @Test func timersFireOnceInDeadlineOrderWhenDue() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop)
        let log = Log()
        let start = loop.now
        for (name, ms) in [("a", 30), ("b", 10), ("c", 20), ("d", 20)] {
            let slot = queue.register(LoggingTarget(name, log: log))
            queue.arm(slot, at: start + .milliseconds(Int64(ms)))
        }
        loop.advanceTime(by: .milliseconds(9))
        #expect(log.names == [])
        loop.advanceTime(by: .milliseconds(16))
        #expect(log.names == ["b", "c", "d"])
        loop.advanceTime(by: .milliseconds(100))
        #expect(log.names == ["b", "c", "d", "a"])
    }

    @Test func reArmingReplacesTheTimerAndCancelledOnesNeverFire() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop)
        let log = Log()
        let start = loop.now
        let a = queue.register(LoggingTarget("a", log: log))
        let b = queue.register(LoggingTarget("b", log: log))
        let c = queue.register(LoggingTarget("c", log: log))
        queue.arm(a, at: start + .milliseconds(10))
        queue.arm(a, at: start + .milliseconds(50))
        queue.arm(b, at: start + .milliseconds(40))
        queue.arm(b, at: start + .milliseconds(5))
        queue.arm(c, at: start + .milliseconds(20))
        queue.cancel(c)
        loop.advanceTime(by: .milliseconds(30))
        #expect(log.names == ["b"])
        loop.advanceTime(by: .milliseconds(30))
        #expect(log.names == ["b", "a"])
        // An unregistered slot is reused; the old charger's timer is gone with it.
        queue.arm(a, at: loop.now + .milliseconds(10))
        queue.unregister(a)
        let d = queue.register(LoggingTarget("d", log: log))
        #expect(d == a)
        loop.advanceTime(by: .milliseconds(100))
        #expect(log.names == ["b", "a"])
    }

    @Test func aTargetThatReArmsFromItsTimerRunsPeriodically() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop)
        let log = Log()
        let target = LoggingTarget("tick", log: log)
        let slot = queue.register(target)
        target.onFire = { queue.arm(slot, at: loop.now + .seconds(1)) }
        queue.arm(slot, at: loop.now + .seconds(1))
        loop.advanceTime(by: .milliseconds(10_500))
        #expect(log.names.count == 10)
    }

    @Test func staleEntriesDoNotPileUp() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop)
        let log = Log()
        let slot = queue.register(LoggingTarget("a", log: log))
        // Each re-arm to an earlier deadline leaves the later entry behind.
        for ms in stride(from: 10_000, to: 0, by: -1) {
            queue.arm(slot, at: loop.now + .milliseconds(Int64(ms)))
        }
        #expect(queue.entryCount <= 2 * 1 + 64 + 1)
        #expect(queue.scheduledTaskCount <= 4)
        loop.advanceTime(by: .seconds(20))
        #expect(log.names == ["a"])
    }

    /// Moves `loop` to the start of the next `width`-wide slot of its uptime clock.
    private func alignToSlot(_ loop: EmbeddedEventLoop, width: Int64) {
        let offset = Int64(loop.now.uptimeNanoseconds % UInt64(width))
        if offset != 0 { loop.advanceTime(by: .nanoseconds(width - offset)) }
    }

    @Test func timersDueWithinOneSlackSlotFireTogetherAtItsEndAndNeverEarly() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop, slack: .fixed(.milliseconds(10)))
        let log = Log()
        alignToSlot(loop, width: 10_000_000)
        let start = loop.now
        for (name, ms) in [("a", 1), ("b", 4), ("c", 9), ("d", 12)] {
            let slot = queue.register(LoggingTarget(name, log: log))
            queue.arm(slot, at: start + .milliseconds(Int64(ms)))
        }
        // One NIO task for the whole slot (and none yet for d's later slot).
        #expect(queue.scheduledTaskCount == 1)
        loop.advanceTime(by: .microseconds(9_999))
        #expect(log.names == [])
        loop.advanceTime(by: .microseconds(1))
        #expect(log.names == ["a", "b", "c"])
        loop.advanceTime(by: .milliseconds(9))
        #expect(log.names == ["a", "b", "c"])
        loop.advanceTime(by: .milliseconds(1))
        #expect(log.names == ["a", "b", "c", "d"])
    }

    @Test func aTimerOnASlotBoundaryFiresOnTimeAndZeroSlackFiresEachAtItsDeadline() {
        let loop = EmbeddedEventLoop()
        let coalescing = ChargerTimerQueue(eventLoop: loop, slack: .fixed(.milliseconds(10)))
        let exact = ChargerTimerQueue(eventLoop: loop, slack: .fixed(.zero))
        let log = Log()
        alignToSlot(loop, width: 10_000_000)
        let start = loop.now
        coalescing.arm(coalescing.register(LoggingTarget("boundary", log: log)), at: start + .milliseconds(10))
        exact.arm(exact.register(LoggingTarget("exact1", log: log)), at: start + .milliseconds(1))
        exact.arm(exact.register(LoggingTarget("exact4", log: log)), at: start + .milliseconds(4))
        loop.advanceTime(by: .milliseconds(1))
        #expect(log.names == ["exact1"])
        loop.advanceTime(by: .milliseconds(3))
        #expect(log.names == ["exact1", "exact4"])
        loop.advanceTime(by: .microseconds(5_999))
        #expect(log.names == ["exact1", "exact4"])
        loop.advanceTime(by: .microseconds(1))
        #expect(log.names == ["exact1", "exact4", "boundary"])
    }

    @Test func aPeriodicTimerWithSlackKeepsItsRateAndIsNeverMoreThanTheSlackLate() {
        let loop = EmbeddedEventLoop()
        let queue = ChargerTimerQueue(eventLoop: loop, slack: .fixed(.milliseconds(10)))
        let log = Log()
        alignToSlot(loop, width: 10_000_000)
        // Start off the slot grid: every deadline then falls inside a slot.
        loop.advanceTime(by: .milliseconds(3))
        let target = LoggingTarget("tick", log: log)
        let slot = queue.register(target)
        var due = loop.now + .seconds(1)
        var lateness: [Int64] = []
        target.onFire = {
            lateness.append((loop.now - due).nanoseconds)
            due = loop.now + .seconds(1)
            queue.arm(slot, at: due)
        }
        queue.arm(slot, at: due)
        loop.advanceTime(by: .milliseconds(10_500))
        #expect(log.names.count == 10)
        #expect(lateness.allSatisfy { $0 >= 0 && $0 < 10_000_000 })
        #expect(lateness.contains { $0 > 0 })
    }

    /// `count` targets on `queue`, each re-arming itself every `period` from its due instant
    /// (as a charger's MeterValues do), noting in `log.lateness` how late each firing was (ns).
    private func periodicTargets(
        _ count: Int, on queue: ChargerTimerQueue, loop: EmbeddedEventLoop, period: TimeAmount, log: Log
    ) -> [LoggingTarget] {
        (0..<count).map { index in
            let target = LoggingTarget("t\(index)", log: log)
            let slot = queue.register(target)
            // Spread over the period, off any slot grid.
            var due = loop.now + .nanoseconds(period.nanoseconds * Int64(index) / Int64(count) + 1_234_567)
            target.onFire = {
                log.lateness.append((loop.now - due).nanoseconds)
                due = due + period
                queue.arm(slot, at: due)
            }
            queue.arm(slot, at: due)
            return target
        }
    }

    @Test func theAdaptiveSlackCoalescesOnlyWhileTheProcessFiresManyTimersASecond() {
        let loop = EmbeddedEventLoop()
        let policy = TimerSlack(quiet: .zero, busy: .milliseconds(10), busyRate: 150, quietRate: 100)
        let queue = ChargerTimerQueue(eventLoop: loop, slack: policy)
        let log = Log()
        // 50 timers a second: quiet, every timer on time.
        let quiet = periodicTargets(50, on: queue, loop: loop, period: .seconds(1), log: log)
        loop.advanceTime(by: .seconds(12))
        #expect(!queue.isBusy)
        #expect(log.lateness.count >= 590 && log.lateness.allSatisfy { $0 == 0 })
        // 200 a second: busy within two load windows, then late by up to the busy slack.
        let busy = periodicTargets(150, on: queue, loop: loop, period: .seconds(1), log: log)
        loop.advanceTime(by: .seconds(10))
        #expect(queue.isBusy)
        log.lateness = []
        loop.advanceTime(by: .seconds(2))
        #expect(log.lateness.count >= 390)
        #expect(log.lateness.allSatisfy { (0..<10_000_000).contains($0) })
        #expect(log.lateness.contains { $0 > 0 })
        // Back to 120 a second: between the rates, so still busy (no flapping at one threshold)...
        for target in busy.prefix(80) { target.onFire = nil }
        loop.advanceTime(by: .seconds(15))
        #expect(queue.isBusy)
        // ...and at 50 a second quiet again: on time.
        for target in busy.dropFirst(80) { target.onFire = nil }
        loop.advanceTime(by: .seconds(15))
        #expect(!queue.isBusy)
        log.lateness = []
        loop.advanceTime(by: .seconds(2))
        #expect(log.lateness.count >= 95 && log.lateness.allSatisfy { $0 == 0 })
        _ = quiet
    }

    @Test func theLoadIsJudgedOverEveryLoopOfTheProcess() {
        let loop = EmbeddedEventLoop()
        let policy = TimerSlack(quiet: .zero, busy: .milliseconds(10), busyRate: 150, quietRate: 100)
        let shared = TimerFirings()
        let first = ChargerTimerQueue(eventLoop: loop, slack: policy, firings: shared)
        let second = ChargerTimerQueue(eventLoop: loop, slack: policy, firings: shared)
        let alone = ChargerTimerQueue(eventLoop: loop, slack: policy)
        let log = Log()
        // 100 a second on each of the two sharing queues: 200 for the process, busy; the same
        // load on a queue of its own is quiet.
        let targets = [first, second, alone].map {
            periodicTargets(100, on: $0, loop: loop, period: .seconds(1), log: log)
        }
        loop.advanceTime(by: .seconds(12))
        #expect(first.isBusy && second.isBusy)
        #expect(!alone.isBusy)
        #expect(TimerSlack.fixed(.milliseconds(10)).isFixed && !TimerSlack.adaptive.isFixed)
        _ = targets
    }
}

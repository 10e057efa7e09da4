import NIOCore
import NIOEmbedded
import Testing

@testable import Simulator

@Suite struct ChargerTimerQueueTests {
    /// The names of the targets, in the order their timers fired.
    final class Log {
        var names: [String] = []
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
}

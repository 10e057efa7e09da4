import NIOCore

/// The charger timers of one event loop: a min-heap of plain (deadline, token, slot) entries
/// behind as few NIO scheduled tasks as possible, instead of one NIO task per charger.
///
/// NIO keeps its scheduled tasks in a heap of structs that hold references; with one task per
/// charger, every pop and push copies a dozen of them (a retain and a release each, on objects
/// spread over memory), which was most of an idle fleet's user CPU. Here the heap holds no
/// references; a charger's entry is dropped lazily (its token no longer matches) when it re-arms
/// or stops, and NIO tasks are never cancelled (cancelling one searches NIO's whole heap): a task
/// that finds nothing due re-arms for the earliest entry left.
///
/// Deadlines are coalesced: with a `slack`, the queue wakes at the end of the `slack`-wide slot
/// (of the loop's uptime clock) the earliest deadline falls in, and fires every timer due by
/// then. Timers fire up to `slack` late, never early; chargers read the clock when they run, so
/// the timestamps they send are those of the actual send. With thousands of chargers the loop
/// then wakes at most once per `slack` for timers (each wake-up is an `epoll_wait` return and a
/// context switch) instead of once per charger deadline. The slack in use follows the process's
/// load as its ``TimerSlack`` says: the queue adds its firings to the shared ``TimerFirings`` and,
/// at most once per ``loadWindow``, judges the rate of all loops together.
///
/// What a timer of the queue wakes up (a ``ChargerRuntime``).
protocol ChargerTimerTarget: AnyObject {
    /// Its timer is due.
    func timerQueueFired()
}

/// `@unchecked Sendable`: every property is only touched on `eventLoop` (checked on each entry
/// point); chargers and the NIO tasks it schedules run there.
final class ChargerTimerQueue: @unchecked Sendable {
    /// One armed timer; ordered by deadline, then by arming order.
    private struct Entry {
        var deadline: UInt64
        var token: UInt64
        var slot: Int

        func fires(before other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : token < other.token
        }
    }

    let eventLoop: any EventLoop
    /// When timers may fire late, by load.
    let policy: TimerSlack
    /// Timers due within one slot of this width fire together at its end (zero: each at its
    /// deadline): the policy's quiet or busy slack.
    private(set) var slack: TimeAmount
    /// Whether the process was busy at the last judgement (the policy's busy slack is in use).
    private(set) var isBusy = false
    /// The firings of every loop of the process.
    private let firings: TimerFirings
    /// The current load window: its start (uptime ns; 0: none yet) and the firings counted then.
    private var windowStart: UInt64 = 0
    private var windowFirings: UInt64 = 0
    /// How long a load window lasts. Seconds, not one: the timers of chargers that connected in
    /// a ramp come round together (pings, heartbeats), and at 19,000 chargers averaging 850
    /// firings/s single seconds reached 1,600/s; five-second windows stay under 1,300/s there.
    static let loadWindow: UInt64 = 5_000_000_000
    /// Timers this queue fired, and the runs of its NIO tasks (for the fleet's stats; a run that
    /// finds only stale entries counts too).
    private(set) var firedCount: UInt64 = 0
    private(set) var wakeUpCount: UInt64 = 0
    /// Switches between the quiet and the busy slack.
    private(set) var slackSwitchCount: UInt64 = 0
    private var heap: [Entry] = []
    /// Slot → the charger and the token of its armed entry (0: none armed).
    private var chargers: [(any ChargerTimerTarget)?] = []
    private var tokens: [UInt64] = []
    private var freeSlots: [Int] = []
    private var armedCount = 0
    private var nextToken: UInt64 = 1
    /// The NIO tasks scheduled and not yet run, with their deadlines (uptime ns); usually one.
    private var scheduled: [(deadline: UInt64, task: Scheduled<Void>)] = []
    /// Past this many outstanding tasks the latest is cancelled (timers that keep moving earlier).
    private static let maximumScheduledTasks = 4

    /// A queue on `eventLoop` whose timers fire late, coalesced, as `slack` says for the load that
    /// `firings` (shared by the process's loops) counts.
    init(eventLoop: any EventLoop, slack: TimerSlack = .fixed(.zero), firings: TimerFirings = TimerFirings()) {
        self.eventLoop = eventLoop
        self.policy = slack
        self.slack = TimeAmount(slack.quiet)
        self.firings = firings
    }

    /// Takes a slot for `charger`; its timer fires `charger.timerQueueFired()`.
    func register(_ charger: any ChargerTimerTarget) -> Int {
        eventLoop.preconditionInEventLoop()
        if let slot = freeSlots.popLast() {
            chargers[slot] = charger
            return slot
        }
        chargers.append(charger)
        tokens.append(0)
        return chargers.count - 1
    }

    /// Gives the slot back; its timer, if armed, will not fire.
    func unregister(_ slot: Int) {
        cancel(slot)
        chargers[slot] = nil
        freeSlots.append(slot)
    }

    /// Arms the timer of `slot` for `deadline`, replacing the one armed.
    func arm(_ slot: Int, at deadline: NIODeadline) {
        eventLoop.preconditionInEventLoop()
        if tokens[slot] == 0 { armedCount += 1 }
        let entry = Entry(deadline: deadline.uptimeNanoseconds, token: nextToken, slot: slot)
        nextToken += 1
        tokens[slot] = entry.token
        push(entry)
        compactIfMostlyStale()
        scheduleIfNeeded()
    }

    /// Disarms the timer of `slot` (a no-op when none is armed).
    func cancel(_ slot: Int) {
        eventLoop.preconditionInEventLoop()
        guard tokens[slot] != 0 else { return }
        tokens[slot] = 0
        armedCount -= 1
    }

    /// Entries in the heap, stale ones included (for tests).
    var entryCount: Int { heap.count }
    /// NIO tasks scheduled and not yet run (for tests).
    var scheduledTaskCount: Int { scheduled.count }

    // MARK: - Firing

    /// When the queue wakes for a timer due at `deadline`: the end of its slack slot.
    private func wakeUp(for deadline: UInt64) -> UInt64 {
        let width = UInt64(slack.nanoseconds)
        guard width > 1 else { return deadline }
        let (slots, remainder) = deadline.quotientAndRemainder(dividingBy: width)
        guard remainder != 0 else { return deadline }
        let (end, overflow) = (slots + 1).multipliedReportingOverflow(by: width)
        return overflow ? deadline : end
    }

    private func scheduleIfNeeded() {
        guard let first = heap.first else { return }
        let wake = wakeUp(for: first.deadline)
        if scheduled.contains(where: { $0.deadline <= wake }) { return }
        if scheduled.count >= Self.maximumScheduledTasks,
            let latest = scheduled.indices.max(by: { scheduled[$0].deadline < scheduled[$1].deadline })
        {
            scheduled.remove(at: latest).task.cancel()
        }
        let task = eventLoop.assumeIsolated().scheduleTask(deadline: .uptimeNanoseconds(wake)) { [self] in
            fired(scheduledFor: wake)
        }
        scheduled.append((wake, task))
    }

    private func fired(scheduledFor deadline: UInt64) {
        if let index = scheduled.firstIndex(where: { $0.deadline == deadline }) { scheduled.remove(at: index) }
        let now = eventLoop.now.uptimeNanoseconds
        var count = 0
        while let first = heap.first, first.deadline <= now {
            popFirst()
            guard tokens[first.slot] == first.token, let charger = chargers[first.slot] else { continue }
            tokens[first.slot] = 0
            armedCount -= 1
            count += 1
            // May arm this or another slot again (a later deadline: not popped in this round).
            charger.timerQueueFired()
        }
        firings.add(count)
        firedCount += UInt64(count)
        wakeUpCount += 1
        judgeLoad(now: now)
        scheduleIfNeeded()
    }

    /// Once per ``loadWindow``: the process's firing rate over the window picks the quiet or the
    /// busy slack.
    private func judgeLoad(now: UInt64) {
        guard !policy.isFixed else { return }
        guard windowStart != 0 else {
            (windowStart, windowFirings) = (now, firings.count)
            return
        }
        let elapsed = now &- windowStart
        guard elapsed >= Self.loadWindow else { return }
        // The shared count is read once per window, not on every wake-up.
        let total = firings.count
        let rate = Double(total &- windowFirings) * 1e9 / Double(elapsed)
        (windowStart, windowFirings) = (now, total)
        let busy = isBusy ? rate >= policy.quietRate : rate >= policy.busyRate
        guard busy != isBusy else { return }
        isBusy = busy
        slackSwitchCount += 1
        slack = TimeAmount(busy ? policy.busy : policy.quiet)
    }

    // MARK: - Heap

    private func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].fires(before: heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func popFirst() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var smallest = left
            if left + 1 < heap.count, heap[left + 1].fires(before: heap[left]) { smallest = left + 1 }
            guard heap[smallest].fires(before: heap[parent]) else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Drops stale entries once they outnumber the armed ones (chargers that re-armed earlier
    /// leave their later entry behind), so the heap stays about one entry per charger.
    private func compactIfMostlyStale() {
        guard heap.count > 2 * armedCount + 64 else { return }
        heap.removeAll { tokens[$0.slot] != $0.token }
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }
}

import Dispatch
import Synchronization

/// Collects ``OCPPProcessingTimes`` from every connection's event loop.
final class OCPPProcessingTimeRecorder: Sendable {
    private let times = Mutex(OCPPProcessingTimes())

    /// What was recorded so far.
    var snapshot: OCPPProcessingTimes { times.withLock { $0 } }

    /// The clock the times are read with, in nanoseconds (monotonic).
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Counts one answered CALL read at `receivedAt` (a ``now()`` reading).
    func record(receivedAt: UInt64, meterValues: Bool) {
        let now = Self.now()
        let elapsed = now >= receivedAt ? now - receivedAt : 0
        times.withLock { times in
            times.calls.record(nanoseconds: elapsed)
            if meterValues { times.meterValues.record(nanoseconds: elapsed) }
        }
    }
}

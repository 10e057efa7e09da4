import NIOConcurrencyHelpers

/// How many stop signals came, and what the second one does; touched by the signal queue and
/// the main thread, under a lock (never on a hot path).
final class SignalState: Sendable {
    private struct Value {
        var count = 0
        var second: (@Sendable () -> Void)?
    }

    private let value = NIOLockedValueBox(Value())

    /// Counts a signal; returns the handler to run when it is not the first.
    func received() -> (@Sendable () -> Void)? {
        value.withLockedValue { value in
            value.count += 1
            return value.count > 1 ? (value.second ?? {}) : nil
        }
    }

    func setSecond(_ handler: @escaping @Sendable () -> Void) {
        value.withLockedValue { $0.second = handler }
    }
}
